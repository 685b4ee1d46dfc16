#include "hints.hpp"

#include <cctype>
#include <string_view>

#include <unattend/check.hpp>
#include <unattend/spec_yaml.hpp>

namespace unattend::cli {

namespace {

struct Hint {
  std::string_view key;  // a rule's name (as --disable takes it), or a spec key
  std::string_view text;
};

constexpr Hint finding_hints[] = {
    {"plaintext-password", " (`unattend fmt --encode-passwords FILE` does it)"},
    {"non-ascii", " (unattend fmt does this)"},
    {"utf16-file", " (unattend fmt writes that)"},
};

// Keys whose flag is not --KEY VALUE.
constexpr Hint flags[] = {
    {"users", "--user NAME --password-file FILE"},
    {"bypass-hardware-checks", "--bypass-hardware-checks"},
    {"virtio-guest-tools", "--virtio-guest-tools"},
    {"files", "--files"},
};

// Keys whose value goes on the image: only --package makes one.
constexpr std::string_view packaged_keys[] = {"drivers", "files", "openssh-msi"};

bool is_key_char(char c) { return (c >= 'a' && c <= 'z') || c == '-'; }

}  // namespace

void add_hints(std::vector<Diagnostic>& diagnostics) {
  for (Diagnostic& d : diagnostics) {
    const RuleInfo* rule = find_rule(d.code);
    if (rule == nullptr) continue;
    for (const Hint& hint : finding_hints) {
      if (rule->name == hint.key) d.message += hint.text;
    }
  }
}

std::string flag_form(const std::string& spec_text) {
  std::string out;
  std::size_t at = 0;
  while (at < spec_text.size()) {
    std::size_t end = at;
    while (end < spec_text.size() && is_key_char(spec_text[end])) ++end;
    // A key starts a word: "Server:" holds no key "erver".
    const bool word_start = at == 0 || std::isalnum(static_cast<unsigned char>(spec_text[at - 1])) == 0;
    if (end > at && end < spec_text.size() && spec_text[end] == ':' && word_start &&
        spec_keys().count(spec_text.substr(at, end - at)) != 0) {
      const std::string key = spec_text.substr(at, end - at);
      std::string flag = "--" + key;
      bool is_switch = false;
      for (const Hint& hint : flags) {
        if (hint.key == key) {
          flag = hint.text;
          is_switch = hint.text.find(' ') == std::string_view::npos && key != "files";
        }
      }
      out += flag;
      at = end + 1;
      // A switch takes no value: "bypass-hardware-checks: true" is the switch alone.
      if (is_switch && spec_text.compare(at, 5, " true") == 0) at += 5;
      continue;
    }
    if (end > at) {
      out += spec_text.substr(at, end - at);
      at = end;
    } else if (std::isalnum(static_cast<unsigned char>(spec_text[at])) != 0) {
      // The rest of a word that is no key ("Server"), kept whole.
      while (at < spec_text.size() && (std::isalnum(static_cast<unsigned char>(spec_text[at])) != 0 || spec_text[at] == '-')) {
        out += spec_text[at++];
      }
    } else {
      out += spec_text[at++];
    }
  }
  return out;
}

std::string command_line_text(const SpecProblem& problem) {
  const bool options_alone = problem.origin.file.empty() || problem.origin.file == "command line";
  // Options alone: a key to add has no place to name; the message and the
  // flag to add say it, and spec keys in the message become flags.
  const bool missing = problem.origin.file.empty() && problem.origin.line == 0;
  std::string text = missing ? flag_form(problem.message) : problem.origin.describe() + ": " + problem.message;
  if (!problem.add.empty()) {
    text += options_alone ? "; add " + flag_form(problem.add)
                          : "; add " + problem.add + " (on the command line: " + flag_form(problem.add) + ")";
  }
  if (!problem.code.empty()) text += " [" + problem.code + "]";
  // Only check_packaged's refusals: a missing file under --package needs no hint.
  const bool unpackaged = problem.message.find("goes on the installation medium, and this run makes none") != std::string::npos;
  for (const std::string_view key : packaged_keys) {
    std::string k = problem.origin.key;
    if (k.rfind("--", 0) == 0) k.erase(0, 2);
    if (unpackaged && (k == key || k.rfind(std::string(key) + "[", 0) == 0)) text += " (add --package OUT.iso)";
  }
  return text;
}

}  // namespace unattend::cli
