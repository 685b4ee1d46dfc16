// UA7001: a computer name that Windows does not accept: a character the
// reference forbids, more than 15 bytes, or only digits. A lone '*' asks Setup
// for a random name and is fine. Longer than 15 characters is UA3010's (the
// schema facet counts characters); this rule adds the byte count, which is
// what NetBIOS limits.
#include <string>

#include <unattend/detail/join.hpp>

#include "check/rules/rule.hpp"
#include "check/rules/values.hpp"

namespace unattend::detail::rules {
namespace {

// The reference's list for ComputerName, plus the space.
constexpr std::string_view forbidden = "{|}~[\\]^':;<=>?@!\"#$%`()+/.,*& ";

bool is_computer_name(const SettingInfo& s) {
  return (s.component == "Microsoft-Windows-Shell-Setup" && s.path == "ComputerName") ||
         (s.component == "Microsoft-Windows-Deployment" && s.path == "AuditComputerName/Name");
}

// The forbidden characters `name` holds, each once, in order.
std::string forbidden_in(const std::string& name) {
  std::string seen;
  for (const char c : name) {
    const bool bad = forbidden.find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20;
    if (bad && seen.find(c) == std::string::npos) seen += c;
  }
  return seen;
}

// Why Windows rejects the name; empty when it accepts it.
std::vector<std::string> rejections(const std::string& name) {
  std::vector<std::string> problems;
  const std::string seen = forbidden_in(name);
  if (!seen.empty()) problems.push_back("contains " + join(seen, ", ", [](char c) { return shown(c); }));
  if (name.find_first_not_of("0123456789") == std::string::npos) problems.push_back("is only digits");
  const std::size_t characters = code_points(name);
  if (name.size() > 15 && characters <= 15) {  // more than 15 characters is UA3010's
    problems.push_back("is " + std::to_string(name.size()) + " bytes in UTF-8 (" + std::to_string(characters) +
                       " characters); a NetBIOS name holds at most 15 bytes");
  }
  return problems;
}

// NetBIOS takes these; DNS (RFC 1123) does not, and Windows uses the name as its DNS host name too.
std::vector<std::string> dns_objections(const std::string& name) {
  std::vector<std::string> dns;
  if (name.front() == '-' || name.back() == '-') {
    dns.push_back(std::string(name.front() == '-' ? "starts" : "ends") + " with a hyphen");
  }
  if (name.find('_') != std::string::npos) dns.push_back("contains '_'");
  return dns;
}

class ComputerName final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr || !is_computer_name(*node.setting)) return;
      const std::string name = node.value();
      if (name.empty() || name == "*") return;
      const std::string quoted = "computer name '" + name + "' ";
      const std::string note(placeholder(name) ? placeholder_note : "");
      if (const auto problems = rejections(name); !problems.empty()) {
        findings.add(node, quoted + join(problems, " and ") +
                               "; use letters, digits and hyphens, at most 15 bytes and not only digits, or '*' for a "
                               "random name" +
                               note);
        return;
      }
      const auto dns = dns_objections(name);
      if (dns.empty()) return;
      findings.add(node.start, Severity::warning,
                   quoted + join(dns, " and ") + ": NetBIOS accepts it, but it is not a valid DNS host name (RFC 1123)" +
                       note);
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_computer_name() { return std::make_unique<ComputerName>(); }

}  // namespace unattend::detail::rules
