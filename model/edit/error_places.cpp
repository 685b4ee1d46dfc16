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

std::string place_of(const DOMElement& element) {
  const std::string name = to_utf8(element.getLocalName());
  if (name == "settings") return "settings(" + attribute(element, u"pass") + ")";
  if (name == "component") return component_place(element);
  // Positions among same-named siblings: stable under normalize() and the
  // canonical writer, which add attributes and children but move nothing.
  // Always numbered, even when alone: an item appended after it (modify, add_item)
  // must not rename it from "SynchronousCommand" to "SynchronousCommand[1]".
  return element.getParentNode() != nullptr && element.getParentNode()->getNodeType() == xercesc::DOMNode::ELEMENT_NODE
             ? step_of(element, true, {})
             : name;
}

struct Placed {
  LoadedPosition position;
  std::string place;
};

void collect(const DOMElement& element, const std::string& parent, std::vector<Placed>& out) {
  const std::string place = (parent.empty() ? "" : parent + "/") + place_of(element);
  out.push_back({loaded_position(element), place});
  for (const DOMElement* c = element.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
    collect(*c, place, out);
  }
}

}  // namespace

std::multiset<std::string> error_places(const xercesc::DOMDocument& document,
                                        const std::vector<Diagnostic>& diagnostics) {
  std::vector<Placed> placed;
  if (const DOMElement* root = document.getDocumentElement()) collect(*root, "", placed);
  std::multiset<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    // The element whose start tag ends last at or before the diagnostic:
    // the one reported on, or the one whose content holds the position.
    const LoadedPosition at{static_cast<unsigned>(d.line), static_cast<unsigned>(d.column)};
    const auto after = std::upper_bound(placed.begin(), placed.end(), at,
                                        [](const LoadedPosition& p, const Placed& e) { return p < e.position; });
    const std::string place = d.line == 0 || after == placed.begin() ? std::string() : std::prev(after)->place;
    out.insert(d.code + "|" + place);
  }
  return out;
}

}  // namespace unattend::detail
