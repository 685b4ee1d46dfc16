#pragma once

// The codes that validation itself reports (the semantic rules define theirs
// in model/rules/). Every code has a page docs/rules/CODE.md.

#include <unattend/check.hpp>

namespace unattend::codes {

using S = Severity;

// XML
inline constexpr RuleInfo not_well_formed{"UA1001", "not-well-formed", S::error, "the file is not well-formed XML"};
inline constexpr RuleInfo forbidden_markup{"UA1002", "doctype", S::error, "a DOCTYPE declaration (entities, external DTDs)"};
inline constexpr RuleInfo input_limit{"UA1003", "input-limit", S::error, "the file exceeds a size or nesting limit"};
// Envelope
inline constexpr RuleInfo envelope{"UA2001", "envelope", S::error, "the unattend/settings/component structure is invalid"};
inline constexpr RuleInfo wrong_root{"UA2002", "wrong-root", S::error, "the root element is not <unattend>"};
inline constexpr RuleInfo missing_namespace{"UA2003", "missing-namespace", S::error, "<unattend> is not in the unattend namespace"};
inline constexpr RuleInfo component_outside_settings{"UA2004", "component-outside-settings", S::error, "a <component> that is not inside <settings>"};
inline constexpr RuleInfo bad_pass{"UA2005", "unknown-pass", S::error, "a <settings> element without a valid pass"};
// Component content
inline constexpr RuleInfo unknown_component{"UA3001", "unknown-component", S::warning, "a component that no schema describes"};
inline constexpr RuleInfo component_content{"UA3002", "invalid-content", S::error, "component content that does not match its schema"};
inline constexpr RuleInfo wrong_pass{"UA3003", "wrong-pass", S::error, "a setting in a pass where it is not valid"};
inline constexpr RuleInfo component_wrong_pass{"UA3007", "component-wrong-pass", S::error, "a component in a pass where none of its settings is valid"};
inline constexpr RuleInfo unknown_setting{"UA3004", "unknown-setting", S::error, "an element that is not a setting of its parent"};
inline constexpr RuleInfo wrong_case{"UA3005", "wrong-case", S::error, "a known setting spelled with the wrong case"};
inline constexpr RuleInfo wrong_kind{"UA3008", "wrong-kind", S::error, "a value of the wrong kind (boolean, integer)"};
inline constexpr RuleInfo out_of_range{"UA3009", "out-of-range", S::error, "a number outside its allowed range"};
inline constexpr RuleInfo too_long{"UA3010", "too-long", S::error, "a value longer than its maximum length"};
inline constexpr RuleInfo not_allowed_value{"UA3011", "not-allowed-value", S::error, "a value that is not one of the allowed values"};
inline constexpr RuleInfo duplicate_setting{"UA3012", "duplicate-setting", S::error, "a setting given twice where it may appear once"};
inline constexpr RuleInfo value_case{"UA3014", "value-case", S::warning, "a value Setup reads without regard to case, in an unusual case"};
inline constexpr RuleInfo text_in_container{"UA3013", "text-in-container", S::error, "text inside a setting that holds other settings"};
// List items
inline constexpr RuleInfo action_on_non_list{"UA4002", "action-on-non-list", S::error, "wcm:action or wcm:keyValue on an element that is not a list item"};
inline constexpr RuleInfo wcm_namespace{"UA4003", "wcm-namespace", S::error, "the wcm prefix bound to a wrong namespace URI"};

}  // namespace unattend::codes
