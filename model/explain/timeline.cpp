// The timeline: what happens in each pass, in the order Setup runs them, and
// the public entry points.
//
// M/how-configuration-passes-work: an installation from media runs windowsPE,
// offlineServicing, specialize and oobeSystem; generalize runs only when
// sysprep /generalize runs; auditSystem and auditUser only when Windows starts
// in audit mode (Microsoft-Windows-Deployment/Reseal/Mode=Audit, or
// Ctrl+Shift+F3 at OOBE). U/microsoft-windows-deployment-reseal-mode: Mode=Audit
// in oobeSystem makes Setup ignore the other oobeSystem settings.
#include <algorithm>
#include <array>

#include <unattend/answer_file.hpp>
#include <unattend/error.hpp>

#include "xml/file_io.hpp"
#include "xml/text.hpp"
#include "schema/validation.hpp"
#include "explain/outcome.hpp"

namespace unattend {

std::string_view to_string(Tristate value) {
  switch (value) {
    case Tristate::no: return "no";
    case Tristate::yes: return "yes";
    case Tristate::unknown: return "unknown";
  }
  return "unknown";
}

namespace detail {
namespace outcome {
namespace {

struct Simple {
  std::string_view component;
  std::string_view path;
  std::string_view what;  // followed by the value
};

// Settings worth a line of their own, in the order the timeline shows them.
constexpr std::array<Simple, 14> simple = {{
    {"Microsoft-Windows-International-Core-WinPE", "SetupUILanguage/UILanguage", "Setup speaks "},
    {"Microsoft-Windows-International-Core-WinPE", "UILanguage", "Windows display language "},
    {"Microsoft-Windows-International-Core-WinPE", "UserLocale", "formats (user locale) "},
    {"Microsoft-Windows-International-Core-WinPE", "InputLocale", "keyboard "},
    {"Microsoft-Windows-International-Core", "UILanguage", "display language "},
    {"Microsoft-Windows-International-Core", "UserLocale", "formats (user locale) "},
    {"Microsoft-Windows-International-Core", "InputLocale", "keyboard "},
    {"Microsoft-Windows-Setup", "UserData/AcceptEula", "licence terms accepted: "},
    {"Microsoft-Windows-Shell-Setup", "ComputerName", "computer name "},
    {"Microsoft-Windows-Shell-Setup", "TimeZone", "time zone "},
    {"Microsoft-Windows-Deployment", "Reseal/Mode", "after this pass Windows goes to "},
    {"Microsoft-Windows-Shell-Setup", "OOBE/HideEULAPage", "OOBE licence page hidden: "},
    {"Microsoft-Windows-Shell-Setup", "OOBE/HideOnlineAccountScreens", "Microsoft account page hidden: "},
    {"Microsoft-Windows-Shell-Setup", "OOBE/ProtectYourPC", "privacy settings answered: ProtectYourPC "},
}};

std::string child_value(const Node& node, std::string_view name) {
  const Node* child = node.child(name);
  return child == nullptr ? std::string{} : child->value();
}

void disk_steps(const Index& index, std::vector<Step>& steps) {
  const std::string_view setup = "Microsoft-Windows-Setup";
  for (const Node* disk : index.all("windowsPE", setup, "DiskConfiguration/Disk")) {
    const std::string id = child_value(*disk, "DiskID");
    if (truthy(child_value(*disk, "WillWipeDisk"))) steps.push_back({disk->start.line, "wipes disk " + id});
    if (const Node* create = disk->child("CreatePartitions")) {
      for (const Node* p : create->children_named("CreatePartition")) {
        std::string what = "creates partition " + child_value(*p, "Order") + " on disk " + id + ": " + child_value(*p, "Type");
        what += truthy(child_value(*p, "Extend")) ? ", the rest of the disk" : ", " + child_value(*p, "Size") + " MB";
        steps.push_back({p->start.line, what});
      }
    }
    if (const Node* modify = disk->child("ModifyPartitions")) {
      for (const Node* p : modify->children_named("ModifyPartition")) {
        std::string what = "prepares partition " + child_value(*p, "PartitionID") + " of disk " + id;
        if (const std::string f = child_value(*p, "Format"); !f.empty()) what += ": format " + f;
        if (const std::string l = child_value(*p, "Label"); !l.empty()) what += ", label " + l;
        if (const std::string t = child_value(*p, "TypeID"); !t.empty()) what += ", type " + t;
        steps.push_back({p->start.line, what});
      }
    }
  }
  for (const Node* meta : index.all("windowsPE", setup, "ImageInstall/OSImage/InstallFrom/MetaData")) {
    steps.push_back({meta->start.line, "chooses the image whose " + child_value(*meta, "Key") + " is " +
                                           child_value(*meta, "Value")});
  }
  if (const Node* to = index.first("windowsPE", setup, "ImageInstall/OSImage/InstallTo")) {
    steps.push_back({to->start.line, "installs Windows to disk " + child_value(*to, "DiskID") + ", partition " +
                                         child_value(*to, "PartitionID")});
  }
  if (const Node* any = index.first("windowsPE", setup, "ImageInstall/OSImage/InstallToAvailablePartition");
      any != nullptr && truthy(any->value())) {
    steps.push_back({any->start.line, "installs Windows to the first partition with room and no Windows"});
  }
}

void driver_steps(const Index& index, std::string_view pass, std::vector<Step>& steps) {
  for (const char* component : {"Microsoft-Windows-PnpCustomizationsWinPE", "Microsoft-Windows-PnpCustomizationsNonWinPE"}) {
    for (const Node* path : index.all(pass, component, "DriverPaths/PathAndCredentials/Path")) {
      steps.push_back({path->start.line, "adds drivers from " + path->value()});
    }
  }
}

std::string groups_text(const Account& a) {
  std::string out;
  for (const auto& g : a.groups) out += (out.empty() ? "" : ", ") + g;
  return out.empty() ? "no group: a standard user" : out;
}

void account_steps(const Outcome& out, std::string_view pass, std::vector<Step>& steps) {
  for (const Account& a : out.accounts) {
    if (a.pass != pass) continue;
    if (a.kind == "built-in-administrator") {
      steps.push_back({a.line, std::string("sets the built-in Administrator's password") +
                                   (a.password ? "" : " (empty)")});
    } else {
      steps.push_back({a.line, "creates " + std::string(a.kind == "domain" ? "domain account " : "account ") + a.name +
                                   " (" + groups_text(a) + (a.password ? ", password set" : ", no password") + ")"});
    }
  }
  if (out.autologon && out.autologon->pass == pass) {
    const Autologon& a = *out.autologon;
    std::string what = a.enabled ? "signs in automatically as " + a.username : "AutoLogon is not enabled";
    if (a.enabled && a.logon_count) what += ", LogonCount " + std::to_string(*a.logon_count);
    steps.push_back({a.line, what});
  }
}

}  // namespace

void add_steps(const Scope& scope, Outcome& out) {
  const Index& index = scope.index;
  for (const Pass pass : all_passes) {
    const std::string p(to_string(pass));
    PassSteps ps{p, true, {}, {}};
    if (pass == Pass::generalize) {
      ps.runs = false;
      ps.note = "only when sysprep /generalize runs on a reference machine, never during an installation from media";
    } else if (pass == Pass::auditSystem || pass == Pass::auditUser) {
      ps.runs = scope.audit_mode;
      ps.note = scope.audit_mode ? "this file sends Windows to audit mode (Reseal Mode=Audit)"
                                 : "only in audit mode (Reseal Mode=Audit, sysprep /audit, Ctrl+Shift+F3 at OOBE)";
    } else if (pass == Pass::windowsPE) {
      ps.note = "in Windows PE, from the installation medium";
    } else if (pass == Pass::offlineServicing) {
      ps.note = "on the applied image, before its first start";
    } else if (pass == Pass::specialize) {
      ps.note = "at the first start of the installed Windows";
    } else {
      ps.note = scope.audit_mode ? "Reseal Mode=Audit: Setup ignores the other oobeSystem settings"
                                 : "OOBE, before the first sign-in";
    }
    if (!index.has_pass(p)) ps.note += " (no settings in this file)";

    for (const Simple& s : simple) {
      for (const Node* node : index.all(p, s.component, s.path)) ps.steps.push_back({node->start.line, std::string(s.what) + node->value()});
    }
    if (pass == Pass::windowsPE) disk_steps(index, ps.steps);
    driver_steps(index, p, ps.steps);
    account_steps(out, p, ps.steps);
    if (pass == Pass::specialize && !out.join.empty()) {
      const Node* at = index.first(p, "Microsoft-Windows-UnattendedJoin", "Identification");
      ps.steps.push_back({at != nullptr ? at->start.line : 0, "joins " + out.join});
    }
    for (const Command& c : out.commands) {
      if (c.pass != p) continue;
      std::string what = "runs " + c.list + (c.order ? " #" + std::to_string(*c.order) : "") + " as " + c.runs_as + ": " + c.command;
      if (!c.runs) what = "will not run (" + c.when + "): " + c.list + (c.order ? " #" + std::to_string(*c.order) : "");
      ps.steps.push_back({c.line, what});
    }
    for (const Stop& st : out.stops) {
      if (st.pass != p) continue;
      ps.steps.push_back({st.line, "stops at the '" + st.page + "' page" + (st.when == "always" ? "" : " (" + st.when + ")") +
                                       ": " + st.why});
    }
    std::stable_sort(ps.steps.begin(), ps.steps.end(), [](const Step& a, const Step& b) { return a.line < b.line; });
    out.passes.push_back(std::move(ps));
  }
}

}  // namespace outcome

namespace {

Outcome make_outcome(const Document& document, std::string_view file, bool timeline) {
  Outcome out;
  out.file = std::string(file);
  const outcome::Index index(document);
  outcome::Scope scope{index};
  scope.installs = index.has_pass("windowsPE");
  scope.oobe = index.has_pass("oobeSystem");
  scope.audit_mode = ascii_lower(index.value("oobeSystem", "Microsoft-Windows-Deployment", "Reseal/Mode")) == "audit";
  outcome::add_accounts(scope, out);
  outcome::add_commands(scope, out);
  outcome::add_stops(scope, out);
  if (timeline) outcome::add_steps(scope, out);
  return out;
}

}  // namespace

Outcome outcome_of(const Document& document, std::string_view file) { return make_outcome(document, file, true); }

Outcome outcome_without_timeline(const Document& document) { return make_outcome(document, {}, false); }

}  // namespace detail

Outcome explain(std::string_view bytes, std::string_view display_path) {
  const detail::Validation validation = detail::validate_document(bytes, display_path);
  if (!validation.document.root || !validation.document.well_formed) {
    Outcome out;
    out.file = std::string(display_path);
    return out;
  }
  return detail::outcome_of(validation.document, display_path);
}

Outcome explain_file(const std::filesystem::path& path) { return explain(detail::read_file(path), path.string()); }

Outcome explain(const AnswerFile& file) { return explain(file.to_xml(), "<memory>"); }

}  // namespace unattend
