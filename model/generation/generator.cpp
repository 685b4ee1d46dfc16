// Spec -> answer file: each feature adds its settings, then the whole file is
// checked like any other; an error is reported at the spec line whose value
// it concerns.
#include <algorithm>
#include <cstdlib>
#include <tuple>

#include <unattend/check.hpp>
#include <unattend/explain.hpp>
#include <unattend/input.hpp>
#include <unattend/password.hpp>
#include <unattend/schema.hpp>
#include <unattend/detail/join.hpp>

#include "check/checked.hpp"
#include "vocabulary/codes.hpp"
#include "explain/outcome.hpp"
#include "schema/validation.hpp"
#include "generation/build.hpp"
#include "xml/text.hpp"

namespace unattend {

std::string SpecOrigin::describe() const {
  // A key the spec lacks has no line: name the spec file and the key to add.
  if (line == 0) return file.empty() || file == "command line" ? key : file + " (" + key + ")";
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + (key.empty() ? "" : " (" + key + ")");
}

std::string SpecProblem::text() const {
  return message + (add.empty() ? "" : "; add " + add) + (code.empty() ? "" : " [" + code + "]");
}

std::string SpecProblem::describe() const { return origin.describe() + ": " + text(); }

namespace {

std::string described(const std::vector<SpecProblem>& problems) {
  return detail::join(problems, "\n", [](const SpecProblem& p) { return p.describe(); });
}

// The spec's lines in order, keys it lacks (no line) after them; a problem
// found twice (by the check before the build and by the build) is said once.
std::vector<SpecProblem> ordered(std::vector<SpecProblem> problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const SpecProblem& a, const SpecProblem& b) {
    const auto rank = [](const SpecProblem& p) {
      return std::make_tuple(p.origin.line == 0, p.origin.file != "command line", p.origin.line, p.origin.column);
    };
    return rank(a) < rank(b);
  });
  std::vector<SpecProblem> out;
  for (SpecProblem& p : problems) {
    const bool seen = std::any_of(out.begin(), out.end(), [&](const SpecProblem& q) { return q.describe() == p.describe(); });
    if (!seen) out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

SpecError::SpecError(const SpecOrigin& origin, const std::string& message, std::string add)
    : SpecError(std::vector<SpecProblem>{{origin, message, std::move(add)}}) {}

SpecError::SpecError(std::vector<SpecProblem> problems)
    : Error(described(ordered(problems))), problems_(ordered(std::move(problems))) {}

namespace detail::generation {

std::filesystem::path Build::path_of(const SpecValue<std::string>& file) const { return resolved(spec, file.value); }

std::string Build::secret_from_file_all(const SpecValue<std::string>& file) {
  std::string text;
  if (file.value == "-") {
    // Standard input holds one secret: a second "-" would silently get the same text.
    if (stdin_used && stdin_origin.describe() != file.origin.describe()) {
      throw SpecError(file.origin, "standard input is already read for " + stdin_origin.describe() +
                                       "; give this one a file");
    }
    if (!stdin_used) {
      stdin_text = read_standard_input();
      stdin_used = true;
      stdin_origin = file.origin;
    }
    text = stdin_text;
  } else {
    try {
      text = read_input_file(path_of(file));
    } catch (const Error&) {
      throw SpecError(file.origin, "'" + file.value + "' cannot be read");
    }
  }
  // /dev/zero or a disk image given by mistake: stop at the limit instead of filling memory.
  if (exceeds_input_limit(text)) throw SpecError(file.origin, "'" + file.value + "' " + input_limit_text);
  return text;
}

namespace {

// A password Setup can take: encoding it needs UTF-8, and XML cannot carry a
// control character. Said here, at the spec value, without quoting it.
std::string checked_secret(std::string text, const SpecOrigin& origin) {
  try {
    (void)encode_password(text, "Password");
  } catch (const Error&) {
    throw SpecError(origin, "the password is not valid UTF-8");
  }
  for (const unsigned char c : text) {
    if (c < 0x20 && c != '\t') throw SpecError(origin, "the password holds a control character, which XML cannot carry");
  }
  return text;
}

}  // namespace

std::string Build::secret_from_file(const SpecValue<std::string>& file) {
  try {
    return password_from_file(file);
  } catch (const SpecError& e) {
    // Kept, and the build goes on with a stand-in that is never written
    // (generate throws every problem at the end): the run reports the rest.
    keep(e);
    return "unreadable";
  }
}

std::string Build::password_from_file(const SpecValue<std::string>& file) {
  std::string text = secret_from_file_all(file);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // Notepad's BOM is not part of the password
  if (const auto end = text.find_first_of("\r\n"); end != std::string::npos) text.resize(end);
  if (text.empty()) throw SpecError(file.origin, "'" + file.value + "' holds no password (its first line is empty)");
  return checked_secret(std::move(text), file.origin);
}

std::string Build::secret_from_env(const SpecValue<std::string>& variable) {
  const std::optional<std::string> value = environment_variable(variable.value);
  try {
    if (!value) throw SpecError(variable.origin, "the environment variable " + variable.value + " is not set");
    if (value->empty()) throw SpecError(variable.origin, "the environment variable " + variable.value + " is empty");
    return checked_secret(*value, variable.origin);
  } catch (const SpecError& e) {
    keep(e);  // as secret_from_file
    return "unreadable";
  }
}

namespace {

// The escaped form a value takes in the canonical output.
std::string as_written(const std::string& value) {
  std::string out;
  for (const unsigned char c : value) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c >= 0x80) return out;  // compare the ASCII prefix only
    else out += static_cast<char>(c);
  }
  return out;
}

// The elements open at `line` of the generated file (canonical output: one
// element per line), outermost first, with the pass and component names.
struct Place {
  std::string pass;
  std::string component;
  std::vector<std::string> elements;  // below the component
};

// The value of the attribute that `prefix` (name=") starts in a start tag's line, when it has one.
void note_attribute(const std::string& text, std::string_view prefix, std::string& value) {
  const std::size_t at = text.find(prefix);
  if (at == std::string::npos) return;
  const std::size_t begin = text.find('"', at) + 1;
  value = text.substr(begin, text.find('"', begin) - begin);
}

Place place_of(const std::string& xml, std::size_t line) {
  Place place;
  std::vector<std::string> stack;
  std::size_t start = 0;
  for (std::size_t number = 1; number <= line && start < xml.size(); ++number) {
    std::size_t end = xml.find('\n', start);
    if (end == std::string::npos) end = xml.size();
    const std::string text = trim(xml.substr(start, end - start));
    start = end + 1;
    if (!text.empty() && text[0] != '<') {
      // The rest of a value that spans lines: its element closes here.
      if (text.find("</") != std::string::npos && !stack.empty() && number < line) stack.pop_back();
      continue;
    }
    if (text.size() < 2 || text[1] == '?' || text[1] == '!') continue;
    if (text[1] == '/') {
      if (!stack.empty() && number < line) stack.pop_back();
      continue;
    }
    const std::string name = text.substr(1, text.find_first_of(" />", 1) - 1);
    const bool closed = text.find("</") != std::string::npos || text.ends_with("/>");
    if (number == line || !closed) stack.push_back(name);
    if (name == "settings") note_attribute(text, "pass=\"", place.pass);
    if (name == "component") note_attribute(text, "name=\"", place.component);
    if (number == line && closed) break;
  }
  const auto component = std::find(stack.begin(), stack.end(), "component");
  if (component != stack.end()) place.elements.assign(component + 1, stack.end());
  return place;
}

// The spec key that writes an element the generator fills itself, for a
// finding on a line that holds no value of the spec (a conflict between
// settings, a missing companion setting).
constexpr std::pair<std::string_view, std::string_view> key_of_element[] = {
    {"AutoLogon", "autologon"},          {"LocalAccount", "users"},         {"AdministratorPassword", "admin-password-file"},
    {"TimeZone", "time-zone"},           {"ComputerName", "computer-name"}, {"DiskConfiguration", "disk"},
    {"InstallTo", "disk"},               {"InstallToAvailablePartition", "disk"},
    {"InstallFrom", "image-index"},      {"ProductKey", "product-key"},     {"UILanguage", "ui-language"},
    {"UserLocale", "formats"},           {"SystemLocale", "system-locale"}, {"InputLocale", "keyboard"},
    {"JoinDomain", "domain"},            {"Credentials", "join-credentials-file"}, {"JoinWorkgroup", "workgroup"},
    {"OOBE", "skip-oobe"},               {"fDenyTSConnections", "remote-desktop"}};

// The components: setting at `elements` (its deepest match), or nullptr.
const SpecSetting* setting_at(const std::vector<SpecSetting>& settings, const std::vector<std::string>& elements) {
  const SpecSetting* best = nullptr;
  for (const SpecSetting& s : settings) {
    std::string path;
    for (const std::string& e : elements) {
      path += (path.empty() ? "" : "/") + e;
      if (path == s.path) {
        best = &s;
        if (const SpecSetting* child = setting_at(s.children, elements)) best = child;
        for (const auto& item : s.items) {
          if (const SpecSetting* inner = setting_at(item, elements)) best = inner;
        }
      }
    }
  }
  return best;
}

// Two spellings of one component name (the schemas accept any case).
bool same_component(const std::string& a, const std::string& b) {
  const ComponentInfo* x = Schema::instance().find_component(a);
  return x != nullptr && x == Schema::instance().find_component(b);
}

// The spec value an error in the generated file is about: the components:
// setting at the element of the diagnostic's line; else the longest value
// the spec gave to that element, found on the line (a tie goes to the later,
// so the spec's own components: win over the generator's defaults); else the
// spec key that writes the element or the nearest element around it; else
// the spec as a whole.
SpecOrigin origin_of(const Diagnostic& d, const std::string& xml, const Build& build) {
  const Place place = place_of(xml, d.line);
  for (const SpecComponent& c : build.spec.components) {
    if (to_string(c.pass) != place.pass || !same_component(c.name, place.component)) continue;
    if (const SpecSetting* s = setting_at(c.settings, place.elements)) return s->origin;
  }
  std::size_t start = 0;
  for (std::size_t line = 1; line < d.line && start != std::string::npos; ++line) {
    start = xml.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start != std::string::npos && !place.elements.empty()) {
    const std::string text = xml.substr(start, xml.find('\n', start) - start);
    const SpecOrigin* best = nullptr;
    std::size_t best_length = 0;
    for (const Build::Written& w : build.written) {
      const std::string written = as_written(w.value);
      if (w.element == place.elements.back() && written.size() >= best_length &&
          text.find(">" + written + "<") != std::string::npos) {
        best = &w.origin;
        best_length = written.size();
      }
    }
    if (best != nullptr) return *best;
  }
  for (auto e = place.elements.rbegin(); e != place.elements.rend(); ++e) {
    for (const auto& [element, key] : key_of_element) {
      if (*e == element) return {build.spec.source, 0, 0, std::string(key)};
    }
  }
  for (const SpecComponent& c : build.spec.components) {
    if (to_string(c.pass) == place.pass && same_component(c.name, place.component)) return c.origin;
  }
  return {build.spec.source, 0, 0, "the spec"};
}

SpecOrigin origin_with_control_character(const Build& build) {
  for (const Build::Written& w : build.written) {
    for (const unsigned char c : w.value) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return w.origin;
    }
  }
  return {"", 0, 0, "the spec"};
}

// The spec key that answers a page where Setup or OOBE would stop
// (docs/explain.md lists the pages), and what to add.
SpecProblem key_for_page(const Spec& spec, const std::string& page, const Target& target) {
  struct Answer {
    const char* page;
    const char* key;
    const char* message;
    const char* add;
  };
  static constexpr Answer answers[] = {
      {"disk", "disk", "Setup will ask where to install Windows", "disk: N"},
      {"account", "users", "no account: OOBE will ask for one", "users:"},
      {"product-key", "image-index", "Setup will ask for a product key", "image-index: N (or product-key: KEY)"},
      {"edition", "image-index", "Setup will ask which edition to install", "image-index: N (or image-name: NAME)"},
      {"language", "locale", "Setup will ask for the language", "locale: LL-CC"},
      {"region", "locale", "OOBE will ask for the region", "locale: LL-CC"},
      {"keyboard", "keyboard", "OOBE will ask for the keyboard", "keyboard: ID (or locale: LL-CC)"},
      {"hardware-check", "bypass-hardware-checks",
       "Windows 11 Setup stops without TPM 2.0 or Secure Boot, which a VM often lacks", "bypass-hardware-checks: true"},
  };
  // Windows Server's OOBE asks for the Administrator password, not for an
  // account; when the Windows is not known, either may be asked.
  if (page == "account" && target.is_server()) {
    return {{spec.source, 0, 0, "admin-password-file"}, "Windows Server OOBE will ask for the Administrator password",
            "admin-password-file: FILE"};
  }
  if (page == "account" && !target.is_client()) {
    return {{spec.source, 0, 0, "users"},
            "no account: OOBE will ask for one (Windows Server: for the Administrator password; target: says which Windows)",
            "users: (admin-password-file: for Windows Server)"};
  }
  for (const Answer& answer : answers) {
    if (page == answer.page) return {{spec.source, 0, 0, answer.key}, answer.message, answer.add};
  }
  return {{spec.source, 0, 0, "skip-oobe"},
          "OOBE will ask at the '" + page + "' page; keep skip-oobe: true, or answer the page with a setting of the "
          "spec's components", ""};
}

Architecture architecture_of(const std::string& name) {
  if (name == "arm64") return Architecture::arm64;
  if (name == "x86") return Architecture::x86;
  return Architecture::amd64;
}

}  // namespace

}  // namespace detail::generation

Generated generate(const Spec& spec, const GenerateOptions& options) {
  Generated result;
  detail::generation::Build build{.spec = spec, .file = result.file, .architecture = Architecture::amd64,
                                  .options = options};
  build.problems = spec.problems;
  detail::generation::check_spec(build);
  detail::generation::check_packaged(build);
  if (options.packaged) {
    try {
      check_package_inputs(spec);
    } catch (const SpecError& e) {
      build.keep(e);
    }
  }
  bool built = false;
  try {
    // Every component once per architecture, the copies alike, as the C#
    // unattend generator writes them: Setup applies the copy that matches
    // the image (NOTES.md section 4; UA2008 accepts copies that agree).
    std::vector<Architecture> architectures;
    for (const auto& a : spec.architectures) architectures.push_back(detail::generation::architecture_of(a.value));
    if (architectures.empty()) architectures.push_back(detail::generation::architecture_of(spec.architecture.value));
    for (const Architecture architecture : architectures) {
      build.architecture = architecture;
      build.orders.clear();
      detail::generation::add_locale(build);
      detail::generation::add_guest_tools(build);  // its drivers before the diskpart layout looks for the disk
      detail::generation::add_disk_and_image(build);
      detail::generation::add_network(build);
      detail::generation::add_oobe(build);
      detail::generation::add_accounts(build);  // before the spec's own first-logon commands: they may need the accounts
      detail::generation::add_commands(build);
      detail::generation::add_winrm(build);
      detail::generation::add_components(build);
    }
    result.xml = result.file.to_xml(Layout::canonical);  // built from nothing: canonical either way, said here
    built = true;
  } catch (const SpecError& e) {
    build.keep(e);  // a file that cannot be read: nothing more to build, the rest is reported
  } catch (const Error& e) {
    // A value no answer file can hold (a control character): the spec asks
    // for something invalid, like any other error in it (exit 1, not 2).
    build.refuse(detail::generation::origin_with_control_character(build), e.what());
  }
  if (built) {
    const std::string& xml = result.xml;
    // One validation of the generated bytes serves the rules and the outcome below.
    detail::Validation validation = detail::validate_document(xml, "generated answer file");
    // generate writes autounattend.xml for installation media.
    CheckOptions check_options;
    check_options.setup.usage = {Usage::media, "spec"};
    if (spec.architectures.empty()) check_options.setup.arch = {spec.architecture.value, "spec"};
    if (spec.target) check_options.setup.target = {parse_target(spec.target->value), "spec"};
    result.diagnostics = detail::check_validated(validation, xml, "generated answer file", check_options);
    // Correct by construction: an error or a warning (check --strict fails on
    // it) is refused at the spec line of the value it concerns, and a page
    // where Setup would stop at the key that answers it.
    // The file's findings come before the logon checks' refusals, so that
    // on one spec line the value's own problem is said first.
    const auto before_logons = static_cast<std::ptrdiff_t>(build.problems.size());
    detail::generation::check_logons(build);
    std::vector<SpecProblem> findings;
    for (const Diagnostic& d : result.diagnostics) {
      // A page where Setup stops is said below, at the key that answers it;
      // a finding that a check of the spec made already (UA10003, UA10004)
      // is said once, at the spec's line.
      const bool said = std::any_of(build.problems.begin(), build.problems.end(),
                                    [&](const SpecProblem& p) { return !p.code.empty() && p.code == d.code; });
      if (d.severity == Severity::info || d.code == codes::setup_stops.code || d.code == codes::setup_may_stop.code || said) continue;
      findings.push_back({detail::generation::origin_of(d, xml, build), d.message, "", d.code});
    }
    build.problems.insert(build.problems.begin() + before_logons, findings.begin(), findings.end());
    const bool readable = validation.document.root != nullptr && validation.document.well_formed;
    const Outcome outcome = readable ? detail::outcome_without_timeline(validation.document, check_options.setup) : Outcome{};
    for (const Stop& stop : outcome.stops) {
      if (stop.severity == Severity::info) continue;
      SpecProblem answer = detail::generation::key_for_page(spec, stop.page, outcome.target.value);
      answer.code = stop.severity == Severity::error ? codes::setup_stops.code : codes::setup_may_stop.code;
      // A key the spec gives wrongly is said once, at its line.
      const bool said = std::any_of(build.problems.begin(), build.problems.end(), [&](const SpecProblem& p) {
        return p.origin.key == answer.origin.key || p.origin.key == "--" + answer.origin.key;
      });
      if (!said) build.problems.push_back(std::move(answer));
    }
  }
  if (!built) detail::generation::check_logons(build);
  if (!build.problems.empty()) throw SpecError(std::move(build.problems));
  for (SpecProblem& warning : build.warnings) {
    // Said once, not once per architecture.
    const bool said = std::any_of(result.warnings.begin(), result.warnings.end(),
                                  [&](const SpecProblem& w) { return w.describe() == warning.describe(); });
    if (!said) result.warnings.push_back(std::move(warning));
  }
  return result;
}

}  // namespace unattend
