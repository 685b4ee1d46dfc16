// The components: section: any setting of any component by its schema path,
// checked against the schemas like everything the generator writes.
#include <unattend/schema.hpp>

#include "generation/build.hpp"

namespace unattend::detail::generation {

namespace {

void apply(Build& build, SettingEditor& editor, const std::vector<SpecSetting>& settings, const std::string& base) {
  for (const SpecSetting& s : settings) {
    const std::string relative = base.empty() ? s.path : s.path.substr(base.size() + 1);
    try {
      if (s.value) {
        build.put(editor, relative, {*s.value, s.origin});
      } else if (!s.items.empty()) {
        for (const auto& item_settings : s.items) {
          SettingEditor item = editor.add_item(relative);
          apply(build, item, item_settings, s.path);
        }
      } else {
        SettingEditor container = editor.container(relative);
        apply(build, container, s.children, s.path);
      }
    } catch (const SpecError& e) {
      build.keep(e);
    } catch (const Error& e) {
      build.refuse(s.origin, e.what());  // kept; the next setting is read
    }
  }
}

}  // namespace

void add_components(Build& build) {
  for (const SpecComponent& c : build.spec.components) {
    if (Schema::instance().find_component(c.name) == nullptr) {
      build.refuse(c.origin, "'" + c.name + "' is not a component the schemas describe");
      continue;
    }
    SettingEditor editor = build.edit(c.pass, c.name);
    apply(build, editor, c.settings, "");
  }
}

}  // namespace unattend::detail::generation
