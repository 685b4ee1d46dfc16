// UA9001: a driver path or a command that names a removable-media drive
// letter (D: to Z:, except X:, the Windows PE RAM drive). Letters are handed
// out in the order Windows finds volumes: one more disk, card reader or ISO
// and the medium moves from E: to F:. C: (the system drive) is fine.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <unattend/detail/join.hpp>

#include "check/rules/commands.hpp"
#include "check/rules/rule.hpp"
#include "xml/text.hpp"

namespace unattend::detail::rules {
namespace {

bool is_driver_path(const Node& node) {
  if (node.name != "Path" || node.setting_path() != "DriverPaths/PathAndCredentials/Path") return false;
  const Node* component = node.enclosing_component();
  const Attribute* name = component != nullptr ? component->attribute("name") : nullptr;
  return name != nullptr && ascii_lower(name->value).starts_with("microsoft-windows-pnpcustomizations");
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Commands that give a letter to something rather than expect one:
// `net use Z: \\server\share`, `subst Z: C:\dir`, `mountvol Z: \\?\Volume{...}`.
bool assigns_letter(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && space(text[end - 1])) --end;
  std::size_t begin = end;
  while (begin > 0 && !space(text[begin - 1])) --begin;
  const std::string word = ascii_lower(text.substr(begin, end - begin));
  return word == "use" || word == "subst" || word == "subst.exe" || word == "mountvol" || word == "mountvol.exe";
}

// The drive letters D: to Z: (not X:) that `text` names, upper case, in order
// of first appearance. A letter counts when it starts a word (after a space,
// a quote, '=', '(' and the like, or after the ':' of an option such as
// /unattend:E:\file) and its colon ends the word or starts a path; so
// "http://", "a:b" and %VAR:~1% do not count.
std::vector<char> drive_letters(std::string_view text) {
  std::vector<char> found;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    if (letter < 'D' || letter > 'Z' || letter == 'X' || text[i + 1] != ':') continue;
    if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) continue;
    const char after = i + 2 < text.size() ? text[i + 2] : '\0';
    const bool path = after == '\\' || after == '/';
    const bool alone = after == '\0' || space(after) || after == '"' || after == '\'' || after == ')' ||
                       after == ';' || after == ',' || after == '&' || after == '|';
    if (!path && !alone) continue;
    const char before = i > 0 ? text[i - 1] : ' ';
    const bool starts_word = space(before) || before == '"' || before == '\'' || before == '=' || before == '(' ||
                             before == '[' || before == '{' || before == ',' || before == ';' || before == '>' ||
                             before == '<' || before == '|' || before == '&' || before == '@' ||
                             (before == ':' && path);
    if (!starts_word) continue;
    if (assigns_letter(text, i)) continue;
    if (std::find(found.begin(), found.end(), letter) == found.end()) found.push_back(letter);
  }
  return found;
}

class HardCodedDriveLetter final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      bool driver = false;
      if (is_driver_path(node)) {
        driver = true;
      } else if (node.name != "CommandLine" && node.name != "Path") {
        return;
      } else if (node.parent == nullptr || !is_command(*node.parent)) {
        return;
      }
      const std::vector<char> letters = drive_letters(node.value());
      if (letters.empty()) return;
      const std::string names = join(letters, ", ", [](char l) { return std::string{l, ':'}; });
      const std::string which = letters.size() == 1 ? "the drive letter " : "the drive letters ";
      const std::string moves = letters.size() == 1 ? ", which moves" : ", which move";
      if (driver) {
        findings.add(node, "driver path relies on " + which + names + moves +
                               " when disks or drives are added; put the drivers in a $WinPEDriver$ "
                               "folder at the root of the medium, which Setup searches on every drive");
      } else {
        findings.add(node, "'" + node.name + "' of '" + node.parent->name + "' relies on " + which + names + moves +
                               " when disks or drives are added; find the medium instead, by a "
                               "file on it (for %d in (D E F G H) do if exist %d:\\setup.cmd ...), by its volume "
                               "label, or from the script's own drive (%~d0)");
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_hard_coded_drive_letter() { return std::make_unique<HardCodedDriveLetter>(); }

}  // namespace unattend::detail::rules
