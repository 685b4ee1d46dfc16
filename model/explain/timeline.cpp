// The timeline: what happens in each pass, in the order Setup runs them, and
// the public entry points.
//
// Which passes run for each usage is the table in behaviour.cpp (sources
// there). U/microsoft-windows-deployment-reseal-mode: Mode=Audit in oobeSystem
// makes Setup ignore the other oobeSystem settings and start auditSystem.
#include <algorithm>
#include <array>

#include <unattend/explain.hpp>
#include <unattend/error.hpp>
#include <unattend/detail/join.hpp>

#include "platform/file_io.hpp"
#include "xml/text.hpp"
#include "schema/validation.hpp"
#include "template/engine.hpp"
#include "explain/outcome.hpp"

namespace unattend {

std::string_view to_string(AccountKind kind) {
  switch (kind) {
    case AccountKind::local: return "local";
    case AccountKind::offline_local: return "offline-local";
    case AccountKind::builtin_administrator: return "built-in-administrator";
    case AccountKind::domain: return "domain";
  }
  return "local";
}

std::string_view to_string(RunAs run_as) {
  switch (run_as) {
    case RunAs::system: return "system";
    case RunAs::autologon_account: return "autologon-account";
    case RunAs::first_administrator: return "first-administrator";
    case RunAs::first_user: return "first-user";
    case RunAs::audit_administrator: return "audit-administrator";
  }
  return "system";
}

std::string runs_as_text(const Command& c) {
  switch (c.runs_as) {
    case RunAs::system: return c.pass == Pass::windowsPE ? "SYSTEM (Windows PE)" : "SYSTEM";
    case RunAs::autologon_account: return c.account + " (automatic logon)";
    case RunAs::first_administrator: return "the first administrator who signs in";
    case RunAs::first_user: return "the first user who signs in";
    case RunAs::audit_administrator: return "the built-in Administrator (audit mode logon)";
  }
  return "SYSTEM";
}

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

bool Scope::runs(Pass pass) const {
  switch (pass_rule(usage, pass).runs) {
    case Runs::yes: return true;
    case Runs::no: return false;
    case Runs::audit: return audit_mode;
  }
  return true;
}

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
  if (const Node* to = index.first("windowsPE", setup, "ImageInstall/OSImage/InstallTo")) {
    steps.push_back({to->start.line, "installs Windows to disk " + child_value(*to, "DiskID") + ", partition " +
                                         child_value(*to, "PartitionID")});
  }
  if (const Node* any = index.first("windowsPE", setup, "ImageInstall/OSImage/InstallToAvailablePartition");
      any != nullptr && truthy(any->value())) {
    steps.push_back({any->start.line, "installs Windows to the first partition with room and no Windows"});
  }
}

void image_steps(const Index& index, std::vector<Step>& steps) {
  for (const Node* meta : index.all("windowsPE", "Microsoft-Windows-Setup", "ImageInstall/OSImage/InstallFrom/MetaData")) {
    steps.push_back({meta->start.line, "chooses the image whose " + child_value(*meta, "Key") + " is " +
                                           child_value(*meta, "Value")});
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
  const std::string out = detail::join(a.groups, ", ");
  return out.empty() ? "no group: a standard user" : out;
}

void account_steps(const Outcome& out, Pass pass, std::vector<Step>& steps) {
  for (const Account& a : out.accounts) {
    if (a.pass != pass) continue;
    if (a.kind == AccountKind::builtin_administrator) {
      steps.push_back({a.line, std::string("sets the built-in Administrator's password") +
                                   (a.password ? "" : " (empty)")});
    } else {
      steps.push_back({a.line, "creates " + std::string(a.kind == AccountKind::domain ? "domain account " : "account ") + a.name +
                                   " (" + groups_text(a) + (a.password ? ", password set" : ", no password") + ")"});
    }
  }
  if (out.autologon && out.autologon->pass == pass) {
    const Autologon& a = *out.autologon;
    std::string what = a.enabled ? "signs in automatically as " + a.username : "AutoLogon is not enabled";
    if (a.enabled && a.logon_count) what += ", LogonCount " + std::to_string(*a.logon_count);
    if (a.enabled && a.signs_in == Tristate::no) what = "AutoLogon as " + a.username + " does not sign in: " + a.why_not;
    steps.push_back({a.line, what});
  }
}

// What the pass's note says, given what this file does.
std::string pass_note(const Scope& scope, Pass pass, const PassRule& rule) {
  std::string note(rule.note);
  if (rule.runs == Runs::audit && scope.audit_mode) note = "this file sends Windows to audit mode (Reseal Mode=Audit)";
  if (pass == Pass::oobeSystem && scope.audit_mode) {
    note = "Reseal Mode=Audit: Setup ignores the other oobeSystem settings and starts audit mode";
  }
  if (!scope.index.has_pass(to_string(pass))) note += " (no settings in this file)";
  return note;
}

// The disk and image of Windows PE; an upgrade keeps the disk as it is.
void windows_pe_steps(const Scope& scope, std::vector<Step>& steps) {
  const Index& index = scope.index;
  if (scope.usage == Usage::upgrade) {
    const Node* at = index.first("windowsPE", "Microsoft-Windows-Setup", "UpgradeData/Upgrade");
    steps.push_back({at != nullptr ? at->start.line : 0,
                     "upgrades the running Windows in place: its disk and partitions stay as they are"});
  } else {
    disk_steps(index, steps);
  }
  image_steps(index, steps);
}

void join_steps(const Index& index, const Outcome& out, std::vector<Step>& steps) {
  if (out.join.empty()) return;
  const Node* at = index.first("specialize", "Microsoft-Windows-UnattendedJoin", "Identification");
  steps.push_back({at != nullptr ? at->start.line : 0, "joins " + out.join});
}

void command_steps(const Outcome& out, Pass pass, std::vector<Step>& steps) {
  for (const Command& c : out.commands) {
    if (c.pass != pass) continue;
    const std::string order = c.order ? " #" + std::to_string(*c.order) : "";
    std::string what = "runs " + c.list + order + " as " + runs_as_text(c) + ": " + c.command;
    if (!c.runs) what = "will not run (" + c.when + "): " + c.list + order;
    steps.push_back({c.line, what});
  }
}

void stop_steps(const Outcome& out, Pass pass, std::vector<Step>& steps) {
  for (const Stop& st : out.stops) {
    if (st.pass != pass) continue;
    steps.push_back({st.line, "stops at the '" + st.page + "' page" + (st.when == "always" ? "" : " (" + st.when + ")") +
                                  ": " + st.why});
  }
}

PassSteps pass_steps(const Scope& scope, const Outcome& out, Pass pass) {
  const Index& index = scope.index;
  const std::string p(to_string(pass));
  const PassRule& rule = pass_rule(scope.usage, pass);
  PassSteps ps{pass, scope.runs(pass), pass_note(scope, pass, rule), {}};
  for (const Simple& s : simple) {
    for (const Node* node : index.all(p, s.component, s.path)) ps.steps.push_back({node->start.line, std::string(s.what) + node->value()});
  }
  if (pass == Pass::windowsPE) windows_pe_steps(scope, ps.steps);
  driver_steps(index, p, ps.steps);
  account_steps(out, pass, ps.steps);
  if (pass == Pass::specialize) join_steps(index, out, ps.steps);
  command_steps(out, pass, ps.steps);
  stop_steps(out, pass, ps.steps);
  std::stable_sort(ps.steps.begin(), ps.steps.end(), [](const Step& a, const Step& b) { return a.line < b.line; });
  return ps;
}

}  // namespace

void add_steps(const Scope& scope, Outcome& out) {
  for (const Pass pass : all_passes) out.passes.push_back(pass_steps(scope, out, pass));
}

}  // namespace outcome

namespace {

Outcome make_outcome(const Document& document, std::string_view file, const SetupOptions& setup, bool timeline) {
  Outcome out;
  out.file = std::string(file);
  out.arch = outcome::decide_arch(document, setup.arch);
  const outcome::Index index(document, out.arch.value);
  out.usage = outcome::decide_usage(index, setup.usage, file);
  const outcome::LabConfig lab = outcome::labconfig_bypass(index);
  out.target = outcome::decide_target(index, setup.target, lab);
  outcome::Scope scope{index, document, out.usage.value, out.target.value, false, false, false, lab};
  scope.oobe = index.has_pass("oobeSystem");
  scope.fragment = !setup.usage.value && !outcome::starts_setup(index) && !index.has_components("generalize");
  if (scope.fragment) out.usage.from += ": a sysprep file or a fragment, OOBE pages are assessed only when the usage is given";
  scope.audit_mode = ascii_lower(index.value("oobeSystem", "Microsoft-Windows-Deployment", "Reseal/Mode")) == "audit";
  outcome::add_accounts(scope, out);
  outcome::add_commands(scope, out);
  outcome::add_stops(scope, out);
  if (timeline) outcome::add_steps(scope, out);
  return out;
}

}  // namespace

Outcome outcome_of(const Document& document, std::string_view file, const SetupOptions& setup) {
  return make_outcome(document, file, setup, true);
}

Outcome outcome_without_timeline(const Document& document, const SetupOptions& setup, std::string_view file) {
  Outcome out = make_outcome(document, file, setup, false);
  out.file.clear();
  return out;
}

}  // namespace detail

namespace {

// The outcome of a template's first variant, its lines the template's.
Outcome explain_template(detail::templ::Reading& reading, std::string_view display_path, const SetupOptions& setup) {
  const detail::templ::Variant& variant = reading.variants.front();
  Outcome out = explain(variant.text, display_path, setup, TemplateOptions{TemplateSyntax::none, std::nullopt});
  const auto line = [&](std::size_t& l) {
    if (l != 0) l = static_cast<std::size_t>(variant.map.to_template({l, 1}).line);
  };
  for (Stop& s : out.stops) {
    const detail::Position at = variant.map.to_template({s.line, s.column});
    if (s.line != 0) s.line = static_cast<std::size_t>(at.line), s.column = static_cast<std::size_t>(at.column);
  }
  for (PassSteps& p : out.passes) {
    for (Step& s : p.steps) line(s.line);
  }
  for (Account& a : out.accounts) line(a.line);
  if (out.autologon) line(out.autologon->line);
  for (Command& c : out.commands) line(c.line);
  out.reading = reading.problems.front().message +
                (reading.variants.size() > 1 ? "; explained with the first branch of each block" : "");
  return out;
}

}  // namespace

Outcome explain(std::string_view bytes, std::string_view display_path, const SetupOptions& setup,
                const TemplateOptions& templates) {
  if (detail::templ::Reading reading = detail::templ::read(bytes, display_path, templates); reading.is_template) {
    return explain_template(reading, display_path, setup);
  }
  const detail::Validation validation = detail::validate_document(bytes, display_path);
  if (!validation.document.root || !validation.document.well_formed) {
    Outcome out;
    out.file = std::string(display_path);
    return out;
  }
  return detail::outcome_of(validation.document, display_path, setup);
}

Outcome explain_file(const std::filesystem::path& path, const SetupOptions& setup) {
  return explain(detail::read_file(path), path.string(), setup);
}

}  // namespace unattend
