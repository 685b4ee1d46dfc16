#include "edit/setting_path.hpp"

#include <charconv>
#include <map>
#include <utility>

#include <xercesc/util/XMLString.hpp>

#include <unattend/error.hpp>
#include <unattend/detail/join.hpp>

#include "schema/grammar.hpp"
#include "xml/text.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

using xercesc::DOMElement;

namespace {

constexpr std::string_view key_value_attribute = "@wcm:keyValue";

// A key value that can stand in a path and be read back unchanged.
bool printable(std::string_view value) {
  return !value.empty() && value.find_first_of("/[]") == std::string_view::npos && trim(value) == value;
}

bool named(const DOMElement& element, std::string_view name) { return to_utf8(element.getLocalName()) == name; }

std::string key_of(const DOMElement& element, const std::string& key) {
  if (key == key_value_attribute) return to_utf8(element.getAttributeNS(wcm_namespace, u"keyValue"));
  for (const DOMElement* c = element.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
    if (named(*c, key)) return trim(to_utf8(c->getTextContent()));
  }
  return {};
}

PathStep parse_step(std::string_view segment, std::string_view path) {
  auto bad = [&](const char* why) -> Error {
    return Error("'" + std::string(path) + "' is not a setting path: " + why);
  };
  PathStep step;
  const std::size_t open = segment.find('[');
  step.name = std::string(segment.substr(0, open));
  if (step.name.empty()) throw bad("an empty element name");
  if (open == std::string_view::npos) return step;
  if (segment.back() != ']') throw bad("a '[' without its ']'");
  const std::string_view inside = segment.substr(open + 1, segment.size() - open - 2);
  const std::size_t equals = inside.find('=');
  if (equals == std::string_view::npos) {
    const auto [end, error] = std::from_chars(inside.data(), inside.data() + inside.size(), step.position);
    if (error != std::errc{} || end != inside.data() + inside.size() || step.position == 0) {
      throw bad("a position is a number from 1");
    }
    return step;
  }
  step.key = std::string(inside.substr(0, equals));
  step.key_value = std::string(inside.substr(equals + 1));
  if (step.key.empty()) throw bad("an empty key name");
  return step;
}

}  // namespace

std::vector<PathStep> parse_setting_path(std::string_view path) {
  std::vector<PathStep> steps;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i < path.size() && path[i] == '[') ++depth;
    if (i < path.size() && path[i] == ']') --depth;
    if (i == path.size() || (path[i] == '/' && depth == 0)) {
      steps.push_back(parse_step(path.substr(start, i - start), path));
      start = i + 1;
    }
  }
  return steps;
}

std::string schema_path(const std::vector<PathStep>& steps) {
  return join(steps, "/", [](const PathStep& step) { return step.name; });
}

DOMElement* find_step(const DOMElement& parent, const PathStep& step) {
  std::size_t seen = 0;
  for (DOMElement* c = parent.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
    if (!named(*c, step.name)) continue;
    ++seen;
    if (!step.key.empty() ? key_of(*c, step.key) == step.key_value : step.position == 0 || seen == step.position) {
      return c;
    }
  }
  return nullptr;
}

DOMElement* find_path(const DOMElement& start, const std::vector<PathStep>& steps) {
  const DOMElement* at = &start;
  for (const PathStep& step : steps) {
    at = find_step(*at, step);
    if (at == nullptr) return nullptr;
  }
  return const_cast<DOMElement*>(at);
}

std::optional<std::string> leaf_text(const DOMElement& start, std::string_view path) {
  const DOMElement* leaf = find_path(start, parse_setting_path(path));
  if (leaf == nullptr || leaf->getFirstElementChild() != nullptr) return std::nullopt;
  return to_utf8(leaf->getTextContent());
}

std::vector<std::string> child_steps(const DOMElement& parent,
                                     const std::function<ListKey(const std::string& name)>& list_key) {
  struct Child {
    std::string name;
    ListKey list;
    std::string value;  // of its key
  };
  std::vector<Child> children;
  std::map<std::string, ListKey> keys;  // asked once per name
  std::map<std::string, std::size_t> same_name;
  std::map<std::pair<std::string, std::string>, std::size_t> same_key;
  for (const DOMElement* c = parent.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
    Child child{to_utf8(c->getLocalName()), {}, {}};
    auto known = keys.find(child.name);
    if (known == keys.end()) known = keys.emplace(child.name, list_key(child.name)).first;
    child.list = known->second;
    if (!child.list.key.empty()) {
      child.value = key_of(*c, child.list.key);
      ++same_key[{child.name, child.value}];
    }
    ++same_name[child.name];
    children.push_back(std::move(child));
  }
  std::vector<std::string> steps;
  steps.reserve(children.size());
  std::map<std::string, std::size_t> position;
  for (const Child& c : children) {
    const std::size_t n = ++position[c.name];
    if (!c.list.key.empty() && same_key[{c.name, c.value}] == 1 && printable(c.value)) {
      steps.push_back(c.name + "[" + c.list.key + "=" + c.value + "]");
    } else if (c.list.list_item || same_name[c.name] > 1) {
      steps.push_back(c.name + "[" + std::to_string(n) + "]");
    } else {
      steps.push_back(c.name);
    }
  }
  return steps;
}

}  // namespace unattend::detail
