#pragma once

// The limits a schema puts on a setting's value (range, length, enumeration,
// boolean and integer lexical forms), checked when a value is written through
// the library rather than only when the file is saved. The bindings C++/Tree
// generates check none of them (NOTES.md, "The toolchain").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/schema.hpp>

namespace unattend::detail {

// Why `value` cannot be written in XML at all (a control character), naming
// `where`; empty when it can.
std::optional<std::string> xml_violation(std::string_view where, std::string_view value);

// Why `value` is outside the limits of `setting` (or cannot be written in XML), naming the setting
// ("<component>/<path>") and the limit, never the value (it may be a
// password); empty when it fits.
std::optional<std::string> facet_violation(const SettingInfo& setting, std::string_view value);

// Why `setting` does not belong in `pass` (Setup ignores it there: UA3003),
// worded as the checker words it; empty when it does.
std::optional<std::string> pass_violation(const SettingInfo& setting, Pass pass);

// Throws unattend::Error listing every value of `values` (path below the
// component, value) outside its setting's limits or, when `pass` is given, of
// a setting not valid in that pass; paths no schema describes are the
// checker's business and pass.
void check_facets(std::string_view component, std::optional<Pass> pass,
                  const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace unattend::detail
