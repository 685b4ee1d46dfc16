#include <unattend/schema.hpp>

#include <algorithm>
#include <stdexcept>

#include "schema/catalogue.hpp"
#include "schema/grammar.hpp"
#include "schema/grammar_blob.hpp"
#include "schema/schema_impl.hpp"
#include "xml/text.hpp"

namespace unattend {

std::string_view to_string(SettingKind kind) {
  switch (kind) {
    case SettingKind::container: return "container";
    case SettingKind::boolean: return "boolean";
    case SettingKind::integer: return "integer";
    case SettingKind::string: return "string";
    case SettingKind::enumeration: return "enumeration";
  }
  return "?";
}

bool SettingInfo::valid_in(Pass pass) const {
  return std::find(passes.begin(), passes.end(), pass) != passes.end();
}

// The catalogue the build wrote next to the grammar pool (tools/grammar-blob)
// goes with that pool; building it again from the schema model took a third
// of a short run (docs/performance.md). When the pool had to be compiled
// instead, so is the catalogue.
Schema::Schema() : impl_(std::make_unique<Impl>()) {
  const auto& grammar = detail::Grammar::instance();
  if (grammar.loaded_from_build()) {
    if (!detail::decode_catalogue(detail::catalogue_blob(), *impl_)) {
      throw std::logic_error("the setting catalogue serialized at build time cannot be read");
    }
  } else {
    detail::build_catalogue(*grammar.model(), *impl_);
  }
  impl_->index();
}

Schema::~Schema() = default;

const Schema& Schema::instance() {
  static const Schema schema;
  return schema;
}

std::span<const ComponentInfo> Schema::components() const { return impl_->components; }
std::span<const SettingInfo> Schema::settings() const { return impl_->settings; }

const ComponentInfo* Schema::find_component(std::string_view name) const {
  const auto it = impl_->component_index.find(detail::ascii_lower(name));
  return it == impl_->component_index.end() ? nullptr : &impl_->components[it->second];
}

const SettingInfo* Schema::find_setting(std::string_view component, std::string_view path) const {
  const ComponentInfo* info = find_component(component);
  if (info == nullptr) return nullptr;
  return impl_->find_setting(static_cast<std::size_t>(info - impl_->components.data()), path);
}

}  // namespace unattend
