// The candidates behind the bash and zsh completion scripts (completion/). The
// scripts only ask `unattend __complete`: the commands, their options and the
// names they take come from the same tables the commands parse with, so a new
// command or rule completes without touching the scripts.
#include <iostream>

#include <unattend/check.hpp>
#include <unattend/setup.hpp>
#include <unattend/schema.hpp>

#include "command.hpp"
#include "meta.hpp"
#include "report.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

constexpr char files[] = "@files";

struct Values {
  std::string_view command;  // empty: any command
  std::string_view option;
  std::vector<std::string> (*list)();
};

std::vector<std::string> rule_words() {
  std::vector<std::string> words;
  for (const RuleInfo& rule : all_rules()) {
    words.emplace_back(rule.code);
    words.emplace_back(rule.name);
  }
  return words;
}

std::vector<std::string> schema_targets() {
  std::vector<std::string> words;
  for (const ComponentInfo& component : Schema::instance().components()) words.push_back(component.name);
  for (const SettingInfo& setting : Schema::instance().settings()) words.push_back(setting.component + '/' + setting.path);
  return words;
}

// Option values that are names rather than files. Formats come from the report
// code; the rest mirror the checks in the commands.
const Values value_lists[] = {
    {"check", "format", [] { return report_format_names(); }},
    {"schema", "format", [] { return std::vector<std::string>{"json"}; }},
    {"explain", "format", [] { return std::vector<std::string>{"text", "json"}; }},
    {"fix", "select", rule_words},
    {"schema", "action", [] { return std::vector<std::string>{"export", "show"}; }},
    {"schema", "target", schema_targets},
    {"password", "action", [] { return std::vector<std::string>{"encode", "decode"}; }},
    {"password", "element",
     [] { return std::vector<std::string>{"Password", "AdministratorPassword", "OfflineAdministratorPassword"}; }},
    {"generate", "firmware", [] { return std::vector<std::string>{"uefi", "bios"}; }},
    {"generate", "architecture", [] { return std::vector<std::string>{"amd64", "arm64", "x86"}; }},
    {"generate", "architectures", [] { return std::vector<std::string>{"amd64", "arm64", "x86"}; }},
    {"generate", "winrm", [] { return std::vector<std::string>{"ntlm", "basic"}; }},
    {"generate", "password-expiry", [] { return std::vector<std::string>{"unlimited"}; }},
    {"generate", "account-lockout", [] { return std::vector<std::string>{"off", "default"}; }},
    {"generate", "skip-oobe", [] { return std::vector<std::string>{"true", "false"}; }},
    {"generate", "remote-desktop", [] { return std::vector<std::string>{"true", "false"}; }},
    {"generate", "virtio-guest-tools", [] { return std::vector<std::string>{"true", "false"}; }},
    {"", "disable", rule_words},
    {"", "usage", [] { return std::vector<std::string>{"media", "sysprep", "upgrade"}; }},
    {"", "target", [] {
       std::vector<std::string> words;
       for (const std::string_view name : target_names()) words.emplace_back(name);
       return words;
     }},
    {"", "arch", [] { return std::vector<std::string>{"amd64", "x86", "arm64"}; }},
};

void print_matching(const std::vector<std::string>& candidates, std::string_view prefix, std::string_view before = {}) {
  for (const auto& candidate : candidates) {
    if (candidate.starts_with(prefix)) std::cout << before << candidate << '\n';
  }
}

void print_values(const Command& command, const std::string& option, std::string_view prefix,
                  std::string_view before = {}) {
  for (const Values& values : value_lists) {
    if ((values.command.empty() || values.command == command.name) && values.option == option) {
      print_matching(values.list(), prefix, before);
      return;
    }
  }
  std::cout << files << '\n';
}

// The option a word names ("--format", "-o"), if the command has it.
const po::option_description* find_option(const po::options_description& options, const std::string& word) {
  if (word.starts_with("--") && word.size() > 2) return options.find_nothrow(word.substr(2), false);
  // Boost keeps short names with their dash ("-o").
  if (word.size() == 2 && word[0] == '-') return options.find_nothrow(word, false);
  return nullptr;
}

bool takes_value(const po::option_description& option) { return option.semantic()->max_tokens() > 0; }

int complete_command(const Command& command, const std::vector<std::string>& words) {
  po::options_description options;
  po::positional_options_description positional;
  command.describe(options, positional);
  options.add_options()("help,h", "show this help");
  const std::string& current = words.back();

  // Which positional the current word would be, and whether it is an option's value.
  unsigned position = 0;
  const po::option_description* pending = nullptr;
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (pending != nullptr) {
      pending = nullptr;
    } else if (words[i].starts_with("-") && words[i] != "-") {
      const auto* option = find_option(options, words[i].substr(0, words[i].find('=')));
      if (option != nullptr && takes_value(*option) && words[i].find('=') == std::string::npos) pending = option;
    } else {
      ++position;
    }
  }
  if (pending != nullptr) {
    print_values(command, pending->long_name(), current);
    return exit_ok;
  }
  if (current.starts_with("--") && current.find('=') != std::string::npos) {
    const auto equals = current.find('=');
    print_values(command, current.substr(2, equals - 2), current.substr(equals + 1), current.substr(0, equals + 1));
    return exit_ok;
  }
  if (current.starts_with("-")) {
    std::vector<std::string> names;
    for (const auto& option : options.options()) {
      bool is_positional = false;
      for (unsigned p = 0; p < positional.max_total_count() && p < 8; ++p) {
        is_positional |= positional.name_for_position(p) == option->long_name();
      }
      if (!is_positional) names.push_back("--" + option->long_name());
    }
    print_matching(names, current);
    return exit_ok;
  }
  if (position >= positional.max_total_count()) return exit_ok;
  print_values(command, positional.name_for_position(position), current);
  return exit_ok;
}

}  // namespace

int complete(const std::vector<std::string>& words) {
  if (words.empty()) return complete({""});
  std::vector<std::string> names;
  for (const Command& command : commands()) names.emplace_back(command.name);
  if (words.size() == 1) {
    names.emplace_back("help");
    if (words.front().starts_with("-")) names = {"--help", "--version"};
    print_matching(names, words.front());
    return exit_ok;
  }
  if (words.front() == "help") {
    if (words.size() == 2) print_matching(names, words.back());
    return exit_ok;
  }
  const Command* command = find_command(words.front());
  return command == nullptr ? exit_ok : complete_command(*command, words);
}

}  // namespace unattend::cli
