#include "input_files.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <unattend/check.hpp>
#include <unattend/error.hpp>
#include <unattend/input.hpp>
#include <unattend/detail/join.hpp>

#include "command.hpp"
#include "terminal_text.hpp"

namespace fs = std::filesystem;

namespace unattend::cli {

namespace {

// An answer file, or a template of one named for it (autounattend.xml.j2,
// unattend.xml.pkrtpl.hcl: docs/templates.md).
bool has_xml_extension(const fs::path& path) {
  std::string name = path_to_utf8(path.filename());
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (name.ends_with(".xml")) return true;
  for (std::string_view suffix : {".xml.j2", ".xml.jinja", ".xml.jinja2", ".xml.tmpl", ".xml.tpl", ".xml.erb", ".xml.pkrtpl.hcl", ".xml.pkrtpl"}) {
    if (name.ends_with(suffix)) return true;
  }
  return false;
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& arguments, bool follow_links) {
  std::vector<Input> inputs;
  for (const std::string& argument : arguments) {
    if (argument == "-") {
      inputs.push_back({"", "<stdin>"});
      continue;
    }
    std::error_code ec;
    const fs::path path = path_from_utf8(argument);
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw Error(argument + ": no such file or directory");
    if (!fs::is_directory(status)) {
      inputs.push_back({path, argument});
      continue;
    }
    std::vector<fs::path> found;
    std::vector<std::string> unreadable;
    // A folder below that cannot be read is an error, not a silent pass: its
    // answer files would go unchecked.
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();) {
      std::error_code entry_error;
      if (!follow_links && it->is_symlink(entry_error)) {
        it.increment(ec);
        continue;
      }
      if (it->is_directory(entry_error) && !it->is_symlink(entry_error)) {
        std::error_code probe;
        fs::directory_iterator test(it->path(), probe);
        if (probe) {
          unreadable.push_back(path_to_utf8(it->path()) + ": " + probe.message());
          it.disable_recursion_pending();
        }
      } else if (it->is_regular_file(entry_error) && has_xml_extension(it->path())) {
        found.push_back(it->path());
      }
      it.increment(ec);
    }
    if (ec) throw Error(argument + ": cannot list: " + ec.message());
    if (!unreadable.empty()) {
      const std::string list = detail::join(unreadable, "; ");
      throw Error("cannot read every folder below " + argument + ", so not every answer file would be checked: " + list);
    }
    // In the order of the names as printed (bytes of UTF-8, '/' between
    // folders), the same on every platform.
    std::vector<Input> listed;
    for (auto& file : found) listed.push_back({file, path_to_utf8(file), true});
    std::sort(listed.begin(), listed.end(), [](const Input& a, const Input& b) { return a.display < b.display; });
    inputs.insert(inputs.end(), std::make_move_iterator(listed.begin()), std::make_move_iterator(listed.end()));
  }
  return inputs;
}

void describe_config(boost::program_options::options_description& options) {
  options.add_options()
      ("config", boost::program_options::value<std::string>(), "read this configuration instead of the nearest .unattend.yaml")
      ("no-config", boost::program_options::bool_switch(), "read no configuration file");
}

ConfigResolver config_resolver(const boost::program_options::variables_map& vm) {
  if (vm.count("config") != 0 && vm["no-config"].as<bool>()) throw UsageError("--config and --no-config exclude each other");
  if (vm.count("config") != 0) return ConfigResolver::fixed(path_from_utf8(vm["config"].as<std::string>()));
  return vm["no-config"].as<bool>() ? ConfigResolver::none() : ConfigResolver::nearest();
}

const Config& config_for(ConfigResolver& configs, const std::filesystem::path& file) {
  const Config& config = configs.for_file(file);
  for (const std::string& w : configs.take_warnings()) std::cerr << "unattend: warning: " << terminal_safe(w, true) << '\n';
  return config;
}

std::string read_stdin() { return read_standard_input(); }

std::string read_input(const Input& input) {
  return input.path.empty() ? read_stdin() : read_input_file(input.path);
}

std::vector<std::string> rule_list(const std::vector<std::string>& arguments, const std::string& option) {
  std::vector<std::string> words;
  for (const auto& list : arguments) {
    for (std::size_t start = 0; start <= list.size();) {
      const auto comma = std::min(list.find(',', start), list.size());
      const std::string word = list.substr(start, comma - start);
      if (!word.empty()) {
        const RuleInfo* rule = find_rule(word);
        if (rule == nullptr) throw UsageError(option + ": no rule is called '" + word + "'");
        if (option == "--disable" && !can_be_silenced(rule->code)) {
          throw UsageError(option + ": " + std::string(rule->code) + " (" + std::string(rule->name) +
                           ") cannot be disabled: it says the file cannot be read, and nothing else of it is checked");
        }
        words.push_back(word);
      }
      start = comma + 1;
    }
  }
  return words;
}

}  // namespace unattend::cli
