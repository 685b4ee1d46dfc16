#include <iostream>

#include <nlohmann/json.hpp>

#include <unattend/check.hpp>
#include <unattend/error.hpp>
#include <unattend/explain.hpp>
#include <unattend/input.hpp>

#include "command.hpp"
#include "input_files.hpp"

namespace po = boost::program_options;
using nlohmann::ordered_json;

namespace unattend::cli {

namespace {

void describe(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("input", po::value<std::string>(), "the answer file; - reads standard input")
      ("format", po::value<std::string>()->default_value("text"), "text | json")
      ("strict", po::bool_switch(), "exit 1 when Setup may stop too (a stop under a condition)");
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
  auto& stops = doc["stops"] = ordered_json::array();
  for (const Stop& s : o.stops) {
    stops.push_back({{"page", s.page}, {"pass", s.pass}, {"when", s.when}, {"severity", to_string(s.severity)},
                     {"answered_by", s.answered_by}, {"why", s.why}, {"line", s.line}});
  }
  auto& passes = doc["passes"] = ordered_json::array();
  for (const PassSteps& p : o.passes) {
    ordered_json steps = ordered_json::array();
    for (const Step& s : p.steps) steps.push_back({{"line", s.line}, {"what", s.what}});
    passes.push_back({{"pass", p.pass}, {"runs", p.runs}, {"note", p.note}, {"steps", steps}});
  }
  auto& accounts = doc["accounts"] = ordered_json::array();
  for (const Account& a : o.accounts) {
    accounts.push_back({{"name", a.name}, {"kind", a.kind}, {"pass", a.pass}, {"groups", a.groups},
                        {"administrator", to_string(a.administrator)}, {"password", a.password}, {"line", a.line}});
  }
  if (o.autologon) {
    const Autologon& a = *o.autologon;
    doc["autologon"] = {{"pass", a.pass},
                        {"username", a.username},
                        {"domain", a.domain},
                        {"enabled", a.enabled},
                        {"logon_count", a.logon_count ? ordered_json(*a.logon_count) : ordered_json(nullptr)},
                        {"account_exists", to_string(a.account_exists)},
                        {"administrator", to_string(a.administrator)},
                        {"password", a.password},
                        {"resets_count", a.resets_count},
                        {"line", a.line}};
  } else {
    doc["autologon"] = nullptr;
  }
  doc["join"] = o.join.empty() ? ordered_json(nullptr) : ordered_json(o.join);
  auto& commands = doc["commands"] = ordered_json::array();
  for (const unattend::Command& c : o.commands) {
    commands.push_back({{"pass", c.pass},
                        {"list", c.list},
                        {"order", c.order ? ordered_json(*c.order) : ordered_json(nullptr)},
                        {"line", c.line},
                        {"runs_as", c.runs_as},
                        {"when", c.when},
                        {"runs", c.runs},
                        {"command", c.command}});
  }
  doc["check_errors"] = errors;
  return doc;
}

void write_text(std::ostream& out, const Outcome& o, std::size_t errors) {
  out << o.file << ": what Windows Setup will do with this file\n";
  for (const PassSteps& p : o.passes) {
    out << "\n" << p.pass << (p.runs ? "" : " (not run)") << ": " << p.note << "\n";
    for (const Step& s : p.steps) out << "  " << (s.line == 0 ? std::string("   ") : std::to_string(s.line)) << "  " << s.what << "\n";
  }
  out << "\naccounts:";
  if (o.accounts.empty()) out << " none created by this file";
  out << "\n";
  for (const Account& a : o.accounts) {
    out << "  " << a.name << " (" << a.kind << ", " << a.pass << "): administrator " << to_string(a.administrator)
        << ", " << (a.password ? "password set" : "no password") << "\n";
  }
  if (!o.join.empty()) out << "  joins " << o.join << "\n";
  out << "automatic logon: ";
  if (!o.autologon || !o.autologon->enabled) {
    out << "none: nothing signs in by itself\n";
  } else {
    const Autologon& a = *o.autologon;
    out << a.username << " (" << a.pass << "), LogonCount "
        << (a.logon_count ? std::to_string(*a.logon_count) : std::string("not given")) << "; account created: "
        << to_string(a.account_exists) << ", administrator: " << to_string(a.administrator)
        << ", password " << (a.password ? "given" : "not given") << "\n";
  }
  out << "commands, in the order they run:" << (o.commands.empty() ? " none" : "") << "\n";
  for (const unattend::Command& c : o.commands) {
    out << "  " << c.line << "  " << c.pass << " " << c.list << (c.order ? " #" + std::to_string(*c.order) : "")
        << ", as " << c.runs_as << ", " << c.when << "\n";
  }
  out << "\n";
  if (o.passes.empty()) {
    out << "the file is not a readable answer file: see unattend check\n";
  } else if (o.stops.empty()) {
    out << "Setup runs to the end without asking anything\n";
  } else {
    for (const Stop& s : o.stops) {
      out << o.file << ":" << s.line << ": " << to_string(s.severity) << ": Setup " << (s.when == "always" ? "stops" : "may stop")
          << " at the '" << s.page << "' page (" << s.pass << (s.when == "always" ? "" : "; " + s.when) << "): " << s.why
          << "; answered by " << join(s.answered_by, ", ") << "\n";
    }
  }
  if (errors != 0) out << "unattend check finds " << errors << " error(s) in this file\n";
}

int run(const po::variables_map& vm) {
  if (vm.count("input") == 0) throw UsageError("explain needs a FILE (or - for standard input)");
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") throw UsageError("--format: text or json, not '" + format + "'");
  const std::string input = vm["input"].as<std::string>();
  const Checker checker;
  Outcome outcome;
  std::vector<Diagnostic> diagnostics;
  try {
    const std::string name = input == "-" ? "<stdin>" : input;
    const std::string bytes = input == "-" ? read_stdin() : read_input_file(input);
    outcome = explain(bytes, name);
    diagnostics = checker.check(bytes, name);
  } catch (const Error& e) {
    std::cerr << "unattend: " << e.what() << '\n';
    return exit_usage;
  }
  std::size_t errors = 0;
  for (const auto& d : diagnostics) errors += d.severity == Severity::error ? 1 : 0;
  if (format == "json") {
    std::cout << to_json(outcome, errors).dump(2) << '\n';
  } else {
    write_text(std::cout, outcome, errors);
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
