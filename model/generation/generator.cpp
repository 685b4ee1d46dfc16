// Spec -> answer file: each feature adds its settings, then the whole file is
// checked like any other; an error is reported at the spec line whose value
// it concerns.
#include <cstdlib>

#include <unattend/check.hpp>
#include <unattend/explain.hpp>
#include <unattend/input.hpp>
#include <unattend/password.hpp>

#include "check/checked.hpp"
#include "explain/outcome.hpp"
#include "schema/validation.hpp"
#include "generation/build.hpp"

namespace unattend {

std::string SpecOrigin::describe() const {
  // A key the spec lacks has no line: name the spec file and the key to add.
  if (line == 0) return file.empty() || file == "command line" ? key : file + " (" + key + ")";
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + (key.empty() ? "" : " (" + key + ")");
}

SpecError::SpecError(const SpecOrigin& origin, const std::string& message)
    : Error(origin.describe() + ": " + message), origin_(origin) {}

namespace detail::generation {

std::string Build::path_of(const SpecValue<std::string>& file) const {
  const std::filesystem::path path = file.value;
  return (path.is_absolute() || spec.base_directory.empty() ? path : spec.base_directory / path).string();
}

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
  std::string text = secret_from_file_all(file);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // Notepad's BOM is not part of the password
  if (const auto end = text.find_first_of("\r\n"); end != std::string::npos) text.resize(end);
  if (text.empty()) throw SpecError(file.origin, "'" + file.value + "' holds no password (its first line is empty)");
  return checked_secret(std::move(text), file.origin);
}

std::string Build::secret_from_env(const SpecValue<std::string>& variable) const {
  const char* value = std::getenv(variable.value.c_str());
  if (value == nullptr) throw SpecError(variable.origin, "the environment variable " + variable.value + " is not set");
  if (*value == '\0') throw SpecError(variable.origin, "the environment variable " + variable.value + " is empty");
  return checked_secret(value, variable.origin);
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

// The spec value an error in the generated file is about: the longest
// recorded value on the diagnostic's line.
const SpecOrigin* origin_of(const Diagnostic& d, const std::string& xml, const Build& build) {
  std::size_t start = 0;
  for (std::size_t line = 1; line < d.line && start != std::string::npos; ++line) {
    start = xml.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos) return nullptr;
  const std::string text = xml.substr(start, xml.find('\n', start) - start);
  const SpecOrigin* best = nullptr;
  std::size_t best_length = 0;
  for (const auto& [value, origin] : build.written) {
    const std::string written = as_written(value);
    if (written.size() > best_length && text.find(">" + written + "<") != std::string::npos) {
      best = &origin;
      best_length = written.size();
    }
  }
  return best;
}

SpecOrigin origin_with_control_character(const Build& build) {
  for (const auto& [value, origin] : build.written) {
    for (const unsigned char c : value) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return origin;
    }
  }
  return {"", 0, 0, "the spec"};
}

// The spec key that answers a page where Setup or OOBE would stop
// (docs/explain.md lists the pages), and what to add.
SpecOrigin key_for_page(const Spec& spec, const std::string& page, const Target& target, std::string& hint) {
  struct Answer {
    const char* page;
    const char* key;
    const char* hint;
  };
  static constexpr Answer answers[] = {
      {"disk", "disk", "Setup will ask where to install Windows; add disk: N"},
      {"account", "users", "no account: OOBE will ask for one; add users:"},
      {"product-key", "image-index", "Setup will ask for a product key; add image-index: or product-key:"},
      {"edition", "image-index", "Setup will ask which edition to install; add image-index: or image-name:"},
      {"language", "locale", "Setup will ask for the language; add locale:"},
      {"region", "locale", "OOBE will ask for the region; add locale:"},
      {"keyboard", "keyboard", "OOBE will ask for the keyboard; add keyboard: or locale:"},
      {"hardware-check", "bypass-hardware-checks", "Windows 11 Setup stops without TPM 2.0 or Secure Boot; add "
                                                   "bypass-hardware-checks: true for a VM"},
  };
  // Windows Server's OOBE asks for the Administrator password, not for an
  // account; when the Windows is not known, either may be asked.
  if (page == "account" && target.is_server()) {
    hint = "Windows Server OOBE will ask for the Administrator password; add admin-password-file:";
    return {spec.source, 0, 0, "admin-password-file"};
  }
  if (page == "account" && !target.is_client()) {
    hint = "no account: OOBE will ask for one (Windows Server: for the Administrator password); add users: "
           "(admin-password-file: for Windows Server), or say which Windows with target:";
    return {spec.source, 0, 0, "users"};
  }
  for (const Answer& answer : answers) {
    if (page == answer.page) {
      hint = answer.hint;
      return {spec.source, 0, 0, answer.key};
    }
  }
  hint = "OOBE will ask at the '" + page + "' page; keep skip-oobe: true or answer it under components:";
  return {spec.source, 0, 0, "skip-oobe"};
}

Architecture architecture_of(const std::string& name) {
  if (name == "arm64") return Architecture::arm64;
  if (name == "x86") return Architecture::x86;
  return Architecture::amd64;
}

}  // namespace

}  // namespace detail::generation

Generated generate(const Spec& spec) {
  Generated result;
  detail::generation::Build build{spec, result.file, Architecture::amd64, {}, {}, false, {}, {}};
  try {
    detail::generation::check_spec(build);
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
      detail::generation::add_disk_and_image(build);
      detail::generation::add_network(build);
      detail::generation::add_oobe(build);
      detail::generation::add_accounts(build);  // before the spec's own first-logon commands: they may need the accounts
      detail::generation::add_commands(build);
      detail::generation::add_components(build);
    }
    result.xml = result.file.to_xml();
  } catch (const SpecError&) {
    throw;
  } catch (const Error& e) {
    // A value no answer file can hold (a control character): the spec asks
    // for something invalid, like any other error in it (exit 1, not 2).
    throw SpecError(detail::generation::origin_with_control_character(build), e.what());
  }
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
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity != Severity::error) continue;
    if (const SpecOrigin* origin = detail::generation::origin_of(d, xml, build)) throw SpecError(*origin, d.message + " [" + d.code + "]");
  }
  detail::generation::check_logons(build);
  const bool readable = validation.document.root != nullptr && validation.document.well_formed;
  const Outcome outcome = readable ? detail::outcome_without_timeline(validation.document, check_options.setup) : Outcome{};
  for (const Stop& stop : outcome.stops) {
    if (stop.severity == Severity::info) continue;
    std::string hint;
    const SpecOrigin origin = detail::generation::key_for_page(spec, stop.page, outcome.target.value, hint);
    throw SpecError(origin, hint + " [" + (stop.severity == Severity::error ? "UA10001" : "UA10002") + "]");
  }
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity != Severity::warning) continue;
    if (const SpecOrigin* origin = detail::generation::origin_of(d, xml, build)) throw SpecError(*origin, d.message + " [" + d.code + "]");
  }
  return result;
}

}  // namespace unattend
