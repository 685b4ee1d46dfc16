#include "check/rules/rule.hpp"

// Registering a rule: add its factory's name here, in code order. Each rule's
// file defines `std::unique_ptr<Rule> make_NAME()` in unattend::detail::rules.
#define UNATTEND_SEMANTIC_RULES(X) \
  X(utf8_bom)                      \
  X(encoding_mismatch)             \
  X(non_ascii)                     \
  X(utf16_file)                    \
  X(duplicate_pass)                \
  X(duplicate_component)           \
  X(mixed_architectures)           \
  X(deprecated_setting)            \
  X(missing_action)                \
  X(duplicate_key)                 \
  X(missing_order)                 \
  X(duplicate_order)               \
  X(order_gaps)                    \
  X(path_too_long)                 \
  X(line_break_in_command)         \
  X(plaintext_password)            \
  X(undecodable_password)          \
  X(password_suffix)               \
  X(computer_name)                 \
  X(user_name)                     \
  X(user_equals_computer_name)     \
  X(autologon_user_missing)        \
  X(unknown_time_zone)             \
  X(locale_format)                 \
  X(input_locale)                  \
  X(product_key)                   \
  X(empty_key)                     \
  X(uefi_without_system_partitions) \
  X(small_efi_partition)           \
  X(install_to_missing_partition)  \
  X(unformatted_partition)         \
  X(several_extend)                \
  X(hard_coded_drive_letter)       \
  X(setup_stops)                   \
  X(setup_may_stop)                \
  X(logon_commands_without_autologon) \
  X(first_logon_not_administrator) \
  X(autologon_count)               \
  X(autologon_password)            \
  X(autologon_domain_not_joined)   \
  X(ignored_by_target)

namespace unattend::detail {

namespace rules {
#define UNATTEND_DECLARE_RULE(name) std::unique_ptr<Rule> make_##name();
UNATTEND_SEMANTIC_RULES(UNATTEND_DECLARE_RULE)
#undef UNATTEND_DECLARE_RULE
}  // namespace rules

const std::vector<std::unique_ptr<Rule>>& semantic_rules() {
  static const std::vector<std::unique_ptr<Rule>> all = [] {
    std::vector<std::unique_ptr<Rule>> list;
#define UNATTEND_MAKE_RULE(name) list.push_back(rules::make_##name());
    UNATTEND_SEMANTIC_RULES(UNATTEND_MAKE_RULE)
#undef UNATTEND_MAKE_RULE
    return list;
  }();
  return all;
}

}  // namespace unattend::detail
