// The floor under any run of a program that validates with Xerces-C: start
// the process, load the libraries unattend's programs load, initialise Xerces
// (its static data: the Unicode ranges of its regular expressions are built
// at every start) and exit. unattend_bench runs it beside xmllint, so that
// the ratio of a short check can be read against what is left above it.

#include <xercesc/util/PlatformUtils.hpp>

int main() {
  xercesc::XMLPlatformUtils::Initialize();
  return 0;
}
