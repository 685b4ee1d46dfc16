#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <unattend/check.hpp>
#include <unattend/config.hpp>
#include <unattend/error.hpp>
#include <unattend/explain.hpp>
#include <unattend/input.hpp>

#include "command.hpp"
#include "input_files.hpp"
#include "setup_options.hpp"
#include "template_options.hpp"
#include "terminal_text.hpp"

namespace po = boost::program_options;
using nlohmann::ordered_json;

namespace unattend::cli {

namespace {

// One piece of the file's text on a line of its own: a newline in a value
// (&#10;) must not start a line that looks like another finding.
std::string one(std::string_view text) { return terminal_safe(text, true); }


void describe(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("input", po::value<std::string>(), "the answer file; - reads standard input")
      ("format", po::value<std::string>()->default_value("text"), "text | json")
      ("strict", po::bool_switch(), "exit 1 when Setup may stop too (a stop under a condition)");
  describe_config(options);
  describe_setup(options);
  describe_template(options);
  positional.add("input", 1);
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

ordered_json to_json(const Outcome& o, std::size_t errors) {
  ordered_json doc;
  doc["file"] = o.file;
  if (!o.reading.empty()) doc["template"] = o.reading;
  doc["usage"] = {{"value", to_string(o.usage.value)}, {"from", o.usage.from}};
  doc["target"] = {{"value", to_string(o.target.value)}, {"from", o.target.from}};
  doc["arch"] = {{"value", o.arch.value.empty() ? ordered_json(nullptr) : ordered_json(o.arch.value)},
                 {"from", o.arch.from}};
  auto& stops = doc["stops"] = ordered_json::array();
  for (const Stop& s : o.stops) {
    stops.push_back({{"page", s.page}, {"pass", to_string(s.pass)}, {"when", s.when}, {"severity", to_string(s.severity)},
                     {"answered_by", s.answered_by}, {"why", s.why}, {"line", s.line}});
  }
  auto& passes = doc["passes"] = ordered_json::array();
  for (const PassSteps& p : o.passes) {
    ordered_json steps = ordered_json::array();
    for (const Step& s : p.steps) steps.push_back({{"line", s.line}, {"what", s.what}});
    passes.push_back({{"pass", to_string(p.pass)}, {"runs", p.runs}, {"note", p.note}, {"steps", steps}});
  }
  auto& accounts = doc["accounts"] = ordered_json::array();
  for (const Account& a : o.accounts) {
    accounts.push_back({{"name", a.name}, {"kind", to_string(a.kind)}, {"pass", to_string(a.pass)}, {"groups", a.groups},
                        {"administrator", to_string(a.administrator)}, {"password", a.password}, {"line", a.line}});
  }
  if (o.autologon) {
    const Autologon& a = *o.autologon;
    doc["autologon"] = {{"pass", to_string(a.pass)},
                        {"username", a.username},
                        {"domain", a.domain},
                        {"enabled", a.enabled},
                        {"logon_count", a.logon_count ? ordered_json(*a.logon_count) : ordered_json(nullptr)},
                        {"account_exists", to_string(a.account_exists)},
                        {"administrator", to_string(a.administrator)},
                        {"password", a.password},
                        {"resets_count", a.resets_count},
                        {"password_matches", to_string(a.password_matches)},
                        {"signs_in", to_string(a.signs_in)},
                        {"why_not", a.why_not.empty() ? ordered_json(nullptr) : ordered_json(a.why_not)},
                        {"line", a.line}};
  } else {
    doc["autologon"] = nullptr;
  }
  doc["join"] = o.join.empty() ? ordered_json(nullptr) : ordered_json(o.join);
  auto& commands = doc["commands"] = ordered_json::array();
  for (const unattend::Command& c : o.commands) {
    commands.push_back({{"pass", to_string(c.pass)},
                        {"list", c.list},
                        {"order", c.order ? ordered_json(*c.order) : ordered_json(nullptr)},
                        {"line", c.line},
                        {"runs_as", to_string(c.runs_as)},
                        {"account", c.account.empty() ? ordered_json(nullptr) : ordered_json(c.account)},
                        {"credentials", c.credentials},
                        {"when", c.when},
                        {"runs", c.runs},
                        {"command", c.command}});
  }
  doc["check_errors"] = errors;
  return doc;
}

void write_passes(std::ostream& out, const Outcome& o) {
  out << one(o.file) << ": what Windows Setup will do with this file\n";
  if (!o.passes.empty()) {
    out << "used as: " << to_string(o.usage.value) << " (" << o.usage.from << "); Windows: " << to_string(o.target.value)
        << " (" << o.target.from << ")";
    if (!o.arch.value.empty()) out << "; architecture: " << o.arch.value << " (" << o.arch.from << ")";
    out << "\n";
  }
  for (const PassSteps& p : o.passes) {
    out << "\n" << to_string(p.pass) << (p.runs ? "" : " (not run)") << ": " << one(p.note) << "\n";
    for (const Step& s : p.steps) out << "  " << (s.line == 0 ? std::string("   ") : std::to_string(s.line)) << "  " << one(s.what) << "\n";
  }
}

void write_accounts(std::ostream& out, const Outcome& o) {
  out << "\naccounts:";
  if (o.accounts.empty()) out << " none created by this file";
  out << "\n";
  for (const Account& a : o.accounts) {
    out << "  " << one(a.name) << " (" << to_string(a.kind) << ", " << to_string(a.pass) << "): administrator " << to_string(a.administrator)
        << ", " << (a.password ? "password set" : "no password") << "\n";
  }
  if (!o.join.empty()) out << "  joins " << one(o.join) << "\n";
}

void write_autologon(std::ostream& out, const Outcome& o) {
  out << "automatic logon: ";
  if (!o.autologon || !o.autologon->enabled) {
    out << "none: nothing signs in by itself\n";
  } else {
    const Autologon& a = *o.autologon;
    out << one(a.username) << " (" << to_string(a.pass) << "), LogonCount "
        << (a.logon_count ? std::to_string(*a.logon_count) : std::string("not given")) << "; account created: "
        << to_string(a.account_exists) << ", administrator: " << to_string(a.administrator)
        << ", password " << (a.password ? "given" : "not given") << "\n";
    if (a.signs_in == Tristate::no) out << "  does not sign in: " << one(a.why_not) << "\n";
  }
}

void write_commands(std::ostream& out, const Outcome& o) {
  out << "commands, in the order they run:" << (o.commands.empty() ? " none" : "") << "\n";
  for (const unattend::Command& c : o.commands) {
    out << "  " << c.line << "  " << to_string(c.pass) << " " << c.list << (c.order ? " #" + std::to_string(*c.order) : "")
        << ", as " << one(runs_as_text(c)) << ", " << c.when << "\n";
  }
}

// Where Setup stops, or that it does not.
void write_stops(std::ostream& out, const Outcome& o) {
  out << "\n";
  if (o.passes.empty()) {
    out << "the file is not a readable answer file: see unattend check\n";
  } else if (o.stops.empty()) {
    out << "Setup runs to the end without asking anything\n";
  } else {
    for (const Stop& s : o.stops) {
      out << one(o.file) << ":" << s.line << ": " << to_string(s.severity) << ": Setup " << (s.when == "always" ? "stops" : "may stop")
          << " at the '" << s.page << "' page (" << to_string(s.pass) << (s.when == "always" ? "" : "; " + s.when) << "): " << one(s.why)
          << "; answered by " << join(s.answered_by, ", ") << "\n";
    }
  }
}

void write_text(std::ostream& out, const Outcome& o, std::size_t errors) {
  if (!o.reading.empty()) out << "Template: " << terminal_safe(o.reading, false) << "\n\n";
  write_passes(out, o);
  write_accounts(out, o);
  write_autologon(out, o);
  write_commands(out, o);
  write_stops(out, o);
  if (errors != 0) out << "unattend check finds " << errors << " error(s) in this file\n";
}

int run(const po::variables_map& vm) {
  if (vm.count("input") == 0) throw UsageError("explain needs a FILE (or - for standard input)");
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") throw UsageError("--format: text or json, not '" + format + "'");
  const std::string input = vm["input"].as<std::string>();
  ConfigResolver configs = config_resolver(vm);
  CheckOptions options = config_for(configs, input == "-" ? std::filesystem::path() : path_from_utf8(input)).check_options();
  apply_setup(vm, options.setup);
  template_override(vm).apply(options.templates);
  const Checker checker;
  Outcome outcome;
  std::vector<Diagnostic> diagnostics;
  try {
    const std::string name = input == "-" ? "<stdin>" : input;
    const std::string bytes = input == "-" ? read_stdin() : read_input_file(path_from_utf8(input));
    outcome = explain(bytes, name, options.setup, options.templates);
    diagnostics = checker.check(bytes, name, options);
  } catch (const Error& e) {
    std::cerr << "unattend: " << e.what() << '\n';
    return exit_usage;
  }
  std::size_t errors = 0;
  for (const auto& d : diagnostics) errors += d.severity == Severity::error ? 1 : 0;
  if (format == "json") {
    std::cout << to_json(outcome, errors).dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  } else {
    // The timeline quotes the file (names, commands): written as terminal-safe text.
    std::ostringstream text;
    write_text(text, outcome, errors);
    std::cout << terminal_safe(text.str());
  }
  bool stops = false, may_stop = false;
  for (const Stop& s : outcome.stops) {
    stops |= s.severity == Severity::error;
    may_stop |= s.severity == Severity::warning;
  }
  return errors != 0 || stops || (may_stop && vm["strict"].as<bool>()) ? exit_findings : exit_ok;
}

}  // namespace

extern const Command explain_command = {
    "explain", "Say what Windows Setup will do with an answer file: where it stops, who is created, what runs as whom",
    "unattend explain [options] FILE|-", describe, run};

}  // namespace unattend::cli
