#pragma once

// Hidden entry points for the build and the shells, not commands users type:
// `unattend --man-pages DIR [CLI.md]` and `unattend __complete WORD...`.

#include <filesystem>
#include <string>
#include <vector>

namespace unattend::cli {

// "unattend 0.1.0", with the git commit when the build knew it.
std::string version_line();

// Writes unattend.1, unattend-COMMAND.1 for every command and
// unattend-rules.7 into `directory`; DESCRIPTION and EXAMPLES of each command
// come from its section of `cli_markdown` (docs/cli.md), when given.
int write_man_pages(const std::filesystem::path& directory, const std::filesystem::path& cli_markdown = {});

// `words` are the command line after "unattend", the last one being completed
// (possibly empty). Prints one candidate per line, or "@files" alone when the
// shell should complete file names.
int complete(const std::vector<std::string>& words);

}  // namespace unattend::cli
