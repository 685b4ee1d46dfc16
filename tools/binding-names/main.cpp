// Build-time tool: readable names and a reference page for each component's
// generated binding.
//
//   unattend_binding_names NAMES_DIR REFERENCE_DIR COMPONENT=NAMESPACE=ROOT_TYPE=HEADER...
//
// xsdcxx names the anonymous types of a schema after their element and adds a
// number when a name is taken (LocalAccount1, Order1). This tool reads each
// generated header, follows the members from the component's type down, and
// writes
//   NAMES_DIR/<namespace>.hpp: namespace unattend::<namespace> with
//     `using Component = <root type>;` and one alias per element name whose
//     type is a generated class (`using LocalAccount = xml::shell_setup::LocalAccount1;`;
//     when one name stands for several types, see write_component);
//   REFERENCE_DIR/<Component>.md: every setting with its schema path, passes,
//     C++ type and the member that reaches it.
// Passes, kinds and limits come from the schemas compiled into the library.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <unattend/schema.hpp>

namespace {

namespace fs = std::filesystem;

struct Member {
  std::string name;
  std::string type;       // as the header spells it: ::unattend::xml::ns::T or ::xml_schema::string
  std::string container;  // "optional", "sequence" or "one"
};

struct Class {
  std::string base;
  std::vector<Member> members;
};

std::map<std::string, Class> read_classes(const fs::path& header) {
  std::ifstream in(header);
  if (!in) throw std::runtime_error("cannot read " + header.string());
  static const std::regex class_line(R"(^      class (\w+): public (.+)$)");
  static const std::regex type_line(R"(^        typedef (\S+) (\w+)_type;$)");
  static const std::regex container_line(R"(^        typedef ::xsd::cxx::tree::(optional|sequence)< (\w+)_type > )");
  std::map<std::string, Class> classes;
  Class* current = nullptr;
  std::map<std::string, std::string> containers;
  for (std::string line; std::getline(in, line);) {
    // Only class heads, their ends and typedefs matter: the regular expressions are slow.
    if (!line.starts_with("      class ") && line != "      };" && !line.starts_with("        typedef ")) continue;
    std::smatch m;
    if (std::regex_match(line, m, class_line)) {
      current = &classes[m[1]];
      current->base = m[2];
      containers.clear();
    } else if (current != nullptr && line == "      };") {
      for (Member& member : current->members) {
        const auto c = containers.find(member.name);
        member.container = c != containers.end() ? c->second : "one";
      }
      current = nullptr;
    } else if (current != nullptr && std::regex_match(line, m, type_line)) {
      if (m[2] != "action" && m[2] != "keyValue") current->members.push_back({m[2], m[1], ""});
    } else if (current != nullptr && std::regex_search(line, m, container_line)) {
      containers[m[2]] = m[1];
    }
  }
  return classes;
}

struct Entry {
  std::string path;
  std::string type;     // generated class name in the component's namespace, or empty
  std::string builtin;  // C++ type of a built-in
  std::string access;   // expression from the component `c`
  std::string container;
};

std::string builtin_of(const std::string& type) {
  if (type == "::xml_schema::boolean") return "unattend::Boolean";
  if (type.find("integer") != std::string::npos || type.find("int") != std::string::npos ||
      type.find("long") != std::string::npos || type.find("short") != std::string::npos ||
      type.find("byte") != std::string::npos) {
    return "long long";
  }
  return "std::string";
}

void walk(const std::map<std::string, Class>& classes, const std::string& ns_prefix, const std::string& class_name,
          const std::string& path, const std::string& access, std::vector<Entry>& out) {
  const auto found = classes.find(class_name);
  if (found == classes.end()) return;
  for (const Member& m : found->second.members) {
    Entry e;
    e.path = (path.empty() ? "" : path + "/") + m.name;
    e.container = m.container;
    if (m.type.starts_with(ns_prefix)) {
      e.type = m.type.substr(ns_prefix.size());
    } else {
      e.builtin = builtin_of(m.type);
    }
    const std::string call = access + "." + m.name + "()";
    e.access = call;
    out.push_back(e);
    if (e.type.empty()) continue;
    const std::string next = m.container == "optional" ? "ensure(" + call + ")"
                             : m.container == "sequence" ? call + "[i]"
                                                         : call;
    walk(classes, ns_prefix, e.type, e.path, next, out);
  }
}

std::string last_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

std::string parent_name(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return last_name(path.substr(0, slash));
}

std::string passes_of(const unattend::SettingInfo* s) {
  if (s == nullptr) return "";
  std::string out;
  for (const unattend::Pass p : s->passes) out += (out.empty() ? "" : " ") + std::string(unattend::to_string(p));
  return out;
}

std::string limits_of(const unattend::SettingInfo* s) {
  if (s == nullptr) return "";
  std::string out;
  if (!s->values.empty()) {
    out = "one of ";
    for (std::size_t i = 0; i < s->values.size(); ++i) out += (i ? ", " : "") + s->values[i];
  }
  if (s->min || s->max) {
    out += "from " + (s->min ? std::to_string(*s->min) : std::string("any")) + " to " +
           (s->max ? std::to_string(*s->max) : std::string("any"));
  }
  if (s->max_length) out += "at most " + std::to_string(*s->max_length) + " " + s->max_length_unit;
  if (s->list_item) out += std::string(out.empty() ? "" : "; ") + "list item" + (s->key.empty() ? "" : ", key " + s->key);
  return out;
}

// A value that reads in a Markdown table cell.
std::string cell(std::string text) {
  std::string out;
  for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

void write_component(const std::string& component, const std::string& ns, const std::string& root,
                     const fs::path& header, const fs::path& names_dir, const fs::path& reference_dir) {
  const auto classes = read_classes(header);
  const std::string ns_prefix = "::unattend::xml::" + ns + "::";
  std::vector<Entry> entries;
  walk(classes, ns_prefix, root, "", "c", entries);

  // Where one name stands for several types, the plain name goes to the one
  // outside the Offline* settings (Microsoft's prefix for the offlineServicing
  // variants: OfflineUserAccounts beside UserAccounts), then to the shortest
  // path; the others get their parent's name in front.
  auto rank = [](const Entry& e) {
    const bool offline = e.path.starts_with("Offline") || e.path.find("/Offline") != std::string::npos;
    return std::tuple(offline, std::count(e.path.begin(), e.path.end(), '/'), e.path);
  };
  std::vector<const Entry*> ranked;
  for (const Entry& e : entries) {
    if (!e.type.empty()) ranked.push_back(&e);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [&](const Entry* a, const Entry* b) { return rank(*a) < rank(*b); });
  std::map<std::string, std::string> alias_of_type;  // generated class -> alias
  std::map<std::string, std::string> aliases;        // alias -> generated class
  for (const Entry* e : ranked) {
    if (alias_of_type.contains(e->type)) continue;
    std::string alias = last_name(e->path);
    if (aliases.contains(alias)) alias = parent_name(e->path) + alias;
    if (alias == "Component" || aliases.contains(alias)) continue;
    aliases[alias] = e->type;
    alias_of_type[e->type] = alias;
  }

  std::ostringstream h;
  h << "// Generated from the binding of " << component << " by tools/binding-names: do not edit.\n"
    << "#pragma once\n\n#include <unattend/xml/components/" << component << ".hxx>\n\n"
    << "namespace unattend::" << ns << " {\n\n"
    << "using Component = ::unattend::xml::" << ns << "::" << root << ";\n";
  for (const auto& [alias, type] : aliases) {
    h << "using " << alias << " = ::unattend::xml::" << ns << "::" << type << ";\n";
  }
  h << "\n}  // namespace unattend::" << ns << "\n";
  std::ofstream(names_dir / (ns + ".hpp")) << h.str();

  std::ostringstream md;
  md << "# " << component << "\n\n"
     << "Generated from the schema and its C++ binding at build time (tools/binding-names).\n\n"
     << "- header: `#include <unattend/names/" << ns << ".hpp>`\n"
     << "- component: `unattend::" << ns << "::Component` (`unattend::xml::" << ns << "::" << root << "`)\n"
     << "- edit: `file.modify<unattend::" << ns << "::Component>(pass, [](auto& c) { ... })`\n\n"
     << "In the member column, `c` is the component, `ensure(x)` creates an optional member that is "
        "absent (`<unattend/lists.hpp>`), and `[i]` is an item of a list. A value is set by calling the "
        "member with it (`c.ComputerName(\"BUILD-07\")`).\n\n"
     << "| setting | passes | C++ type | member | limits |\n|---|---|---|---|---|\n";
  for (const Entry& e : entries) {
    const unattend::SettingInfo* s = unattend::Schema::instance().find_setting(component, e.path);
    std::string type;
    if (!e.type.empty()) {
      const auto alias = alias_of_type.find(e.type);
      type = alias != alias_of_type.end() ? "unattend::" + ns + "::" + alias->second : "unattend::xml::" + ns + "::" + e.type;
      if (s != nullptr && s->kind != unattend::SettingKind::container) {
        type += std::string(" (") + (s->kind == unattend::SettingKind::integer ? "long long" : "std::string") + ")";
      }
    } else {
      type = e.builtin;
    }
    if (e.container == "sequence") type = "list of " + type;
    md << "| `" << e.path << "` | " << passes_of(s) << " | `" << cell(type) << "` | `" << cell(e.access) << "` | "
       << cell(limits_of(s)) << " |\n";
  }
  std::ofstream(reference_dir / (component + ".md")) << md.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: unattend_binding_names NAMES_DIR REFERENCE_DIR COMPONENT=NAMESPACE=ROOT=HEADER...\n";
    return 2;
  }
  try {
    const fs::path names_dir = argv[1];
    const fs::path reference_dir = argv[2];
    fs::create_directories(names_dir);
    fs::create_directories(reference_dir);
    std::ostringstream index;
    index << "# Components\n\nOne page per component the schemas describe, generated at build time.\n\n";
    for (int i = 3; i < argc; ++i) {
      std::vector<std::string> parts;
      std::stringstream arg(argv[i]);
      for (std::string part; std::getline(arg, part, '=');) parts.push_back(part);
      if (parts.size() != 4) throw std::runtime_error(std::string("bad argument: ") + argv[i]);
      write_component(parts[0], parts[1], parts[2], parts[3], names_dir, reference_dir);
      index << "- [" << parts[0] << "](" << parts[0] << ".md): `unattend::" << parts[1] << "`\n";
    }
    std::ofstream(reference_dir / "README.md") << index.str();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "unattend_binding_names: " << e.what() << '\n';
    return 1;
  }
}
