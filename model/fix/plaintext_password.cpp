// Repairs UA6001: a password in plain text becomes the encoded form Setup
// reads with <PlainText>false</PlainText>: base64 of the UTF-16LE bytes of the
// password followed by the suffix of its element (reference pages
// "AdministratorPassword", "LocalAccounts/.../Password", "AutoLogon/Password";
// NOTES.md section 1 for the suffixes). Only the elements whose suffix is
// known are repaired; the repair never writes the password anywhere else.
#include <unattend/error.hpp>
#include <unattend/password.hpp>

#include "fix/repair.hpp"

namespace unattend::detail::fix {
namespace {

class PlaintextPassword final : public Repairer {
 public:
  std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const override {
    const Node* value = node_at(context, finding);
    if (value == nullptr || value->name != "Value" || value->parent == nullptr) return std::nullopt;
    const Node& container = *value->parent;
    std::string encoded;
    try {
      encoded = encode_password(value->value(), container.name);
    } catch (const Error&) {
      return std::nullopt;  // no known suffix, or not UTF-8
    }
    auto edit = replace_content(context.source, *value, encoded);
    if (!edit) return std::nullopt;
    std::vector<TextEdit> edits{*edit};
    if (const Node* flag = container.child("PlainText")) {
      auto flag_edit = replace_content(context.source, *flag, "false");
      if (!flag_edit) return std::nullopt;
      edits.push_back(*flag_edit);
    } else {
      const auto e = context.source.extent(*value);
      if (!e) return std::nullopt;
      edits.push_back({e->close_end, 0,
                       std::string(context.source.white_space_before(e->open_begin)) + "<PlainText>false</PlainText>"});
    }
    Repair repair = make_repair(finding, "encoded the password of <" + container.name + "> (PlainText false)", std::move(edits));
    repair.hidden = context.source.bytes().substr(edit->offset, edit->length);
    return repair;
  }
};

}  // namespace

std::unique_ptr<Repairer> make_plaintext_password() { return std::make_unique<PlaintextPassword>(); }

}  // namespace unattend::detail::fix
