#include "server.hpp"

#include <algorithm>
#include <limits>
#include <cctype>
#include <deque>
#include <functional>
#include <istream>
#include <ostream>
#include <set>
#include <stdexcept>

#include <unattend/input.hpp>
#include <unattend/config.hpp>
#include <unattend/error.hpp>
#include <unattend/fix.hpp>
#include <unattend/pass.hpp>
#include <unattend/schema.hpp>
#include <unattend/template.hpp>
#include <unattend/time_zones.hpp>
#include <unattend/detail/join.hpp>

#include "../hints.hpp"
#include "outline.hpp"

namespace unattend::lsp {

using json = nlohmann::json;

namespace {

// JSON-RPC 2.0 and LSP error codes.
constexpr int parse_error = -32700;
constexpr int invalid_request = -32600;
constexpr int method_not_found = -32601;
constexpr int invalid_params = -32602;
constexpr int internal_error = -32603;
constexpr int not_initialized = -32002;

// LSP kinds.
constexpr int completion_property = 10;
constexpr int completion_value = 12;
constexpr int completion_module = 9;
constexpr int completion_keyword = 14;
constexpr int plain_text = 1;  // InsertTextFormat
constexpr int snippet = 2;
constexpr int request_cancelled = -32800;  // LSP: the client cancelled the request
constexpr int symbol_namespace = 3;
constexpr int symbol_module = 2;
constexpr int symbol_property = 7;
constexpr int message_error = 1;  // MessageType
constexpr int message_warning = 2;

// A request that fails: answered with this error instead of a result.
class RpcError : public std::runtime_error {
 public:
  RpcError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The path a file: URI names, for the file name in messages. A Windows
// editor's URI names a drive (file:///C:/Users/...): its path starts at the
// drive letter, not at the '/' before it (RFC 8089, appendix E.2).
std::string display_path(const std::string& uri) {
  std::string path = uri.rfind("file://", 0) == 0 ? uri.substr(7) : uri;
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() && std::isxdigit(static_cast<unsigned char>(path[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(path[i + 2]))) {
      out += static_cast<char>(std::stoi(path.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += path[i];
    }
  }
  if (out.size() >= 3 && out[0] == '/' && std::isalpha(static_cast<unsigned char>(out[1])) && out[2] == ':') out.erase(0, 1);
  return out;
}

json position_json(const LineIndex& index, std::size_t offset) {
  const auto [line, character] = index.position(offset);
  return {{"line", line}, {"character", character}};
}

json range_json(const LineIndex& index, std::size_t begin, std::size_t end) {
  return {{"start", position_json(index, begin)}, {"end", position_json(index, end)}};
}

std::size_t offset_of(const LineIndex& index, const json& position) {
  return index.offset(position.at("line").get<std::size_t>(), position.at("character").get<std::size_t>());
}

// The byte offset a checker position (1-based line, UTF-16 column of the next character) stands for.
std::size_t offset_of(const LineIndex& index, const Diagnostic& d) {
  return d.line == 0 ? 0 : index.offset(d.line - 1, d.column == 0 ? 0 : d.column - 1);
}


std::string kind_text(SettingKind kind) {
  switch (kind) {
    case SettingKind::boolean: return "boolean";
    case SettingKind::integer: return "integer";
    case SettingKind::enumeration: return "one of a list";
    case SettingKind::container: return "container";
    default: return "string";
  }
}

// The Microsoft Learn page of the reference, which names its pages after the
// component and setting path ("microsoft-windows-shell-setup-computername").
std::string reference_page(const std::string& component, const std::string& path) {
  std::string page = lower(component + (path.empty() ? "" : "-" + path));
  std::replace(page.begin(), page.end(), '/', '-');
  return "https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/" + page;
}

std::string describe(const SettingInfo& s) {
  std::string text = "**" + s.name + "** (" + s.component + (s.path.find('/') != std::string::npos ? "/" + s.path : "") + ")\n\n";
  text += "- Type: " + kind_text(s.kind);
  if (s.list_item) text += ", list item" + (s.key.empty() ? std::string() : " keyed by " + s.key);
  text += "\n- Passes: " + (s.passes.empty() ? std::string("not stated") : to_string(s.passes)) + "\n";
  if (s.max_length) {
    text += "- At most " + std::to_string(*s.max_length) + " " + (s.max_length_unit.empty() ? "characters" : s.max_length_unit) + "\n";
  }
  if (s.min || s.max) {
    text += "- Range: " + (s.min ? std::to_string(*s.min) : std::string("…")) + " to " +
            (s.max ? std::to_string(*s.max) : std::string("…")) + "\n";
  }
  if (!s.values.empty()) {
    std::string values;
    for (const auto& v : s.values) values += (values.empty() ? "`" : ", `") + v + "`";
    text += "- Allowed values: " + values + "\n";
  }
  if (s.default_value) text += "- Default: `" + *s.default_value + "`\n";
  if (!s.status.empty()) text += "- Status: " + s.status + "\n";
  text += "\nReference: " + reference_page(s.component, s.path);
  return text;
}

const std::vector<std::string>* children_of(const Place& place) {
  const Schema& schema = Schema::instance();
  if (place.component == nullptr) return nullptr;
  if (place.path.empty()) {
    const ComponentInfo* c = schema.find_component(place.component_name);
    return c != nullptr ? &c->children : nullptr;
  }
  const SettingInfo* s = schema.find_setting(place.component_name, place.path);
  return s != nullptr ? &s->children : nullptr;
}

std::optional<Pass> pass_named(const std::string& name) {
  for (const Pass p : all_passes) {
    if (to_string(p) == name) return p;
  }
  return std::nullopt;
}

// A snippet as plain text: a choice ${1|a,b|} becomes its first value, a
// placeholder ${1:x} its text, and the tab stops $0, $1... nothing.
std::string plain(std::string_view snippet_text) {
  std::string out;
  for (std::size_t i = 0; i < snippet_text.size(); ++i) {
    if (snippet_text[i] != '$' || i + 1 == snippet_text.size()) {
      out += snippet_text[i];
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(snippet_text[i + 1])) != 0) {
      while (i + 1 < snippet_text.size() && std::isdigit(static_cast<unsigned char>(snippet_text[i + 1])) != 0) ++i;
      continue;
    }
    const std::size_t close = snippet_text.find('}', i);
    if (snippet_text[i + 1] != '{' || close == std::string_view::npos) {
      out += snippet_text[i];
      continue;
    }
    const std::string_view inside = snippet_text.substr(i + 2, close - i - 2);  // "1|a,b|" or "1:x"
    const std::size_t bar = inside.find('|');
    const std::size_t colon = inside.find(':');
    if (bar != std::string_view::npos) {
      out += inside.substr(bar + 1, inside.find_first_of(",|", bar + 1) - bar - 1);
    } else if (colon != std::string_view::npos) {
      out += inside.substr(colon + 1);
    }
    i = close;
  }
  return out;
}

json value_items(const std::vector<std::string>& values, int kind) {
  json items = json::array();
  for (const auto& v : values) items.push_back({{"label", v}, {"kind", kind}});
  return items;
}

std::vector<std::string> pass_names() {
  std::vector<std::string> names;
  for (const Pass p : all_passes) names.emplace_back(to_string(p));
  return names;
}

constexpr const char* architectures = "amd64,x86,arm64,wow64";

}  // namespace

Server::Server(std::string rule_pages) : rule_pages_(std::move(rule_pages)) {}

json Server::error(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

std::vector<json> Server::handle(const json& message) {
  std::vector<json> out;
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    // A response from the client (we send no requests) is ignored; anything else is invalid.
    if (message.is_object() && message.contains("id") && (message.contains("result") || message.contains("error"))) return out;
    out.push_back(error(message.is_object() && message.contains("id") ? message["id"] : json(nullptr), invalid_request,
                        "not a JSON-RPC request"));
    return out;
  }
  const std::string method = message["method"];
  const json params = message.value("params", json::object());
  const bool is_request = message.contains("id");
  try {
    if (!is_request) {
      notification(method, params, out);
      return out;
    }
    const json& id = message["id"];
    if (!initialized_ && method != "initialize") {
      out.push_back(error(id, not_initialized, "initialize first"));
    } else if (shut_down_ && method != "shutdown") {
      out.push_back(error(id, invalid_request, "the server is shut down"));
    } else {
      out.push_back({{"jsonrpc", "2.0"}, {"id", id}, {"result", request(method, params)}});
    }
  } catch (const RpcError& e) {
    if (is_request) out.push_back(error(message["id"], e.code(), e.what()));
  } catch (const json::exception& e) {
    if (is_request) out.push_back(error(message["id"], invalid_params, std::string("invalid params: ") + e.what()));
  } catch (const std::exception& e) {
    if (is_request) out.push_back(error(message["id"], internal_error, e.what()));
  }
  return out;
}

namespace {

// What initializationOptions ask for, read apart from the server: a refused
// initialize leaves nothing of what it gave.
struct Initialization {
  CheckOptions options;
  Server::ConfigMode config_mode = Server::ConfigMode::nearest;
  std::string config_file;
};

// A word of initializationOptions; nullopt when absent or null.
std::optional<std::string> word(const json& given, const char* key) {
  const auto at = given.find(key);
  if (at == given.end() || at->is_null()) return std::nullopt;
  return at->is_string() ? at->get<std::string>() : std::string();  // a non-string is refused as a bad name
}

// How the files are used and which Windows they install: the same choices as
// check --usage, --target and --arch.
void read_setup_options(const json& given, CheckOptions& options) {
  if (const auto usage = word(given, "usage")) {
    options.setup.usage = {parse_usage(*usage), "option"};
    if (!options.setup.usage.value) throw RpcError(invalid_params, "initializationOptions.usage: media, sysprep or upgrade");
  }
  if (const auto target = word(given, "target")) {
    options.setup.target = {parse_target(*target), "option"};
    if (!options.setup.target.value) throw RpcError(invalid_params, "initializationOptions.target: one of " + target_list());
  }
  if (const auto arch = word(given, "arch")) {
    if (!is_architecture(*arch)) throw RpcError(invalid_params, "initializationOptions.arch: one of " + architecture_list());
    options.setup.arch = {*arch, "option"};
  }
}

// config: a file to read instead of the nearest .unattend.yaml (check
// --config), or false for none (check --no-config).
void read_config_option(const json& given, Initialization& init) {
  const auto config = given.find("config");
  if (config == given.end() || config->is_null()) return;
  if (config->is_boolean() && !config->get<bool>()) {
    init.config_mode = Server::ConfigMode::none;
    return;
  }
  if (!config->is_string() || config->get<std::string>().empty()) {
    throw RpcError(invalid_params, "initializationOptions.config: a file name, or false for none");
  }
  init.config_mode = Server::ConfigMode::fixed;
  init.config_file = config->get<std::string>();
  try {
    (void)load_config(init.config_file);
  } catch (const Error& e) {
    throw RpcError(invalid_params, std::string("initializationOptions.config: ") + e.what());
  }
}

Initialization read_initialization(const json& params) {
  Initialization init;
  const auto found = params.find("initializationOptions");
  if (found == params.end() || !found->is_object()) return init;
  read_setup_options(*found, init.options);
  read_config_option(*found, init);
  return init;
}

// Snippets only for a client that says it takes them (LSP: the default is no).
bool takes_snippets(const json& params) {
  const json* snippet_support = &params;
  for (const char* key : {"capabilities", "textDocument", "completion", "completionItem", "snippetSupport"}) {
    snippet_support = snippet_support->is_object() && snippet_support->contains(key) ? &(*snippet_support)[key] : nullptr;
    if (snippet_support == nullptr) return false;
  }
  return snippet_support->is_boolean() && snippet_support->get<bool>();
}

}  // namespace

json Server::initialize(const json& params) {
  Initialization init = read_initialization(params);
  options_ = std::move(init.options);
  snippets_ = takes_snippets(params);
  config_mode_ = init.config_mode;
  config_file_ = std::move(init.config_file);
  initialized_ = true;
  return {{"capabilities",
           {{"positionEncoding", "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 2}}},
            {"completionProvider", {{"triggerCharacters", {"<", "\"", ">"}}}},
            {"hoverProvider", true},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
            {"documentSymbolProvider", true}}},
          {"serverInfo", {{"name", "unattend"}}}};
}

json Server::request(const std::string& method, const json& params) {
  if (method == "initialize") return initialize(params);
  if (method == "shutdown") {
    shut_down_ = true;
    return nullptr;
  }
  static const std::set<std::string> document_methods = {"textDocument/completion", "textDocument/hover",
                                                         "textDocument/codeAction", "textDocument/documentSymbol"};
  if (document_methods.count(method) == 0) throw RpcError(method_not_found, "unknown method " + method);
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  if (documents_.count(uri) == 0) throw RpcError(invalid_params, "unknown document " + uri);
  if (method == "textDocument/completion") return completion(uri, params.at("position"));
  if (method == "textDocument/hover") return hover(uri, params.at("position"));
  if (method == "textDocument/codeAction") return code_actions(uri, params);
  return symbols(uri);
}

void Server::notification(const std::string& method, const json& params, std::vector<json>& out) {
  if (method == "exit") {
    exit_code_ = shut_down_ ? 0 : 1;
    return;
  }
  if (!initialized_ || shut_down_) return;
  std::string uri;
  if (method == "textDocument/didOpen") {
    uri = params.at("textDocument").at("uri").get<std::string>();
    documents_[uri] = params.at("textDocument").at("text").get<std::string>();
  } else if (method == "textDocument/didChange") {
    uri = params.at("textDocument").at("uri").get<std::string>();
    const auto document = documents_.find(uri);
    if (document == documents_.end()) return;
    for (const json& change : params.at("contentChanges")) {
      if (!change.contains("range")) {
        document->second = change.at("text").get<std::string>();
        continue;
      }
      const LineIndex index(document->second);
      const std::size_t begin = offset_of(index, change["range"].at("start"));
      const std::size_t end = std::max(begin, offset_of(index, change["range"].at("end")));
      document->second.replace(begin, end - begin, change.at("text").get<std::string>());
    }
  } else if (method == "textDocument/didClose") {
    uri = params.at("textDocument").at("uri").get<std::string>();
    documents_.erase(uri);
    stale_.erase(uri);
    out.push_back({{"jsonrpc", "2.0"},
                   {"method", "textDocument/publishDiagnostics"},
                   {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
    return;
  } else {
    return;  // initialized, $/cancelRequest, didSave...: nothing to do
  }
  if (deferring_) {
    stale_.insert(uri);  // checked once the burst of changes is over (flush)
    return;
  }
  out.push_back({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", diagnostics(uri, &out)}});
}

std::vector<json> Server::flush() {
  std::vector<json> out;
  for (const std::string& uri : stale_) {
    if (documents_.count(uri) == 0) continue;
    out.push_back({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", diagnostics(uri, &out)}});
  }
  stale_.clear();
  return out;
}

const std::string& Server::text(const std::string& uri) const { return documents_.at(uri); }

void Server::tell(std::vector<json>* out, int type, const std::string& message) {
  if (out == nullptr || !told_.insert(message).second) return;
  out->push_back({{"jsonrpc", "2.0"}, {"method", "window/showMessage"}, {"params", {{"type", type}, {"message", "unattend: " + message}}}});
}

std::optional<CheckOptions> Server::options_for(const std::string& uri, std::vector<json>* out) {
  // Looked up at each check, so that an edit of .unattend.yaml counts from
  // the next change of the document; a lookup is a few stat calls.
  Config config;
  const bool file = uri.rfind("file://", 0) == 0;
  const std::string path = display_path(uri);
  if (config_mode_ != ConfigMode::none && (file || config_mode_ == ConfigMode::fixed)) {
    try {
      ConfigResolver configs = config_mode_ == ConfigMode::fixed ? ConfigResolver::fixed(path_from_utf8(config_file_)) : ConfigResolver::nearest();
      config = configs.for_file(path_from_utf8(path));
      for (const std::string& w : configs.take_warnings()) tell(out, message_warning, w);
    } catch (const Error& e) {
      // A config that cannot be read is said, and the file checked without it
      // rather than not at all.
      tell(out, message_error, e.what());
    }
  }
  if (file && config.excludes(path_from_utf8(path))) return std::nullopt;
  CheckOptions options = config.check_options();
  // initializationOptions win over the config, as the command line does.
  if (options_.setup.usage.value) options.setup.usage = options_.setup.usage;
  if (options_.setup.target.value) options.setup.target = options_.setup.target;
  if (options_.setup.arch.value) options.setup.arch = options_.setup.arch;
  return options;
}

json Server::diagnostics(const std::string& uri, std::vector<json>* out) {
  const std::string& content = text(uri);
  const LineIndex index(content);
  json list = json::array();
  const auto options = options_for(uri, out);
  if (!options) return {{"uri", uri}, {"diagnostics", list}};  // excluded by its .unattend.yaml
  std::vector<Diagnostic> found = checker_.check(content, display_path(uri), *options);
  cli::add_hints(found);  // the same words as `unattend check` prints
  for (const Diagnostic& d : found) {
    // The checker points just after an element's start tag; the range covers the tag.
    const std::size_t end = offset_of(index, d);
    const std::size_t lt = end == 0 ? npos : content.rfind('<', end - 1);
    const std::size_t begin = d.line == 0 || lt == npos ? end : lt;
    json item = {{"range", range_json(index, begin, d.line == 0 ? 0 : end)},
                 {"severity", d.severity == Severity::error ? 1 : d.severity == Severity::warning ? 2 : 3},
                 {"code", d.code},
                 {"source", "unattend"},
                 {"message", d.message},
                 {"codeDescription", {{"href", rule_pages_ + "/" + d.code + ".md"}}}};
    list.push_back(std::move(item));
  }
  return {{"uri", uri}, {"diagnostics", list}};
}

json Server::element_items(const Element& parent, bool with_lt) const {
  const Schema& schema = Schema::instance();
  json items = json::array();
  const std::string lt = with_lt ? "<" : "";
  // A snippet places the cursor between the tags and offers the choices; a
  // client that takes no snippets gets the same text, plain (the first choice).
  const auto item = [&](const std::string& label, int kind, const std::string& detail, const std::string& snippet_text) {
    json i = {{"label", label}, {"kind", kind}};
    if (!detail.empty()) i["detail"] = detail;
    if (snippets_) {
      i["insertTextFormat"] = snippet;
      i["insertText"] = lt + snippet_text;
    } else {
      i["insertTextFormat"] = plain_text;
      i["insertText"] = lt + plain(snippet_text);
    }
    return i;
  };
  if (parent.name == "settings") {
    const auto pass = pass_named(parent.attribute("pass"));
    for (const ComponentInfo& c : schema.components()) {
      if (pass && !c.passes.empty() && std::find(c.passes.begin(), c.passes.end(), *pass) == c.passes.end()) continue;
      items.push_back(item(c.name, completion_module, "component; passes: " + to_string(c.passes),
                           "component name=\"" + c.name + "\" processorArchitecture=\"${1|" + architectures +
                               "|}\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n\t$0\n</component>"));
    }
    return items;
  }
  if (parent.name == "unattend") {
    const std::string choices = detail::join(pass_names(), ",");
    items.push_back(item("settings", completion_keyword, "", "settings pass=\"${1|" + choices + "|}\">\n\t$0\n</settings>"));
    return items;
  }
  const Place place = place_of(parent);
  const auto* children = children_of(place);
  if (children == nullptr) return items;
  const auto pass = pass_named(place.pass);
  for (const auto& child : *children) {
    const std::string path = place.path.empty() ? child : place.path + "/" + child;
    const SettingInfo* s = schema.find_setting(place.component_name, path);
    if (s == nullptr || (pass && !s->passes.empty() && !s->valid_in(*pass))) continue;
    const std::string action = s->list_item ? " wcm:action=\"add\"" : "";
    json i = item(child, completion_property, kind_text(s->kind) + "; passes: " + to_string(s->passes),
                  child + action + ">$0</" + child + ">");
    i["documentation"] = {{"kind", "markdown"}, {"value", describe(*s)}};
    items.push_back(std::move(i));
  }
  return items;
}

namespace {

// The name of the attribute whose quoted value `tag` (from '<' to the cursor) ends in; "" when there is none.
std::string attribute_being_valued(std::string_view tag) {
  const std::size_t eq = tag.rfind('=');
  if (eq == npos) return "";  // a quote with no attribute before it: <a "
  std::size_t name_end = eq;
  while (name_end > 0 && (tag[name_end - 1] == ' ')) --name_end;
  std::size_t name_begin = name_end;
  while (name_begin > 0 && tag[name_begin - 1] != ' ' && tag[name_begin - 1] != '\t' && tag[name_begin - 1] != '\n') --name_begin;
  return std::string(tag.substr(name_begin, name_end - name_begin));
}

// The values an attribute of the answer file's own elements takes.
json attribute_value_items(const std::string& attribute) {
  if (attribute == "pass") return value_items(pass_names(), completion_value);
  if (attribute == "processorArchitecture") return value_items({"amd64", "x86", "arm64", "wow64"}, completion_value);
  if (attribute == "versionScope") return value_items({"nonSxS"}, completion_value);
  if (attribute == "language") return value_items({"neutral"}, completion_value);
  if (attribute == "publicKeyToken") return value_items({"31bf3856ad364e35"}, completion_value);
  if (attribute.ends_with(":action")) return value_items({"add", "modify", "remove"}, completion_value);
  if (attribute == "name") {
    std::vector<std::string> names;
    for (const ComponentInfo& c : Schema::instance().components()) names.push_back(c.name);
    return value_items(names, completion_module);
  }
  return json::array();
}

// The values a leaf setting takes, for its content.
json leaf_value_items(const SettingInfo& s) {
  if (s.kind == SettingKind::enumeration) return value_items(s.values, completion_value);
  if (s.kind == SettingKind::boolean) return value_items({"true", "false"}, completion_value);
  if (s.path == "TimeZone") {
    const auto& ids = windows_time_zone_ids();
    return value_items(std::vector<std::string>(ids.begin(), ids.end()), completion_value);
  }
  return json::array();
}

// Whether `at` is in white space between elements: only blanks from the last '>' (at `gt`) to the next '<'.
bool between_elements(std::string_view content, std::size_t at, std::size_t gt) {
  const std::size_t text_begin = gt == npos ? 0 : gt + 1;
  const std::size_t next_lt = content.find('<', at);
  const auto blank = [](std::string_view t) { return t.find_first_not_of(" \t\r\n") == std::string_view::npos; };
  return blank(content.substr(text_begin, at - text_begin)) &&
         blank(content.substr(at, (next_lt == npos ? content.size() : next_lt) - at));
}

}  // namespace

json Server::completion(const std::string& uri, const json& position) const {
  const std::string& content = text(uri);
  const LineIndex index(content);
  const std::size_t at = offset_of(index, position);
  const auto root = scan(content);

  // Inside a start tag: an attribute value, or the element name after '<'.
  const std::size_t lt = at == 0 ? npos : content.rfind('<', at - 1);
  const std::size_t gt = at == 0 ? npos : content.rfind('>', at - 1);
  const bool in_tag = lt != npos && (gt == npos || gt < lt);
  if (in_tag) {
    const std::string_view tag(content.data() + lt, at - lt);
    const std::size_t quotes = static_cast<std::size_t>(std::count(tag.begin(), tag.end(), '"'));
    if (quotes % 2 == 1) return attribute_value_items(attribute_being_valued(tag));
    if (tag.find_first_of(" \t\r\n") != npos || tag.starts_with("</")) return json::array();
    // An element name after '<': what the enclosing element may hold.
    return element_items(element_at(*root, lt), false);
  }
  const Element& element = element_at(*root, at);
  const Place place = place_of(element);
  const SettingInfo* s = place.component == nullptr || place.path.empty()
                             ? nullptr
                             : Schema::instance().find_setting(place.component_name, place.path);
  // In a leaf's content: the values of the setting whose text this is.
  if (s != nullptr && s->children.empty()) return leaf_value_items(*s);
  // Between elements, on an empty line or in white space: what the element
  // may hold, as after '<', with the '<'.
  if (between_elements(content, at, gt)) return element_items(element, true);
  return json::array();
}

json Server::hover(const std::string& uri, const json& position) const {
  const std::string& content = text(uri);
  const LineIndex index(content);
  const std::size_t at = offset_of(index, position);
  const auto root = scan(content);
  const Element* element = tag_at(*root, at);
  if (element == nullptr) return nullptr;
  const Schema& schema = Schema::instance();
  std::string markdown;
  if (element->name == "component") {
    const ComponentInfo* c = schema.find_component(element->attribute("name"));
    if (c == nullptr) return nullptr;
    markdown = "**" + c->name + "** (component)\n\n- Passes: " + to_string(c->passes) + "\n- Settings: " +
               std::to_string(c->children.size()) + "\n\nReference: " + reference_page(c->name, "");
  } else {
    const Place place = place_of(*element);
    const SettingInfo* s = place.component == nullptr ? nullptr : schema.find_setting(place.component_name, place.path);
    if (s == nullptr) return nullptr;
    markdown = describe(*s);
  }
  return {{"contents", {{"kind", "markdown"}, {"value", markdown}}},
          {"range", range_json(index, element->open_begin, element->name_end)}};
}

json Server::code_actions(const std::string& uri, const json& params) {
  const std::string& content = text(uri);
  const LineIndex index(content);
  const std::size_t first_line = params.at("range").at("start").at("line").get<std::size_t>();
  const std::size_t last_line = params.at("range").at("end").at("line").get<std::size_t>();
  const std::string path = display_path(uri);
  std::vector<Diagnostic> here;
  const auto options = options_for(uri, nullptr);
  if (!options) return json::array();  // excluded: nothing is reported, so nothing is repaired
  // A template's text belongs to its engine: `fix` leaves it as it is, and so
  // do code actions (docs/templates.md).
  if (template_syntax_of(content, path, options->templates) != TemplateSyntax::none) return json::array();
  for (const Diagnostic& d : checker_.check(content, path, *options)) {
    const std::size_t line = d.line == 0 ? 0 : d.line - 1;
    if (line >= first_line && line <= last_line && fixable(d.code)) here.push_back(d);
  }
  json actions = json::array();
  for (const Repair& repair : propose_repairs(content, path, here)) {
    json edits = json::array();
    for (const TextEdit& e : repair.edits) {
      edits.push_back({{"range", range_json(index, e.offset, e.offset + e.length)}, {"newText", e.text}});
    }
    actions.push_back({{"title", "Fix: " + repair.description + " [" + repair.code + "]"},
                       {"kind", "quickfix"},
                       {"isPreferred", true},
                       {"edit", {{"changes", {{uri, edits}}}}}});
  }
  return actions;
}

json Server::symbols(const std::string& uri) const {
  const std::string& content = text(uri);
  const LineIndex index(content);
  const auto root = scan(content);
  const auto symbol = [&](const Element& e, const std::string& name, int kind, json children) {
    const std::size_t end = e.close_end != npos ? e.close_end : e.open_end != npos ? e.open_end : e.name_end;
    return json{{"name", name.empty() ? e.name : name},
                {"kind", kind},
                {"range", range_json(index, e.open_begin, end)},
                {"selectionRange", range_json(index, e.open_begin, e.name_end)},
                {"children", std::move(children)}};
  };
  std::function<json(const Element&)> settings_of = [&](const Element& e) {
    json list = json::array();
    for (const auto& child : e.children) list.push_back(symbol(*child, "", symbol_property, settings_of(*child)));
    return list;
  };
  json passes = json::array();
  for (const auto& top : root->children) {
    for (const auto& settings : top->children) {
      if (settings->name != "settings") continue;
      json components = json::array();
      for (const auto& component : settings->children) {
        components.push_back(symbol(*component, component->name == "component" ? component->attribute("name") : "",
                                    symbol_module, settings_of(*component)));
      }
      passes.push_back(symbol(*settings, settings->attribute("pass"), symbol_namespace, components));
    }
  }
  return passes;
}

namespace {

// One header line of the base protocol. Its end is CR LF, LF or CR alone; a
// line longer than a header needs is read to its end but not kept (the
// message is then refused), so that no input grows memory. False at the end
// of input.
bool read_header_line(std::istream& in, std::string& line, bool& too_long) {
  constexpr std::size_t max_line = 4096;
  line.clear();
  too_long = false;
  for (;;) {
    const int c = in.get();
    if (c == std::char_traits<char>::eof()) return !line.empty() || too_long;
    if (c == '\n') return true;
    if (c == '\r') {
      if (in.peek() == '\n') in.get();
      return true;
    }
    if (line.size() < max_line) line += static_cast<char>(c);
    else too_long = true;
  }
}

}  // namespace

namespace {

// One framed message read from the editor: its JSON, or the error to answer
// (a refused or broken frame), or the end of the input.
struct Incoming {
  enum class Kind { message, refused, end } kind = Kind::end;
  json value;         // the message, or the error response to send
  std::size_t size = 0;  // bytes of its body
};

Incoming read_message(std::istream& in) {
  constexpr std::size_t max_message = 64 * 1024 * 1024;
  std::size_t length = 0;
  bool have_length = false;
  bool bad_header = false;
  std::string line;
  bool any = false;
  bool too_long = false;
  while (read_header_line(in, line, too_long)) {
    any = true;
    if (too_long) bad_header = true;
    if (line.empty() && !too_long) break;
    if (lower(line).rfind("content-length:", 0) == 0) {
      try {
        std::size_t used = 0;
        const std::string digits = line.substr(15);
        length = std::stoul(digits, &used);
        have_length = digits.find_first_not_of(" 0123456789") == std::string::npos;
      } catch (const std::exception&) {
        bad_header = true;
      }
    }
  }
  if (!any || !in) return {};  // end of input
  if (have_length && length > static_cast<std::size_t>(std::numeric_limits<std::streamsize>::max())) {
    return {};  // no stream holds that much: nothing to skip to
  }
  if (have_length && length > max_message) {
    // Refused, and its body skipped, so that the next message is read from its start.
    in.ignore(static_cast<std::streamsize>(length));
    if (!in) return {};
    return {Incoming::Kind::refused, Server::error(nullptr, parse_error, "a message over 64 MiB is refused"), 0};
  }
  if (bad_header || !have_length) {
    return {Incoming::Kind::refused, Server::error(nullptr, parse_error, "a message needs a valid Content-Length header"), 0};
  }
  std::string body(length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in.gcount()) != length) return {};
  json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) return {Incoming::Kind::refused, Server::error(nullptr, parse_error, "the message is not JSON"), 0};
  return {Incoming::Kind::message, std::move(message), length};
}

std::string method_of(const json& message) {
  return message.is_object() && message.contains("method") && message["method"].is_string() ? message["method"].get<std::string>()
                                                                                             : std::string();
}

}  // namespace

namespace {

// The messages read ahead of the one being answered: what has arrived is read
// before any of it is answered, up to 64 MiB (or 4,096 messages), so that a
// $/cancelRequest behind its request is seen in time.
class ReadAhead {
 public:
  ReadAhead(std::istream& in, std::function<bool()> waiting) : in_(in), waiting_(std::move(waiting)) {}

  // The next message to answer; Kind::end at the end of input.
  Incoming next() {
    if (queue_.empty()) {
      if (ended_) return {};
      take();
    }
    while (!ended_ && queued_ < max_bytes && queue_.size() < max_messages && waiting_()) {
      take();
      if (queue_.back().kind == Incoming::Kind::end) ended_ = true;
    }
    Incoming next = std::move(queue_.front());
    queue_.pop_front();
    queued_ -= next.size;
    if (const auto id = cancel_id(next)) cancelled_.erase(cancelled_.find(*id));
    return next;
  }

  // Whether a $/cancelRequest read ahead names this request id.
  bool cancelled(const json& id) const { return cancelled_.count(id.dump()) != 0; }
  // Nothing more waiting: the burst is over.
  bool idle() const { return queue_.empty() && !waiting_(); }

 private:
  static constexpr std::size_t max_bytes = 64 * 1024 * 1024;
  static constexpr std::size_t max_messages = 4096;

  static std::optional<std::string> cancel_id(const Incoming& i) {
    if (i.kind != Incoming::Kind::message || method_of(i.value) != "$/cancelRequest" || !i.value.contains("params") ||
        !i.value["params"].is_object() || !i.value["params"].contains("id")) {
      return std::nullopt;
    }
    return i.value["params"]["id"].dump();
  }

  // The byte count and the cancelled ids are kept up to date as messages come
  // and go, so that a long queue is not walked per message.
  void take() {
    queue_.push_back(read_message(in_));
    queued_ += queue_.back().size;
    if (const auto id = cancel_id(queue_.back())) cancelled_.insert(*id);
  }

  std::istream& in_;
  std::function<bool()> waiting_;
  std::deque<Incoming> queue_;
  std::size_t queued_ = 0;                // body bytes in the queue
  std::multiset<std::string> cancelled_;  // ids named by the $/cancelRequest messages in the queue
  bool ended_ = false;
};

// A request the editor cancelled is answered with RequestCancelled, unworked;
// initialize and shutdown are always worked.
bool cancelled_request(const json& message, const ReadAhead& messages) {
  const std::string method = method_of(message);
  return message.is_object() && message.contains("id") && !method.empty() && method != "initialize" &&
         method != "shutdown" && messages.cancelled(message["id"]);
}

}  // namespace

int serve(std::istream& in, std::ostream& out, const std::string& rule_pages, const std::function<bool()>& more_input) {
  Server server(rule_pages);
  server.set_deferring(true);
  const auto send = [&](const json& message) {
    const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out.flush();
  };
  const auto send_all = [&](const std::vector<json>& replies) {
    for (const json& reply : replies) send(reply);
  };
  ReadAhead messages(in, [&] { return in.rdbuf()->in_avail() > 0 || (more_input && more_input()); });
  for (;;) {
    const Incoming next = messages.next();
    if (next.kind == Incoming::Kind::end) return server.exit_code();  // end of input without exit
    const json& message = next.value;
    if (next.kind == Incoming::Kind::refused) {
      send(message);
    } else if (cancelled_request(message, messages)) {
      send(Server::error(message["id"], request_cancelled, "cancelled by the client"));
    } else {
      // Before the end, what is stale is checked and said.
      const std::string method = method_of(message);
      if (method == "shutdown" || method == "exit") send_all(server.flush());
      send_all(server.handle(message));
      if (server.exited()) return server.exit_code();
    }
    // The burst is over: check what it changed.
    if (messages.idle()) send_all(server.flush());
  }
}

}  // namespace unattend::lsp
