#pragma once

// Appending to the lists of a typed component (inside AnswerFile::modify),
// numbered the way Setup tells items apart:
//
//   file.modify<unattend::xml::shell_setup::Microsoft_Windows_Shell_Setup>(Pass::oobeSystem, [](auto& shell) {
//     auto& commands = unattend::ensure(shell.FirstLogonCommands()).SynchronousCommand();
//     unattend::append_command(commands, "cmd /c echo hello");
//   });
//
// Typed, not by schema path: the lists live in the bindings the caller is
// already editing, and a wrong list is a compile error rather than a thrown
// one. Each helper works on the sequence of any component whose items have
// the members it sets (FirstLogonCommands, LogonCommands, RunSynchronous,
// RunAsynchronous; LocalAccounts; DriverPaths of both PnpCustomizations
// components), and returns the new item for further settings.

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <type_traits>

#include <unattend/password.hpp>

namespace unattend {

namespace detail {

template <typename Value>
long long number_of(const Value& value) {
  if constexpr (requires { value.present(); }) {
    return value.present() ? static_cast<long long>(*value) : 0;
  } else {
    return static_cast<long long>(value);
  }
}

template <typename Item>
void mark_added(Item& item) {
  if constexpr (requires { item.action(Item::action_type::add); }) item.action(Item::action_type::add);
}

}  // namespace detail

// The value of an optional member of a binding, created empty when absent:
// ensure(shell.OOBE()).HideEULAPage(true) instead of
// if (!shell.OOBE()) shell.OOBE(OOBE{}); shell.OOBE()->HideEULAPage(true).
// (C++/Tree's optional: present(), get(), set(), reset(); `if (x.A())` and
// `*x.A()` work as with std::optional.)
template <typename Optional>
auto& ensure(Optional& optional) {
  using Value = std::remove_cvref_t<decltype(optional.get())>;
  if (!optional.present()) optional.set(Value{});
  return optional.get();
}

// Appends an item with wcm:action="add" and the next number: an <Order> one
// above the highest in the list for ordered lists (commands, partitions), a
// wcm:keyValue one above the highest numeric key for keyed lists (driver
// paths). Setup accepts Order from 1 to 500 (reference: RunSynchronousCommand
// Order); modify reports an Order beyond that.
template <typename Sequence>
typename Sequence::value_type& append_item(Sequence& items) {
  using Item = typename Sequence::value_type;
  Item item;
  detail::mark_added(item);
  if constexpr (requires(Item& i) { i.Order(); }) {
    long long highest = 0;
    for (const Item& i : items) highest = std::max(highest, detail::number_of(i.Order()));
    item.Order(highest + 1);
  }
  if constexpr (requires(Item& i) { i.keyValue(); }) {
    long long highest = 0;
    for (const Item& i : items) {
      if (!i.keyValue()) continue;
      const std::string& key = *i.keyValue();
      long long number = 0;
      const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), number);
      if (error == std::errc{} && end == key.data() + key.size()) highest = std::max(highest, number);
    }
    item.keyValue(std::to_string(highest + 1));
  }
  items.push_back(item);
  return items.back();
}

// A command of FirstLogonCommands or LogonCommands (CommandLine) or of
// RunSynchronous or RunAsynchronous (Path), numbered by append_item.
template <typename Sequence>
typename Sequence::value_type& append_command(Sequence& commands, std::string command_line) {
  auto& item = append_item(commands);
  if constexpr (requires { item.CommandLine(command_line); }) {
    item.CommandLine(std::move(command_line));
  } else {
    item.Path(std::move(command_line));
  }
  return item;
}

// A LocalAccount with its password encoded as Setup decodes it
// (base64 of UTF-16LE password + "Password", PlainText false; see
// encode_password). The encoding hides the password from a glance only.
template <typename Sequence>
typename Sequence::value_type& append_local_account(Sequence& accounts, std::string name, std::string_view password,
                                                    std::string group = "Administrators") {
  auto& account = append_item(accounts);
  account.Name(std::move(name));
  account.Group(std::move(group));
  typename std::remove_reference_t<decltype(account)>::Password_type secret;
  secret.Value(encode_password(password, "Password"));
  secret.PlainText(false);
  account.Password(secret);
  return account;
}

// A PathAndCredentials of DriverPaths with the next wcm:keyValue.
template <typename Sequence>
typename Sequence::value_type& append_driver_path(Sequence& paths, std::string path) {
  auto& item = append_item(paths);
  item.Path(std::move(path));
  return item;
}

}  // namespace unattend
