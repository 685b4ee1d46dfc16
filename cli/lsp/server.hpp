#pragma once

// `unattend lsp`: a Language Server Protocol server for answer files, over
// JSON-RPC 2.0 with Content-Length framing. Diagnostics come from the same
// Checker as `unattend check`, code actions from the same repairs as
// `unattend fix`, completion and hover from the same schemas.

#include <iosfwd>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <unattend/check.hpp>

namespace unattend::lsp {

struct Element;  // outline.hpp

class Server {
 public:
  // rule_pages: where docs/rules/CODE.md pages are ("file:///usr/share/doc/unattend/rules").
  explicit Server(std::string rule_pages);

  // One message in; the response (if it is a request) and notifications out, in order.
  std::vector<nlohmann::json> handle(const nlohmann::json& message);
  // A framing or JSON error: the error response to send.
  static nlohmann::json error(const nlohmann::json& id, int code, const std::string& message);

  // While deferring, a change marks its document stale instead of checking
  // it; flush() checks each stale document once and returns its diagnostics.
  // serve() defers while more input is waiting, so that a burst of keystrokes
  // is checked once, after its last change, and a request in the middle of it
  // is answered without waiting for a check of each change.
  void set_deferring(bool deferring) { deferring_ = deferring; }
  std::vector<nlohmann::json> flush();

  bool exited() const { return exit_code_.has_value(); }
  int exit_code() const { return exit_code_.value_or(1); }
  bool shut_down() const { return shut_down_; }

  // Which .unattend.yaml applies: the nearest to each file (as for `unattend
  // check`), the one initializationOptions.config names, or none (config: false).
  enum class ConfigMode { nearest, fixed, none };

 private:
  // A request's result; a request that fails throws RpcError (server.cpp).
  nlohmann::json request(const std::string& method, const nlohmann::json& params);
  nlohmann::json initialize(const nlohmann::json& params);
  void notification(const std::string& method, const nlohmann::json& params, std::vector<nlohmann::json>& out);
  nlohmann::json diagnostics(const std::string& uri, std::vector<nlohmann::json>* out);
  // The options `uri` is checked with; nullopt when its .unattend.yaml excludes it.
  std::optional<CheckOptions> options_for(const std::string& uri, std::vector<nlohmann::json>* out);
  // A window/showMessage notification, once per message text.
  void tell(std::vector<nlohmann::json>* out, int type, const std::string& message);
  nlohmann::json completion(const std::string& uri, const nlohmann::json& position) const;
  // What `parent` may hold, as completion items; with_lt: the items start with '<'.
  nlohmann::json element_items(const Element& parent, bool with_lt) const;
  nlohmann::json hover(const std::string& uri, const nlohmann::json& position) const;
  nlohmann::json code_actions(const std::string& uri, const nlohmann::json& params);
  nlohmann::json symbols(const std::string& uri) const;
  const std::string& text(const std::string& uri) const;

  std::string rule_pages_;
  Checker checker_;
  CheckOptions options_;  // usage, target, arch from initializationOptions (docs/editors.md)
  ConfigMode config_mode_ = ConfigMode::nearest;
  std::string config_file_;
  std::set<std::string> told_;
  bool snippets_ = false;  // the client takes snippet completions
  std::map<std::string, std::string> documents_;  // uri -> text
  bool deferring_ = false;
  std::set<std::string> stale_;
  bool initialized_ = false;
  bool shut_down_ = false;
  std::optional<int> exit_code_;
};

// Reads framed messages from `in` and answers on `out` until `exit` or the end
// of input. Returns the process exit code: 0 after shutdown then exit, else 1.
// `more_input` says whether more bytes are waiting beyond what `in` has
// buffered (a poll of the descriptor behind it); while anything waits,
// diagnostics wait too (Server::set_deferring).
int serve(std::istream& in, std::ostream& out, const std::string& rule_pages,
          const std::function<bool()>& more_input = {});

}  // namespace unattend::lsp
