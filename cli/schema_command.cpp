#include <iostream>

#include <nlohmann/json.hpp>

#include <unattend/error.hpp>
#include <unattend/schema.hpp>
#include <unattend/detail/join.hpp>

#include "command.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

void describe(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("action", po::value<std::string>(), "export | show")
      ("target", po::value<std::string>(), "for show: COMPONENT or COMPONENT/PATH")
      ("format", po::value<std::string>()->default_value("json"), "for export: json");
  positional.add("action", 1).add("target", 1);
}


nlohmann::ordered_json to_json(const SettingInfo& setting) {
  nlohmann::ordered_json entry;
  entry["component"] = setting.component;
  entry["path"] = setting.path;
  auto& passes = entry["passes"] = nlohmann::ordered_json::array();
  for (const Pass pass : setting.passes) passes.push_back(to_string(pass));
  entry["kind"] = to_string(setting.kind);
  if (!setting.values.empty()) entry["values"] = setting.values;
  if (setting.min) entry["min"] = *setting.min;
  if (setting.max) entry["max"] = *setting.max;
  if (setting.max_length) {
    entry["max_length"] = *setting.max_length;
    entry["max_length_unit"] = setting.max_length_unit;
  }
  entry["list_item"] = setting.list_item;
  if (!setting.key.empty()) entry["key"] = setting.key;
  entry["deprecated"] = setting.deprecated();
  if (!setting.status.empty()) entry["status"] = setting.status;
  if (setting.default_value) entry["default"] = *setting.default_value;
  if (!setting.format.empty()) entry["format"] = setting.format;
  if (!setting.children.empty()) entry["children"] = setting.children;
  return entry;
}

int export_schema(const po::variables_map& vm) {
  if (vm["format"].as<std::string>() != "json") throw UsageError("schema export supports --format json only");
  auto all = nlohmann::ordered_json::array();
  for (const SettingInfo& setting : Schema::instance().settings()) all.push_back(to_json(setting));
  std::cout << all.dump(1) << '\n';
  return exit_ok;
}

std::string describe_value(const SettingInfo& s) {
  std::string text{to_string(s.kind)};
  if (s.min || s.max) {
    text += " from " + (s.min ? std::to_string(*s.min) : std::string("any")) + " to " +
            (s.max ? std::to_string(*s.max) : std::string("any"));
  }
  if (s.max_length) text += ", at most " + std::to_string(*s.max_length) + " " + s.max_length_unit;
  return text;
}

void show_setting(const SettingInfo& s) {
  std::cout << s.component << '/' << s.path << '\n'
            << "  passes:   " << to_string(s.passes) << '\n'
            << "  kind:     " << describe_value(s) << '\n';
  if (!s.values.empty()) {
    std::cout << "  values:  ";
    for (const auto& value : s.values) std::cout << ' ' << value;
    std::cout << '\n';
  }
  if (s.default_value) std::cout << "  default:  " << *s.default_value << '\n';
  if (s.list_item) {
    std::cout << "  list item (wcm:action=\"add\")" << (s.key.empty() ? "" : ", keyed by " + s.key) << '\n';
  }
  if (!s.status.empty()) std::cout << "  status:   " << s.status << '\n';
  if (!s.format.empty()) std::cout << "  format:   " << s.format << '\n';
  const Schema& schema = Schema::instance();
  for (const auto& child : s.children) {
    const SettingInfo* c = schema.find_setting(s.component, s.path + "/" + child);
    std::cout << "  - " << child << (c ? " (" + describe_value(*c) + ")" : std::string{}) << '\n';
  }
}

int show(const po::variables_map& vm) {
  if (vm.count("target") == 0) throw UsageError("schema show needs COMPONENT or COMPONENT/PATH");
  const std::string target = vm["target"].as<std::string>();
  const auto slash = target.find('/');
  const Schema& schema = Schema::instance();
  const ComponentInfo* component = schema.find_component(target.substr(0, slash));
  if (component == nullptr) throw Error("unknown component '" + target.substr(0, slash) + "'");
  if (slash == std::string::npos) {
    std::cout << component->name << '\n' << "  passes:   " << to_string(component->passes) << '\n';
    if (!component->aliases.empty()) {
      std::cout << "  also spelled:";
      for (const auto& alias : component->aliases) std::cout << ' ' << alias;
      std::cout << '\n';
    }
    for (const auto& child : component->children) {
      const SettingInfo* c = schema.find_setting(component->name, child);
      std::cout << "  - " << child << " (" << describe_value(*c) << "; " << to_string(c->passes) << ")\n";
    }
    return exit_ok;
  }
  const SettingInfo* setting = schema.find_setting(component->name, target.substr(slash + 1));
  if (setting == nullptr) throw Error("'" + target.substr(slash + 1) + "' is not a setting of " + component->name);
  show_setting(*setting);
  return exit_ok;
}

int run(const po::variables_map& vm) {
  const std::string action = vm.count("action") != 0 ? vm["action"].as<std::string>() : "";
  if (action == "export") return export_schema(vm);
  if (action == "show") return show(vm);
  throw UsageError("schema needs an action: export or show");
}

}  // namespace

extern const Command schema_command = {"schema", "Export or show what the schemas know about each setting",
                                       "unattend schema export [--format json] | unattend schema show COMPONENT[/PATH]",
                                       describe, run};

}  // namespace unattend::cli
