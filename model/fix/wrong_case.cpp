// Repairs UA3005: a setting element spelled in the wrong case becomes the
// schema's spelling, in its start and end tags. XML names are case-sensitive,
// so Setup does not read <Timezone> as TimeZone; the one right spelling is
// the sibling that differs only in case.
#include <unattend/schema.hpp>

#include "xml/text.hpp"
#include "fix/repair.hpp"

namespace unattend::detail::fix {
namespace {

const std::vector<std::string>* siblings(const Node& parent) {
  if (parent.setting != nullptr) return &parent.setting->children;
  if (parent.component != nullptr && parent.name == "component") return &parent.component->children;
  return nullptr;
}

// The local name in a tag that starts at `at` ("<" or "</"), prefix skipped.
std::pair<std::size_t, std::size_t> local_name(std::string_view bytes, std::size_t at) {
  std::size_t begin = at + (bytes[at + 1] == '/' ? 2 : 1);
  std::size_t end = begin;
  while (end < bytes.size() && bytes[end] != '>' && bytes[end] != '/' && bytes[end] != ' ' && bytes[end] != '\t' &&
         bytes[end] != '\r' && bytes[end] != '\n') {
    if (bytes[end] == ':') begin = end + 1;
    ++end;
  }
  return {begin, end - begin};
}

class WrongCase final : public Repairer {
 public:
  std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const override {
    const Node* node = node_at(context, finding);
    if (node == nullptr || node->parent == nullptr) return std::nullopt;
    const auto* names = siblings(*node->parent);
    if (names == nullptr) return std::nullopt;
    std::string right;
    for (const auto& name : *names) {
      if (name != node->name && ascii_lower(name) == ascii_lower(node->name)) right = name;
    }
    const auto e = context.source.extent(*node);
    if (right.empty() || !e) return std::nullopt;
    const std::string_view bytes = context.source.bytes();
    std::vector<TextEdit> edits;
    for (const std::size_t tag : {e->open_begin, e->empty ? std::string_view::npos : e->close_begin}) {
      if (tag == std::string_view::npos) continue;
      const auto [begin, length] = local_name(bytes, tag);
      if (bytes.substr(begin, length) != node->name) return std::nullopt;
      edits.push_back({begin, length, right});
    }
    Repair repair = make_repair(finding, "renamed <" + node->name + "> to <" + right + ">", std::move(edits));
    // A rename in case keeps every offset, so the element's extent is the same after it.
    repair.reveals_begin = e->open_begin;
    repair.reveals_end = e->close_end;
    return repair;
  }
};

}  // namespace

std::unique_ptr<Repairer> make_wrong_case() { return std::make_unique<WrongCase>(); }

}  // namespace unattend::detail::fix
