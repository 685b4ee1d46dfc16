// AnswerFile::get/set (and the DOM escape hatch) come with every component
// binding, so that typed users include only the binding and
// <unattend/answer_file.hpp>. Not while the bindings themselves are compiled:
// they would be rebuilt at every change of the library's headers.
#ifndef UNATTEND_BUILDING_BINDINGS
#include <unattend/dom.hpp>
#endif
