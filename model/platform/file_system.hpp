#pragma once

#include <filesystem>
#include <string>
#include <string_view>

// What the library and the command need from the operating system beyond the
// C++ standard library. Each function has one implementation per platform,
// in file_system_posix.cpp and file_system_windows.cpp; callers stay free of
// #ifdef (docs/windows.md).
namespace unattend::detail {

// Whether `name` matches the shell pattern `glob`: `*`, `?`, `[...]` (with `!`
// or `^` to negate, and ranges) and `\` to escape; `*` also matches '/'. POSIX
// asks fnmatch(3) with no flags; Windows has none, and uses
// match_glob_portably(), which tests/file_system_test.cpp holds to fnmatch.
bool glob_matches(const std::string& glob, const std::string& name);
bool match_glob_portably(std::string_view glob, std::string_view name);

// Why a configuration file found on the way up from an input must not be
// trusted, or "" when it may be. POSIX: it belongs to another user (not root),
// or everyone may write it. Windows: not judged (ownership lives in ACLs, and
// a folder's ACL is inherited by what is created in it).
std::string distrust_reason(const std::filesystem::path& file);

// make_private_directory() and standard_input_waiting() are public
// (<unattend/atomic_file.hpp>, <unattend/input.hpp>): the command uses them.

}  // namespace unattend::detail
