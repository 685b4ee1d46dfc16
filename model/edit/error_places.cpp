#include "edit/error_places.hpp"

#include <algorithm>

#include <xercesc/dom/DOMElement.hpp>

#include <unattend/schema.hpp>

#include "edit/setting_path.hpp"
#include "xml/dom_loader.hpp"
#include "xml/text.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

using xercesc::DOMElement;

namespace {

std::string attribute(const DOMElement& element, const char16_t* name) { return to_utf8(element.getAttribute(name)); }

// A component by what Setup matches on, whatever case or alias the file uses.
std::string component_place(const DOMElement& component) {
  const std::string written = attribute(component, u"name");
  const ComponentInfo* info = Schema::instance().find_component(written);
  return "component(" + (info != nullptr ? info->name : ascii_lower(written)) + "," +
         attribute(component, u"processorArchitecture") + ")";
}

// The place of a child among its siblings. Positions among same-named
// siblings are stable under normalize() and the canonical writer, which add
// attributes and children but move nothing. Always numbered, even when alone:
// an item appended after it (modify, add_item) must not rename it from
// "SynchronousCommand" to "SynchronousCommand[1]".
std::string place_of(const DOMElement& element, const std::string& step) {
  const std::string name = to_utf8(element.getLocalName());
  if (name == "settings") return "settings(" + attribute(element, u"pass") + ")";
  if (name == "component") return component_place(element);
  return step;
}

struct Placed {
  LoadedPosition position;
  LoadedPosition end;
  std::string place;
};

void collect(const DOMElement& element, const std::string& place, std::vector<Placed>& out) {
  out.push_back({loaded_position(element), loaded_end_position(element), place});
  const std::vector<std::string> steps =
      child_steps(element, [](const std::string&) { return ListKey{.list_item = true, .key = {}}; });
  std::size_t i = 0;
  for (const DOMElement* c = element.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling(), ++i) {
    collect(*c, place + "/" + place_of(*c, steps[i]), out);
  }
}

}  // namespace

std::multiset<std::string> error_places(const xercesc::DOMDocument& document,
                                        const std::vector<Diagnostic>& diagnostics) {
  std::multiset<std::string> out;
  if (std::none_of(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& d) { return d.severity == Severity::error; })) {
    return out;
  }
  std::vector<Placed> placed;
  if (const DOMElement* root = document.getDocumentElement()) {
    collect(*root, to_utf8(root->getLocalName()), placed);
  }
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    // The element reported on (its start tag ends at the diagnostic) or the
    // innermost one whose content holds the position: text between two
    // elements belongs to their parent, whatever element came before it.
    const LoadedPosition at{static_cast<unsigned>(d.line), static_cast<unsigned>(d.column)};
    auto after = std::upper_bound(placed.begin(), placed.end(), at,
                                  [](const LoadedPosition& p, const Placed& e) { return p < e.position; });
    while (after != placed.begin() && std::prev(after)->end < at && std::prev(after)->position != at) --after;
    const std::string place = d.line == 0 || after == placed.begin() ? std::string() : std::prev(after)->place;
    out.insert(d.code + "|" + place);
  }
  return out;
}

}  // namespace unattend::detail
