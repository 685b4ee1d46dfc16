#pragma once

// The locale-name check of UA7006, which UA7007 repeats for each InputLocale
// entry that is not a language:layout pair: both must accept and reject the
// same names, in the same words.

#include <string>

namespace unattend::detail::rules {

// "" when `name` is a Windows locale name; otherwise what is wrong with it.
std::string locale_problem(const std::string& name);

}  // namespace unattend::detail::rules
