#include <iostream>

#include <unattend/error.hpp>
#include <unattend/input.hpp>
#include <unattend/password.hpp>

#include "command.hpp"
#include "input_files.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

void describe(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("action", po::value<std::string>(), "encode or decode")
      ("element", po::value<std::string>()->default_value("Password"),
       "the password's element: Password (LocalAccount, AutoLogon), AdministratorPassword or "
       "OfflineAdministratorPassword");
  positional.add("action", 1);
}

// The first line of standard input, without its line break: passwords never
// come from the command line, where other users can read them.
std::string first_line(std::string text) {
  if (const auto end = text.find_first_of("\r\n"); end != std::string::npos) text.resize(end);
  return text;
}

int run(const po::variables_map& vm) {
  if (vm.count("action") == 0) throw UsageError("password needs encode or decode");
  const std::string action = vm["action"].as<std::string>();
  const std::string element = vm["element"].as<std::string>();
  (void)password_suffix(element);  // an unknown element is a usage problem, before reading anything
  if (action != "encode" && action != "decode") throw UsageError("password: '" + action + "' is neither encode nor decode");
  const std::string text = read_stdin();
  // From here on a failure is the input's fault (invalid UTF-8, not base64,
  // too large), not the command line's: exit 1, as for any other input.
  try {
    if (exceeds_input_limit(text)) throw Error(std::string("standard input ") + input_limit_text);
    const std::string secret = first_line(text);
    std::cout << (action == "encode" ? encode_password(secret, element) : decode_password(secret, element)) << '\n';
  } catch (const Error& e) {
    std::cerr << "unattend: " << e.what() << '\n';
    return exit_findings;
  }
  return exit_ok;
}

}  // namespace

extern const Command password_command = {
    "password", "Encode or decode a password as Setup stores it (PlainText false); reads standard input",
    "unattend password encode|decode [--element ELEMENT] < secret", describe, run};

}  // namespace unattend::cli
