#pragma once

#include <string>

#include <unattend/schema.hpp>

namespace unattend::test {

struct Placed {
  std::string document;
  std::size_t line = 0;  // of the innermost element
};

// An answer file holding `setting` (with its ancestors) in its first valid
// pass; the setting's own element is on a line of its own. `inner` is the
// element's content.
inline Placed place(const SettingInfo& setting, const std::string& inner) {
  const Schema& schema = Schema::instance();
  std::string open;
  std::string close;
  std::string path;
  std::size_t line = 5;
  std::string name;
  for (std::size_t start = 0; start <= setting.path.size();) {
    const auto slash = setting.path.find('/', start);
    name = setting.path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    path += (path.empty() ? "" : "/") + name;
    const SettingInfo* step = schema.find_setting(setting.component, path);
    std::string attributes;
    if (step->list_item) attributes += " wcm:action=\"add\"";
    if (step->key == "@wcm:keyValue") attributes += " wcm:keyValue=\"k1\"";
    if (slash == std::string::npos) {
      open += "<" + name + attributes + ">";
      break;
    }
    open += "<" + name + attributes + ">\n";
    close = "</" + name + ">\n" + close;
    ++line;
    start = slash + 1;
  }
  const std::string body = open + inner + "</" + name + ">\n" + close;
  std::string document =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n"
      "<settings pass=\"" + std::string(to_string(setting.passes.front())) + "\">\n"
      "<component name=\"" + setting.component + "\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n" +
      body + "</component>\n</settings>\n</unattend>\n";
  return {document, line};
}

inline std::string escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace unattend::test
