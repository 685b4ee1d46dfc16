#pragma once

// What SaveOptions::allow_existing_errors compares: each error of a document
// as its code and the element it is reported on, named by its place in the
// document (pass, component, architecture and the chain of element names),
// not by line, so that the errors of the loaded bytes and those of the
// canonical form written from them can be matched.

#include <set>
#include <string>
#include <vector>

#include <xercesc/dom/DOMDocument.hpp>

#include <unattend/diagnostic.hpp>

namespace unattend::detail {

// One "code|place" key per error; `document` must come from parse_dom on
// the bytes the diagnostics are about.
std::multiset<std::string> error_places(const xercesc::DOMDocument& document,
                                        const std::vector<Diagnostic>& diagnostics);

}  // namespace unattend::detail
