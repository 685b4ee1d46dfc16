#pragma once

// Every rule of the checker and every repair of `unattend fix`: the one place
// where a code, its name, its severity, its one-line summary and its repair
// are written. The constants in codes.hpp, the checker's registration, the
// list all_rules() gives (and with it the docs index, the man page and
// completions), and the fixer's registration all expand these lists; a test
// (RuleTable.*) keeps docs/rules/README.md equal to what they give. Code
// elsewhere names a rule as codes::IDENT, never by its code string.
//
// Adding a rule: a row here, a page docs/rules/CODE.md, a file
// tests/rules/CODE*.xml, and for a semantic rule a class in
// model/check/rules/IDENT.cpp with its factory make_IDENT().

// RULE(ident, code, name, severity, summary)
//
// Found while the file is read and validated against the schemas (model/xml/, model/schema/).
#define UNATTEND_VALIDATION_RULES(RULE) \
  RULE(not_well_formed, "UA1001", "not-well-formed", error, "the file is not well-formed XML") \
  RULE(forbidden_markup, "UA1002", "doctype", error, "a DOCTYPE declaration (entities, external DTDs)") \
  RULE(input_limit, "UA1003", "input-limit", error, "the file exceeds a size or nesting limit") \
  RULE(template_file, "UA1105", "template", info, "the file was read as a template: placeholders are set when rendered") \
  RULE(template_var_missing, "UA1106", "template-var-missing", error, "a placeholder the vars give no value for") \
  RULE(template_value_escaped, "UA1107", "template-value-escaped", warning, "a value from the vars holds characters XML reserves") \
  RULE(template_unrenderable, "UA1108", "template-unrenderable", error, "a placeholder or block render cannot evaluate with the vars") \
  RULE(template_blocks, "UA1109", "template-blocks", error, "template blocks that do not nest (an if without its end)") \
  RULE(envelope, "UA2001", "envelope", error, "the unattend/settings/component structure is invalid") \
  RULE(wrong_root, "UA2002", "wrong-root", error, "the root element is not <unattend>") \
  RULE(missing_namespace, "UA2003", "missing-namespace", error, "<unattend> is not in the unattend namespace") \
  RULE(component_outside_settings, "UA2004", "component-outside-settings", error, "a <component> that is not inside <settings>") \
  RULE(bad_pass, "UA2005", "unknown-pass", error, "a <settings> element without a valid pass") \
  RULE(unknown_component, "UA3001", "unknown-component", warning, "a component that no schema describes") \
  RULE(component_content, "UA3002", "invalid-content", error, "component content that does not match its schema") \
  RULE(wrong_pass, "UA3003", "wrong-pass", error, "a setting in a pass where it is not valid") \
  RULE(component_wrong_pass, "UA3007", "component-wrong-pass", error, "a component in a pass where none of its settings is valid") \
  RULE(unknown_setting, "UA3004", "unknown-setting", error, "an element that is not a setting of its parent") \
  RULE(wrong_case, "UA3005", "wrong-case", error, "a known setting spelled with the wrong case") \
  RULE(wrong_kind, "UA3008", "wrong-kind", error, "a value of the wrong kind (boolean, integer)") \
  RULE(out_of_range, "UA3009", "out-of-range", error, "a number outside its allowed range") \
  RULE(too_long, "UA3010", "too-long", error, "a value longer than its maximum length") \
  RULE(not_allowed_value, "UA3011", "not-allowed-value", error, "a value that is not one of the allowed values") \
  RULE(duplicate_setting, "UA3012", "duplicate-setting", error, "a setting given twice where it may appear once") \
  RULE(value_case, "UA3014", "value-case", warning, "a value Setup reads without regard to case, in an unusual case") \
  RULE(text_in_container, "UA3013", "text-in-container", error, "text inside a setting that holds other settings") \
  RULE(action_on_non_list, "UA4002", "action-on-non-list", error, "wcm:action or wcm:keyValue on an element that is not a list item") \
  RULE(wcm_namespace, "UA4003", "wcm-namespace", error, "the wcm prefix bound to a wrong namespace URI")

// The semantic rules, run in this order on a file that could be read: each a
// class in model/check/rules/IDENT.cpp made by rules::make_IDENT().
#define UNATTEND_SEMANTIC_RULES(RULE) \
  RULE(utf8_bom, "UA1101", "utf8-bom", warning, "the file starts with a UTF-8 byte-order mark") \
  RULE(encoding_mismatch, "UA1102", "encoding-mismatch", error, "the bytes are not in the encoding the XML declaration names") \
  RULE(non_ascii, "UA1103", "non-ascii", info, "non-ASCII characters not written as character references") \
  RULE(utf16_file, "UA1104", "utf16-file", warning, "the file is UTF-16 or UTF-32 rather than UTF-8") \
  RULE(duplicate_pass, "UA2006", "duplicate-pass", error, "two <settings> blocks for one pass") \
  RULE(duplicate_component, "UA2007", "duplicate-component", error, "the same component twice in one pass for one architecture") \
  RULE(mixed_architectures, "UA2008", "mixed-architectures", warning, "one component for several architectures in one pass") \
  RULE(deprecated_setting, "UA3006", "deprecated-setting", warning, "a deprecated, removed or undocumented setting") \
  RULE(missing_action, "UA4001", "missing-action", warning, "a list item without wcm:action") \
  RULE(duplicate_key, "UA4004", "duplicate-key", error, "two list items with the same key") \
  RULE(missing_order, "UA5001", "missing-order", error, "a command or partition list item without <Order>") \
  RULE(duplicate_order, "UA5002", "duplicate-order", error, "two items of one list with the same Order") \
  RULE(order_gaps, "UA5003", "order-gaps", warning, "the Order values of a list do not run 1, 2, 3... without gaps (info for command lists)") \
  RULE(path_too_long, "UA5004", "path-too-long", error, "a command Path over 259 characters (CommandLine over 1024)") \
  RULE(line_break_in_command, "UA5006", "line-break-in-command", error, "a line break inside a command's CommandLine, Path or Description") \
  RULE(plaintext_password, "UA6001", "plaintext-password", warning, "a password stored in plain text") \
  RULE(undecodable_password, "UA6002", "undecodable-password", error, "PlainText is false but the Value is not an encoded password") \
  RULE(password_suffix, "UA6003", "password-suffix", error, "an encoded password without the suffix Setup expects") \
  RULE(computer_name, "UA7001", "computer-name", error, "a computer name Windows rejects (forbidden character, over 15 bytes, only digits)") \
  RULE(user_name, "UA7002", "user-name", error, "a user name Windows cannot create (length, characters, reserved name)") \
  RULE(user_equals_computer_name, "UA7003", "user-equals-computer-name", error, "a local account with the same name as the computer") \
  RULE(autologon_user_missing, "UA7004", "autologon-user-missing", warning, "AutoLogon names an account that the file does not create") \
  RULE(unknown_time_zone, "UA7005", "unknown-time-zone", error, "a TimeZone that is not a Windows time-zone id") \
  RULE(locale_format, "UA7006", "locale-format", error, "a language or locale setting that is not a Windows locale name") \
  RULE(input_locale, "UA7007", "input-locale", error, "an InputLocale entry that is neither a locale name nor a language:layout pair") \
  RULE(product_key, "UA7008", "product-key", error, "a product key that is not five groups of five characters") \
  RULE(empty_key, "UA7009", "empty-key", warning, "an empty product key in UserData/ProductKey") \
  RULE(uefi_without_system_partitions, "UA8001", "uefi-without-system-partitions", error, "a GPT disk layout without an EFI system partition or an MSR") \
  RULE(small_efi_partition, "UA8002", "small-efi-partition", error, "an EFI system partition smaller than 100 MB") \
  RULE(install_to_missing_partition, "UA8003", "install-to-missing-partition", error, "InstallTo names a disk or partition the disk configuration does not create") \
  RULE(unformatted_partition, "UA8004", "unformatted-partition", warning, "a created partition that no ModifyPartition formats") \
  RULE(several_extend, "UA8005", "several-extend", error, "conflicting Extend and Size among the partitions of one disk") \
  RULE(hard_coded_drive_letter, "UA9001", "hard-coded-drive-letter", warning, "a driver path or command that relies on a media drive letter") \
  RULE(setup_stops, "UA10001", "setup-stops", error, "Setup or OOBE stops at a page and waits for a person") \
  RULE(setup_may_stop, "UA10002", "setup-may-stop", warning, "Setup or OOBE stops at a page under a condition") \
  RULE(logon_commands_without_autologon, "UA10003", "logon-commands-without-autologon", warning, "logon commands that wait for someone to sign in") \
  RULE(first_logon_not_administrator, "UA10004", "first-logon-not-administrator", error, "FirstLogonCommands for an automatic logon without administrator rights") \
  RULE(autologon_count, "UA10005", "autologon-count", warning, "AutoLogon without a LogonCount that does what it says") \
  RULE(autologon_password, "UA10006", "autologon-password", error, "the automatic logon's password does not match its account's") \
  RULE(autologon_domain_not_joined, "UA10007", "autologon-domain-not-joined", warning, "AutoLogon signs in to a domain the machine does not join") \
  RULE(ignored_by_target, "UA10008", "ignored-by-target", info, "a setting that the target Windows does not have or ignores")

// REPAIR(rule ident, repairer): the repairs, in the order they are tried on a
// finding of the rule (the first that proposes an edit wins); each repairer is
// a class in model/fix/REPAIRER.cpp made by fix::make_REPAIRER().
#define UNATTEND_REPAIRS(REPAIR) \
  REPAIR(utf8_bom, utf8_bom) \
  REPAIR(utf16_file, utf16_file) \
  REPAIR(envelope, attribute_case) \
  REPAIR(value_case, attribute_case) \
  REPAIR(bad_pass, attribute_case) \
  REPAIR(wrong_pass, wrong_pass) \
  REPAIR(wrong_case, wrong_case) \
  REPAIR(component_wrong_pass, wrong_pass) \
  REPAIR(missing_action, missing_action) \
  REPAIR(missing_order, missing_order) \
  REPAIR(plaintext_password, plaintext_password) \
  REPAIR(unknown_time_zone, unknown_time_zone) \
  REPAIR(locale_format, locale_format)
