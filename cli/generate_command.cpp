#include <algorithm>
#include <filesystem>
#include <iostream>

#include <unattend/input.hpp>
#include <unattend/atomic_file.hpp>
#include <unattend/package.hpp>
#include <unattend/spec.hpp>
#include <unattend/spec_yaml.hpp>
#include <unattend/detail/join.hpp>

#include "command.hpp"
#include "hints.hpp"
#include "terminal_text.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

// An option value with its place on the command line: each --password-file
// (or --password-env) is for the --user before it, and a variables_map alone
// does not keep the order between different options.
struct Placed {
  std::size_t place = 0;
  std::string text;
};

// Boost.Program_options calls this (found by argument-dependent lookup) for
// each occurrence, in command-line order.
void validate(boost::any& value, const std::vector<std::string>& tokens, Placed*, int) {
  static std::size_t next = 0;
  value = Placed{++next, po::validators::get_single_string(tokens)};
}

void describe(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      ("spec", po::value<std::string>(), "the spec file (YAML, docs/spec.md); the options below override it")
      ("output,o", po::value<std::string>(), "the answer file to write")
      ("package", po::value<std::string>(), "also put it on this ISO image, with the spec's drivers and files")
      ("force", po::bool_switch(), "replace existing outputs")
      ("computer-name", po::value<std::string>(), "at most 15 characters; * lets Setup choose")
      ("user", po::value<std::vector<Placed>>()->composing(), "a local administrator (repeatable)")
      ("password-file", po::value<std::vector<Placed>>()->composing(),
       "the password of the --user before it: first line of this file (- reads standard input)")
      ("password-env", po::value<std::vector<Placed>>()->composing(),
       "the password of the --user before it: this environment variable")
      ("admin-password-file", po::value<std::string>(), "the built-in Administrator's password")
      ("autologon", po::value<int>(), "log on automatically this many times")
      ("autologon-user", po::value<std::string>(), "who autologon signs in: a --user, or Administrator (default: the first user)")
      ("account-lockout", po::value<std::string>(), "off: never lock an account after failed logons (lab machines)")
      ("ssh-authorized-keys", po::value<std::string>(), "OpenSSH server for the first user, with these keys")
      ("image-index", po::value<int>(), "install this image of install.wim/esd")
      ("image-name", po::value<std::string>(), "install the image with this name")
      ("target", po::value<std::string>(), "the Windows the file is for: windows-10, windows-11, server-2022, ... (docs/explain.md)")
      ("product-key", po::value<std::string>(), "product key, five groups of five")
      ("firmware", po::value<std::string>(), "uefi | bios")
      ("disk", po::value<int>(), "wipe and partition this disk")
      ("no-disk-config", po::bool_switch(), "leave the disk to Setup")
      ("locale", po::value<std::string>(), "language and formats, e.g. en-US (the shorthand for the three below)")
      ("ui-language", po::value<std::string>(), "the language Windows shows: a language pack, e.g. en-US")
      ("formats", po::value<std::string>(), "dates, numbers, currency (UserLocale), e.g. de-CH")
      ("system-locale", po::value<std::string>(), "the code page of programs that are not Unicode, e.g. de-DE")
      ("keyboard", po::value<std::string>(), "input locale, e.g. 0409:00000409")
      ("time-zone", po::value<std::string>(), "a Windows time-zone id, e.g. UTC")
      ("architecture", po::value<std::string>(), "amd64 | arm64 | x86")
      ("bypass-hardware-checks", po::bool_switch(), "skip the Windows 11 TPM, Secure Boot and RAM checks")
      ("workgroup", po::value<std::string>(), "join this workgroup")
      ("domain", po::value<std::string>(), "join this domain (needs --join-credentials-file)")
      ("join-credentials-file", po::value<std::string>(), "account on line 1, password on line 2")
      ("first-logon", po::value<std::vector<std::string>>()->composing(), "a command at first logon (repeatable)")
      ("specialize", po::value<std::vector<std::string>>()->composing(), "a command in specialize (repeatable)")
      ("windows-pe", po::value<std::vector<std::string>>()->composing(), "a command in Windows PE (repeatable)")
      ("media-scripts", po::value<std::vector<std::string>>()->composing(),
       "a script on the image to run at first logon (repeatable; needs --files)")
      ("architectures", po::value<std::vector<std::string>>()->composing(), "write every component for each (repeatable)")
      ("efi-size", po::value<int>(), "MB of the EFI partition (UEFI)")
      ("recovery-size", po::value<int>(), "MB of a recovery partition after Windows (0: none; else at least 300)")
      ("skip-oobe", po::value<std::string>(), "true | false: hide the OOBE pages Setup can skip")
      ("remote-desktop", po::value<std::string>()->implicit_value("true"), "allow Remote Desktop and open its firewall rules")
      ("password-expiry", po::value<std::string>(), "unlimited | DAYS: the longest a password lasts, for every local account")
      ("winrm", po::value<std::string>(), "ntlm | basic: a WinRM HTTP listener on port 5985 for Packer or Ansible")
      ("openssh-msi", po::value<std::string>(), "install OpenSSH from this Win32-OpenSSH MSI (needs --package)")
      ("home-location", po::value<int>(), "the home location, a GeoID (e.g. 244 for the United States)")
      ("virtio-guest-tools", po::value<std::string>()->implicit_value("true"),
       "load the virtio drivers from the virtio-win image in Windows PE and install its guest tools")
      ("drivers", po::value<std::string>(), "a folder of drivers for the image (needs --package)")
      ("files", po::value<std::vector<std::string>>()->composing(), "SRC[=DEST] for the image (repeatable; needs --package)")
      ("label", po::value<std::string>(), "the image's volume label (default UNATTEND)");
}

SpecOrigin option(const std::string& name) { return {"command line", 0, 0, "--" + name}; }

template <typename T>
SpecValue<T> value(const po::variables_map& vm, const std::string& name) {
  return {vm[name].as<T>(), option(name)};
}

// A file named on the command line is relative to where the command runs,
// not to the spec's folder.
SpecValue<std::string> file_value(const po::variables_map& vm, const std::string& name) {
  const std::string path = vm[name].as<std::string>();
  return {path == "-" ? path : path_to_utf8(std::filesystem::absolute(path_from_utf8(path))), option(name)};
}

SpecValue<std::int64_t> number(const po::variables_map& vm, const std::string& name, int min, int max) {
  const int v = vm[name].as<int>();
  if (v < min || v > max) {
    throw SpecError(option(name), "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                                      "; found " + std::to_string(v));
  }
  return {v, option(name)};
}

SpecValue<bool> flag(const po::variables_map& vm, const std::string& name) {
  const std::string v = vm[name].as<std::string>();
  if (v != "true" && v != "false") throw SpecError(option(name), "must be true or false; found '" + v + "'");
  return {v == "true", option(name)};
}

std::vector<SpecValue<std::string>> values(const po::variables_map& vm, const std::string& name) {
  std::vector<SpecValue<std::string>> out;
  for (const auto& v : vm[name].as<std::vector<std::string>>()) out.push_back({v, option(name)});
  return out;
}

std::vector<Placed> placed(const po::variables_map& vm, const char* name) {
  return vm.count(name) != 0 ? vm[name].as<std::vector<Placed>>() : std::vector<Placed>{};
}

// --user NAME [--password-file FILE | --password-env VAR], repeated. Without
// --user, a password option is for the spec's first user.
void apply_users(const po::variables_map& vm, Spec& spec) {
  const std::vector<Placed> users = placed(vm, "user");
  if (!users.empty()) {
    spec.users.clear();
    for (const auto& name : users) {
      SpecUser user;
      user.name = {name.text, option("user")};
      spec.users.push_back(std::move(user));
    }
  }
  std::vector<bool> given(spec.users.size(), false);
  for (const char* name : {"password-file", "password-env"}) {
    for (const Placed& password : placed(vm, name)) {
      std::size_t user = 0;
      if (!users.empty()) {
        const auto before = std::find_if(users.rbegin(), users.rend(),
                                         [&](const Placed& u) { return u.place < password.place; });
        if (before == users.rend()) throw UsageError(std::string("--") + name + " must follow the --user it is for");
        user = static_cast<std::size_t>(users.rend() - before) - 1;
      }
      if (spec.users.empty()) throw UsageError("--password-file and --password-env need a --user");
      if (given[user]) {
        throw UsageError("user '" + spec.users[user].name.value + "' is given two passwords on the command line");
      }
      given[user] = true;
      SpecUser& target = spec.users[user];
      target.password_file.reset();
      target.password_env.reset();
      if (std::string_view(name) == "password-file") {
        target.password_file = {password.text == "-" ? password.text : path_to_utf8(std::filesystem::absolute(path_from_utf8(password.text))),
                                option(name)};
      } else {
        target.password_env = {password.text, option(name)};
      }
    }
  }
}

// Puts the command line's options over the spec. The groups run in the order
// of the options' list, so that of two usage errors the same one is reported
// as before. Each option's mistake is kept in spec.problems, as a spec file's
// are, so that generate reports all of them in one run.
class OptionsOverSpec {
 public:
  OptionsOverSpec(const po::variables_map& vm, Spec& spec) : vm_(vm), spec_(spec) {}

  void apply() {
    accounts();
    image();
    disk();
    languages();
    architecture();
    join();
    commands();
    architectures();
    sizes_and_switches();
    password_expiry();
    remote_access();
    media();
  }

 private:
  bool has(const char* name) const { return vm_.count(name) != 0 && !vm_[name].defaulted(); }

  template <typename Apply>
  void attempt(const Apply& apply) {
    try {
      apply();
    } catch (const SpecError& e) {
      spec_.problems.insert(spec_.problems.end(), e.problems().begin(), e.problems().end());
    }
  }

  SpecValue<std::string> one_of(const char* name, std::initializer_list<std::string_view> allowed) const {
    const std::string v = vm_[name].as<std::string>();
    for (auto a : allowed) {
      if (a == v) return SpecValue<std::string>{v, option(name)};
    }
    const std::string list = detail::join(allowed, ", ");
    throw SpecError(option(name), "'" + v + "' is not one of " + list);
  }

  void accounts() {
    if (has("computer-name")) spec_.computer_name = value<std::string>(vm_, "computer-name");
    apply_users(vm_, spec_);
    if (has("admin-password-file")) spec_.admin_password_file = file_value(vm_, "admin-password-file");
    attempt([&] { if (has("autologon")) spec_.autologon = number(vm_, "autologon", 0, 999); });
    if (has("autologon-user")) spec_.autologon_user = value<std::string>(vm_, "autologon-user");
    attempt([&] {
      if (has("account-lockout")) {
        spec_.account_lockout_off = {one_of("account-lockout", {"off", "default"}).value == "off", option("account-lockout")};
      }
    });
    if (has("ssh-authorized-keys")) spec_.ssh_authorized_keys = file_value(vm_, "ssh-authorized-keys");
  }

  void image() {
    if (has("image-index") + has("image-name") > 1) throw UsageError("give --image-index or --image-name");
    attempt([&] {
      if (has("image-index")) {
        spec_.image_index = number(vm_, "image-index", 1, 1000);
        spec_.image_name.reset();
      }
    });
    if (has("image-name")) {
      spec_.image_name = value<std::string>(vm_, "image-name");
      spec_.image_index.reset();
    }
    if (has("product-key")) spec_.product_key = value<std::string>(vm_, "product-key");
    if (has("target")) {
      spec_.target = value<std::string>(vm_, "target");
      if (!parse_target(spec_.target->value)) throw UsageError("--target: one of " + target_list() + ", not '" + spec_.target->value + "'");
    }
    attempt([&] { if (has("firmware")) spec_.firmware = one_of("firmware", {"uefi", "bios"}); });
  }

  void disk() {
    if (has("disk") && vm_["no-disk-config"].as<bool>()) throw UsageError("give --disk or --no-disk-config");
    attempt([&] {
      if (has("disk")) {
        spec_.disk = number(vm_, "disk", 0, 127);
        spec_.available_partition = {false, {}};
      }
    });
    if (vm_["no-disk-config"].as<bool>()) {
      spec_.disk.reset();
      spec_.available_partition = {true, option("no-disk-config")};
    }
  }

  void languages() {
    if (has("locale")) spec_.locale = value<std::string>(vm_, "locale");
    if (has("keyboard")) spec_.keyboard = value<std::string>(vm_, "keyboard");
    if (has("ui-language")) spec_.ui_language = value<std::string>(vm_, "ui-language");
    if (has("formats")) spec_.formats = value<std::string>(vm_, "formats");
    if (has("system-locale")) spec_.system_locale = value<std::string>(vm_, "system-locale");
    if (has("time-zone")) spec_.time_zone = value<std::string>(vm_, "time-zone");
  }

  void architecture() {
    attempt([&] {
      if (!has("architecture")) return;
      spec_.architecture = one_of("architecture", {"amd64", "arm64", "x86"});
      spec_.architectures.clear();  // one architecture replaces the spec's list
    });
    if (vm_["bypass-hardware-checks"].as<bool>()) spec_.bypass_hardware_checks = {true, option("bypass-hardware-checks")};
  }

  void join() {
    if (has("workgroup") && has("domain")) throw UsageError("give --workgroup or --domain");
    if (has("workgroup")) {
      spec_.workgroup = value<std::string>(vm_, "workgroup");
      spec_.domain.reset();
    }
    if (has("domain")) {
      spec_.domain = value<std::string>(vm_, "domain");
      spec_.workgroup.reset();
    }
    if (has("join-credentials-file")) spec_.join_credentials_file = file_value(vm_, "join-credentials-file");
  }

  void commands() {
    if (has("first-logon")) spec_.first_logon_commands = values(vm_, "first-logon");
    if (has("specialize")) spec_.specialize_commands = values(vm_, "specialize");
    if (has("windows-pe")) spec_.windows_pe_commands = values(vm_, "windows-pe");
    if (has("media-scripts")) spec_.media_scripts = values(vm_, "media-scripts");
  }

  void architectures() {
    if (has("architectures")) {
      if (has("architecture")) throw UsageError("give --architecture or --architectures");
      attempt([&] {
        spec_.architectures.clear();
        spec_.architecture = {"amd64", {}};  // the list replaces the spec's one architecture
        for (const auto& a : values(vm_, "architectures")) {
          if (a.value != "amd64" && a.value != "arm64" && a.value != "x86") {
            throw SpecError(a.origin, "'" + a.value + "' is not one of amd64, arm64, x86");
          }
          const bool twice = std::any_of(spec_.architectures.begin(), spec_.architectures.end(),
                                         [&](const auto& before) { return before.value == a.value; });
          if (twice) throw SpecError(a.origin, "'" + a.value + "' is given twice");
          spec_.architectures.push_back(a);
        }
      });
    }
  }

  void sizes_and_switches() {
    attempt([&] { if (has("efi-size")) spec_.efi_size = number(vm_, "efi-size", 100, 4096); });
    attempt([&] { if (has("recovery-size")) spec_.recovery_size = number(vm_, "recovery-size", 0, 65536); });
    attempt([&] { if (has("skip-oobe")) spec_.skip_oobe = flag(vm_, "skip-oobe"); });
    attempt([&] { if (has("remote-desktop")) spec_.remote_desktop = flag(vm_, "remote-desktop"); });
    attempt([&] { if (has("virtio-guest-tools")) spec_.virtio_guest_tools = flag(vm_, "virtio-guest-tools"); });
  }

  void password_expiry() {
    attempt([&] {
      if (!has("password-expiry")) return;
      const std::string v = vm_["password-expiry"].as<std::string>();
      if (v != "unlimited" && (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos ||
                               std::stoi(v) < 1)) {
        throw SpecError(option("password-expiry"), "must be unlimited or a number of days (1 to 999); found '" + v + "'");
      }
      spec_.password_expiry = value<std::string>(vm_, "password-expiry");
    });
  }

  void remote_access() {
    attempt([&] { if (has("winrm")) spec_.winrm = one_of("winrm", {"ntlm", "basic"}); });
    if (has("openssh-msi")) spec_.openssh_msi = file_value(vm_, "openssh-msi");
    attempt([&] { if (has("home-location")) spec_.home_location = number(vm_, "home-location", 2, 999999); });
    if (has("drivers")) spec_.drivers = file_value(vm_, "drivers");
  }

  void media() {
    if (has("files")) {
      // SRC is relative to where the command runs; DEST is a path on the image.
      spec_.files.clear();
      for (const auto& f : values(vm_, "files")) {
        const auto equals = f.value.rfind('=');
        const std::string source = path_to_utf8(std::filesystem::absolute(path_from_utf8(f.value.substr(0, equals))));
        spec_.files.push_back({equals == std::string::npos ? source + "=" + path_to_utf8(path_from_utf8(f.value).filename())
                                                          : source + f.value.substr(equals),
                              f.origin});
      }
    }
    attempt([&] {
      if (!has("label")) return;
      const std::string l = vm_["label"].as<std::string>();
      if (l.empty() || l.size() > 32 ||
          l.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") != std::string::npos) {
        throw SpecError(option("label"), "must be 1 to 32 of A-Z a-z 0-9 _ -; found '" + l + "'");
      }
      spec_.label = value<std::string>(vm_, "label");
    });
  }

  const po::variables_map& vm_;
  Spec& spec_;
};

void apply_options(const po::variables_map& vm, Spec& spec) { OptionsOverSpec(vm, spec).apply(); }

int run(const po::variables_map& vm) {
  if (vm.count("output") == 0 && vm.count("package") == 0) throw UsageError("generate needs -o FILE or --package OUT.iso");
  // Every mistake of the spec file and the options is reported in one run.
  Spec spec = vm.count("spec") != 0 ? load_spec(path_from_utf8(vm["spec"].as<std::string>()), SpecMistakes::keep) : Spec{};
  apply_options(vm, spec);
  const bool force = vm["force"].as<bool>();

  if (vm.count("package") != 0 && vm["package"].as<std::string>() == "-") {
    throw UsageError("--package needs a file; 'unattend package FILE -o -' writes an image to standard output");
  }
  // Both outputs are refused before either is written.
  for (const char* name : {"output", "package"}) {
    if (vm.count(name) == 0) continue;
    const std::string path = vm[name].as<std::string>();
    if (path != "-") check_output_path(path_from_utf8(path), force);
  }
  Generated generated = generate(spec, {.packaged = vm.count("package") != 0});
  for (const SpecProblem& warning : generated.warnings) {
    std::cerr << "unattend: warning: " << terminal_safe(command_line_text(warning), true) << '\n';
  }
  std::vector<Diagnostic> shown = generated.diagnostics;
  add_hints(shown);
  for (const auto& d : shown) std::cerr << format(d) << '\n';
  const bool refused = std::any_of(generated.diagnostics.begin(), generated.diagnostics.end(),
                                   [](const Diagnostic& d) { return d.severity != Severity::info; });
  if (refused) {
    std::cerr << "unattend: the generated answer file has findings; nothing written\n";
    return exit_findings;
  }
  // The image first: its inputs are the likelier to fail, and an answer file
  // must not be left behind when the image cannot be written.
  std::string wrote;  // said once both outputs are in place
  if (vm.count("package") != 0) {
    check_package_inputs(spec);
    PackageOptions options = packaging_of(spec);
    options.overwrite = force;
    // generate() has checked these bytes: package them without a second check.
    const PackageResult result =
        package_checked(generated.xml, generated.diagnostics, path_from_utf8(vm["package"].as<std::string>()), options);
    wrote = "wrote " + vm["package"].as<std::string>() + " (" + std::to_string(result.size) + " bytes, sha256 " +
            result.sha256 + ")\n";
  }
  if (vm.count("output") != 0) {
    const std::string output = vm["output"].as<std::string>();
    if (output == "-") {
      std::cout << generated.xml;
    } else {
      try {
        // generate() has checked these bytes: write them rather than have save() check them again.
        write_file_atomically(path_from_utf8(output), generated.xml, {.overwrite = force, .secret = true, .replace_protected = force});
      } catch (...) {
        // Nothing is written on any error: not the image either.
        if (vm.count("package") != 0) {
          std::error_code ignored;
          std::filesystem::remove(path_from_utf8(vm["package"].as<std::string>()), ignored);
        }
        throw;
      }
      wrote += "wrote " + output + "\n";
    }
  }
  std::cerr << wrote;
  return exit_ok;
}

}  // namespace

extern const Command generate_command = {
    "generate", "Generate a complete, checked answer file from a spec and options",
    "unattend generate [--spec FILE] [options] -o FILE [--package OUT.iso]", describe, run};

}  // namespace unattend::cli
