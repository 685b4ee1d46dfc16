// `unattend lsp` as an editor talks to it: the real binary, started with
// pipes, driven by a scripted JSON-RPC client with Content-Length framing.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "../cli/lsp/server.hpp"
#include "child_process.hpp"
#include "temp_dir.hpp"
#include "test_support.hpp"

namespace unattend {
namespace {

using json = nlohmann::json;

class Client {
 public:
  Client() : server_(UNATTEND_CLI, {"lsp", "--stdio"}) {}

  void send_raw(const std::string& bytes) { server_.write(bytes); }
  void send(const json& message) {
    const std::string body = message.dump();
    send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  }
  void notify(const std::string& method, const json& params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }
  // Sends a request and returns its response; notifications that come first are kept.
  json request(const std::string& method, const json& params) {
    const int id = ++next_id_;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
    return response(id);
  }
  json response(const json& id) {
    for (;;) {
      json m = read();
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
      notifications_.push_back(m);
    }
  }
  // How many notifications of `method` came ahead of the responses read so far.
  std::size_t kept(const std::string& method) const {
    return static_cast<std::size_t>(std::count_if(notifications_.begin(), notifications_.end(),
                                                  [&](const json& m) { return m["method"] == method; }));
  }
  // The next publishDiagnostics.
  json diagnostics() {
    for (;;) {
      for (auto it = notifications_.begin(); it != notifications_.end(); ++it) {
        if ((*it)["method"] == "textDocument/publishDiagnostics") {
          json d = (*it)["params"];
          notifications_.erase(it);
          return d;
        }
      }
      notifications_.push_back(read());
    }
  }
  json read() {
    std::string header;
    while (header.find("\r\n\r\n") == std::string::npos) header += get(1);
    const auto at = header.find("Content-Length: ");
    if (at == std::string::npos) throw std::runtime_error("no Content-Length in " + header);
    const std::size_t length = std::stoul(header.substr(at + 16));
    return json::parse(get(length));
  }
  int wait_exit() { return server_.close_and_wait(); }

 private:
  std::string get(std::size_t n) {
    std::string out;
    while (out.size() < n) {
      char buffer[4096];
      const std::size_t got = server_.read_some(buffer, std::min(sizeof buffer, n - out.size()), std::chrono::seconds(20));
      out.append(buffer, got);
    }
    return out;
  }

  test::ChildProcess server_;
  int next_id_ = 0;
  std::vector<json> notifications_;
};

const std::string uri = "file:///tmp/lsp%20test/autounattend.xml";

// Lines (0-based): 3 ComputerName, not valid in oobeSystem; 4 <Timezone>, in the wrong case; 5-7 OOBE.
const std::string text = test::answer_file("oobeSystem", "<ComputerName>build-01</ComputerName>\n      <Timezone>UTC</Timezone>\n      <OOBE>\n        <HideEULAPage>true</HideEULAPage>\n      </OOBE>");

json position(std::size_t line, std::size_t character) { return {{"line", line}, {"character", character}}; }

json open(Client& client) {
  const json init = client.request("initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}});
  EXPECT_TRUE(init["result"]["capabilities"]["hoverProvider"].get<bool>());
  client.notify("initialized", json::object());
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "xml"}, {"version", 1}, {"text", text}}}});
  return client.diagnostics();
}

// shutdown, then exit: the server ends with status 0.
void shut_down(Client& client) {
  EXPECT_TRUE(client.request("shutdown", nullptr)["result"].is_null());
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), 0);
}

const json* with_code(const json& diagnostics, const std::string& code) {
  for (const json& d : diagnostics["diagnostics"]) {
    if (d["code"] == code) return &d;
  }
  return nullptr;
}

std::vector<std::string> labels(const json& response) {
  std::vector<std::string> out;
  for (const json& item : response["result"]) out.push_back(item["label"]);
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(Lsp, DiagnosticsOnOpenAndChange) {
  Client client;
  const json published = open(client);
  EXPECT_EQ(published["uri"], uri);
  const json* wrong_pass = with_code(published, "UA3003");
  ASSERT_NE(wrong_pass, nullptr) << published.dump(2);
  EXPECT_EQ((*wrong_pass)["range"]["start"]["line"], 3);
  EXPECT_EQ((*wrong_pass)["range"]["start"]["character"], 6);
  EXPECT_EQ((*wrong_pass)["severity"], 1);
  EXPECT_NE((*wrong_pass)["codeDescription"]["href"].get<std::string>().find("UA3003.md"), std::string::npos);
  EXPECT_EQ((*wrong_pass)["source"], "unattend");
  ASSERT_NE(with_code(published, "UA3005"), nullptr);

  // Incremental change: delete the ComputerName line.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges", {{{"range", {{"start", position(3, 0)}, {"end", position(4, 0)}}}, {"text", ""}}}}});
  const json changed = client.diagnostics();
  EXPECT_EQ(with_code(changed, "UA3003"), nullptr) << changed.dump(2);
  const json* wrong_case = with_code(changed, "UA3005");
  ASSERT_NE(wrong_case, nullptr);
  EXPECT_EQ((*wrong_case)["range"]["start"]["line"], 3);

  // Full change.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 3}}}, {"contentChanges", {{{"text", "<unattend"}}}}});
  EXPECT_NE(with_code(client.diagnostics(), "UA1001"), nullptr);

  shut_down(client);
}

// A burst of keystrokes is checked once, after its last change: a request in
// the middle of it is answered without waiting for a check of every change
// (before: 30 publishDiagnostics, each a full check, came ahead of the hover).
TEST(Lsp, ABurstOfChangesIsCheckedOnceAfterItsLastChange) {
  Client client;
  (void)open(client);
  std::string burst;
  const auto frame = [](const json& message) {
    const std::string body = message.dump();
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  for (int version = 2; version <= 31; ++version) {
    // Type "x" 30 times into the time zone: <Timezone>UTCxxx...</Timezone>.
    const std::size_t at = 19 + static_cast<std::size_t>(version - 2);
    burst += frame({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
                    {"params", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                {"contentChanges", {{{"range", {{"start", position(4, at)}, {"end", position(4, at)}}}, {"text", "x"}}}}}}});
  }
  burst += frame({{"jsonrpc", "2.0"}, {"id", 99}, {"method", "textDocument/hover"},
                  {"params", {{"textDocument", {{"uri", uri}}}, {"position", position(4, 8)}}}});
  client.send_raw(burst);  // all at once, as an editor sends while the server is busy
  const json hover = client.response(99);
  EXPECT_TRUE(hover.contains("result")) << hover.dump();
  EXPECT_EQ(client.kept("textDocument/publishDiagnostics"), 0u) << "a check per keystroke came ahead of the hover";
  const json published = client.diagnostics();  // one, after the hover, for the last text
  const json* zone = with_code(published, "UA3005");
  ASSERT_NE(zone, nullptr) << published.dump(2);
  shut_down(client);
}

TEST(Lsp, Completion) {
  Client client;
  open(client);
  const auto at = [&](std::size_t line, std::size_t character) {
    return client.request("textDocument/completion", {{"textDocument", {{"uri", uri}}}, {"position", position(line, character)}});
  };
  // Typing '<' in an empty line of the oobeSystem Shell-Setup component.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges", {{{"range", {{"start", position(3, 0)}, {"end", position(3, 0)}}}, {"text", "      <\n"}}}}});
  client.diagnostics();
  const auto settings = labels(at(3, 7));
  EXPECT_TRUE(has(settings, "TimeZone"));
  EXPECT_TRUE(has(settings, "AutoLogon"));
  EXPECT_FALSE(has(settings, "ComputerName")) << "not valid in oobeSystem";
  // Inside <OOBE> (opened on line 6 after the insert): its children.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 3}}},
                 {"contentChanges", {{{"range", {{"start", position(7, 0)}, {"end", position(7, 0)}}}, {"text", "        <\n"}}}}});
  client.diagnostics();
  EXPECT_TRUE(has(labels(at(7, 9)), "HideOnlineAccountScreens"));
  // A boolean's values (in "true" of <HideEULAPage>, now line 8), then the pass attribute's.
  EXPECT_EQ(labels(at(8, 23)), (std::vector<std::string>{"true", "false"}));
  const std::string line1 = text.substr(text.find('\n') + 1);
  const auto passes = labels(at(1, line1.find("pass=\"") + 6));
  EXPECT_TRUE(has(passes, "specialize"));
  EXPECT_TRUE(has(passes, "windowsPE"));
}

TEST(Lsp, CompletionOfComponentsAndTimeZones) {
  Client client;
  open(client);
  const std::string doc = "<?xml version=\"1.0\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
                          "  <settings pass=\"specialize\">\n    <\n  </settings>\n  <settings pass=\"oobeSystem\">\n"
                          "    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" "
                          "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
                          "      <TimeZone></TimeZone>\n    </component>\n  </settings>\n</unattend>\n";
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {{{"text", doc}}}}});
  client.diagnostics();
  const json components =
      client.request("textDocument/completion", {{"textDocument", {{"uri", uri}}}, {"position", position(3, 5)}});
  bool shell_setup = false;
  for (const json& item : components["result"]) {
    if (item["label"] == "Microsoft-Windows-Shell-Setup") {
      shell_setup = true;
      const std::string insert = item["insertText"];
      for (const char* attribute : {"name=", "processorArchitecture=", "publicKeyToken=", "language=", "versionScope="}) {
        EXPECT_NE(insert.find(attribute), std::string::npos) << insert;
      }
    }
  }
  EXPECT_TRUE(shell_setup);
  const auto zones = labels(
      client.request("textDocument/completion", {{"textDocument", {{"uri", uri}}}, {"position", position(7, 16)}}));
  EXPECT_TRUE(has(zones, "Pacific Standard Time"));
  EXPECT_TRUE(has(zones, "W. Europe Standard Time"));
}

TEST(Lsp, Hover) {
  Client client;
  open(client);
  const json hover =
      client.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position(3, 10)}});
  const std::string value = hover["result"]["contents"]["value"];
  EXPECT_NE(value.find("**ComputerName**"), std::string::npos) << value;
  EXPECT_NE(value.find("At most 15"), std::string::npos) << value;
  EXPECT_NE(value.find("offlineServicing, specialize"), std::string::npos) << value;
  EXPECT_NE(value.find("microsoft-windows-shell-setup-computername"), std::string::npos) << value;
  EXPECT_TRUE(client.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position(0, 0)}})["result"].is_null());
}

TEST(Lsp, CodeActionAppliesTheRepair) {
  Client client;
  open(client);
  const json actions = client.request(
      "textDocument/codeAction",
      {{"textDocument", {{"uri", uri}}}, {"range", {{"start", position(4, 8)}, {"end", position(4, 8)}}}, {"context", {{"diagnostics", json::array()}}}});
  ASSERT_EQ(actions["result"].size(), 1u) << actions.dump(2);
  const json& action = actions["result"][0];
  EXPECT_NE(action["title"].get<std::string>().find("TimeZone"), std::string::npos);
  const json& edits = action["edit"]["changes"][uri];
  ASSERT_EQ(edits.size(), 2u);
  EXPECT_EQ(edits[0]["newText"], "TimeZone");
  EXPECT_EQ(edits[0]["range"]["start"], position(4, 7));
  EXPECT_EQ(edits[0]["range"]["end"], position(4, 15));
}

// A template (docs/templates.md): no diagnostic at a placeholder, the one
// real mistake found at its line, completion as in any file, and no code
// action (its text belongs to the template engine).
TEST(Lsp, TemplatesAreReadAsCheckReadsThem) {
  Client client;
  (void)open(client);
  const std::string template_uri = "file:///tmp/lsp%20test/autounattend.xml.j2";
  const std::string doc = test::answer_file("specialize",
                                            "<ComputerName>{{ computer_name }}</ComputerName>\n"
                                            "      <TimeZone>{{ time_zone }}</TimeZone>\n"
                                            "      {% if owner is defined %}\n"
                                            "      <RegisteredOwnr>{{ owner }}</RegisteredOwnr>\n"
                                            "      {% endif %}");
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", template_uri}, {"languageId", "xml"}, {"version", 1}, {"text", doc}}}});
  json published = client.diagnostics();
  while (published["uri"] != template_uri) published = client.diagnostics();
  std::vector<std::string> codes;
  for (const json& d : published["diagnostics"]) codes.push_back(d["code"].get<std::string>() + "@" + std::to_string(d["range"]["start"]["line"].get<int>()));
  EXPECT_EQ(codes, (std::vector<std::string>{"UA1105@3", "UA3004@6"})) << published.dump(2);
  // Typing '<' on a new line after the block: the settings of the component.
  std::string typed = doc;
  typed.insert(typed.find("{% endif %}") + 11, "\n      <");
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", template_uri}, {"version", 2}}}, {"contentChanges", {{{"text", typed}}}}});
  (void)client.diagnostics();
  const auto settings = labels(client.request(
      "textDocument/completion", {{"textDocument", {{"uri", template_uri}}}, {"position", position(8, 7)}}));
  EXPECT_TRUE(has(settings, "ComputerName")) << ::testing::PrintToString(settings);
  const json actions = client.request(
      "textDocument/codeAction",
      {{"textDocument", {{"uri", template_uri}}}, {"range", {{"start", position(6, 8)}, {"end", position(6, 8)}}}, {"context", {{"diagnostics", json::array()}}}});
  EXPECT_TRUE(actions["result"].empty()) << actions.dump(2);
  shut_down(client);
}

TEST(Lsp, DocumentSymbols) {
  Client client;
  open(client);
  const json symbols = client.request("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
  ASSERT_EQ(symbols["result"].size(), 1u);
  const json& pass = symbols["result"][0];
  EXPECT_EQ(pass["name"], "oobeSystem");
  EXPECT_EQ(pass["children"][0]["name"], "Microsoft-Windows-Shell-Setup");
  const json& settings = pass["children"][0]["children"];
  ASSERT_EQ(settings.size(), 3u);
  EXPECT_EQ(settings[0]["name"], "ComputerName");
  EXPECT_EQ(settings[2]["children"][0]["name"], "HideEULAPage");
}

TEST(Lsp, MalformedMessagesGetErrors) {
  Client client;
  EXPECT_EQ(client.request("textDocument/hover", json::object())["error"]["code"], -32002);
  open(client);
  client.send_raw("Content-Length: 9\r\n\r\n{not json");
  EXPECT_EQ(client.response(nullptr)["error"]["code"], -32700);
  client.send_raw("Content-Type: x\r\n\r\n");
  EXPECT_EQ(client.response(nullptr)["error"]["code"], -32700);
  client.send(json::array({1, 2}));
  EXPECT_EQ(client.response(nullptr)["error"]["code"], -32600);
  EXPECT_EQ(client.request("no/such/method", json::object())["error"]["code"], -32601);
  EXPECT_EQ(client.request("textDocument/hover", {{"textDocument", 5}})["error"]["code"], -32602);
  EXPECT_EQ(client.request("textDocument/hover", {{"textDocument", {{"uri", "file:///unknown.xml"}}}, {"position", position(0, 0)}})["error"]["code"], -32602);
  // Still serving.
  shut_down(client);
}

TEST(Lsp, ExitWithoutShutdownIsAnError) {
  Client client;
  open(client);
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), 1);
}

}  // namespace
}  // namespace unattend

namespace unattend {
namespace {

// Half-typed text: every request at every few characters of every prefix of a
// real file must be answered (a result or a JSON-RPC error), never crash.
TEST(LspServer, HalfTypedTextNeverCrashes) {
  lsp::Server server("file:///rules");
  const auto call = [&](const std::string& method, const json& params) {
    const auto replies = server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", method}, {"params", params}});
    EXPECT_EQ(replies.size(), 1u) << method;
    return replies;
  };
  call("initialize", json::object());
  const std::string full = text;
  for (std::size_t cut = 0; cut <= full.size(); cut += 11) {
    const std::string prefix = full.substr(0, cut) + "<\xC3";  // an unterminated tag and a cut UTF-8 sequence
    server.handle({{"jsonrpc", "2.0"},
                   {"method", "textDocument/didOpen"},
                   {"params", {{"textDocument", {{"uri", uri}, {"languageId", "xml"}, {"version", 1}, {"text", prefix}}}}}});
    for (std::size_t line = 0; line < 12; line += 3) {
      for (std::size_t character = 0; character < 120; character += 13) {
        const json at = {{"textDocument", {{"uri", uri}}}, {"position", position(line, character)}};
        call("textDocument/completion", at);
        call("textDocument/hover", at);
      }
      call("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                       {"range", {{"start", position(line, 0)}, {"end", position(line + 2, 5)}}},
                                       {"context", {{"diagnostics", json::array()}}}});
    }
    call("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
  }
}

// initializationOptions say how the files are used, as check --usage does:
// the oobeSystem-only test text is a fragment until the editor says
// sysprep, and then OOBE's pages are assessed (UA10002 on the privacy page).
TEST(LspServer, InitializationOptionsSetTheUsageAndTarget) {
  const auto diagnostics_with = [](const json& options) {
    lsp::Server server("file:///rules");
    const auto init = server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
                                     {"params", {{"initializationOptions", options}}}});
    EXPECT_EQ(init.size(), 1u);
    if (!init.empty() && init.front().contains("error")) return init.front();
    const auto published = server.handle(
        {{"jsonrpc", "2.0"},
         {"method", "textDocument/didOpen"},
         {"params", {{"textDocument", {{"uri", uri}, {"languageId", "xml"}, {"version", 1}, {"text", text}}}}}});
    return published.empty() ? json() : published.front()["params"];
  };
  const auto pages = [](const json& published) {
    std::vector<std::string> out;
    for (const json& d : published["diagnostics"]) {
      const std::string message = d["message"];
      const std::size_t at = message.find("page");
      if (d["code"] == "UA10002" && at != std::string::npos) out.push_back(message.substr(0, at));
    }
    return out;
  };
  EXPECT_TRUE(pages(diagnostics_with(json::object())).empty());
  const auto sysprep = pages(diagnostics_with({{"usage", "sysprep"}}));
  EXPECT_TRUE(std::any_of(sysprep.begin(), sysprep.end(), [](const std::string& m) { return m.find("'privacy'") != std::string::npos; }))
      << ::testing::PrintToString(sysprep);
  // Windows Server has no privacy page (behaviour table, docs/explain.md).
  const auto server = pages(diagnostics_with({{"usage", "sysprep"}, {"target", "server-2022"}}));
  EXPECT_TRUE(std::none_of(server.begin(), server.end(), [](const std::string& m) { return m.find("'privacy'") != std::string::npos; }))
      << ::testing::PrintToString(server);
  const json refused = diagnostics_with({{"target", "windows-12"}});
  ASSERT_TRUE(refused.contains("error")) << refused.dump();
  EXPECT_NE(refused["error"]["message"].get<std::string>().find("windows-11"), std::string::npos);
}

// On an empty line between elements, completion offers what the enclosing
// element may hold, with its tags: a snippet with the cursor between them
// for a client that takes snippets, the same text plain for one that does
// not (LSP's default). Line 4 of the test text is an empty line added in the
// oobeSystem Shell-Setup component.
TEST(LspServer, CompletionOnAnEmptyLineInsertsTheTags) {
  const auto items_with = [](const json& capabilities) {
    lsp::Server server("file:///rules");
    server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", capabilities}}}});
    std::string doc = text;
    const std::size_t line4 = [&] {
      std::size_t at = 0;
      for (int n = 0; n < 4; ++n) at = doc.find('\n', at) + 1;
      return at;
    }();
    doc.insert(line4, "    \n");
    server.handle({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
                   {"params", {{"textDocument", {{"uri", uri}, {"languageId", "xml"}, {"version", 1}, {"text", doc}}}}}});
    const auto replies = server.handle({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "textDocument/completion"},
                                        {"params", {{"textDocument", {{"uri", uri}}}, {"position", position(4, 2)}}}});
    std::map<std::string, json> by_label;
    for (const json& item : replies.front()["result"]) by_label[item["label"]] = item;
    return by_label;
  };
  const auto plain = items_with(json::object());
  ASSERT_EQ(plain.count("TimeZone"), 1u);
  EXPECT_EQ(plain.count("ComputerName"), 0u) << "not valid in oobeSystem";
  EXPECT_EQ(plain.at("TimeZone")["insertText"], "<TimeZone></TimeZone>");
  EXPECT_EQ(plain.at("TimeZone")["insertTextFormat"], 1);
  const auto snippets = items_with({{"textDocument", {{"completion", {{"completionItem", {{"snippetSupport", true}}}}}}}});
  ASSERT_EQ(snippets.count("TimeZone"), 1u);
  EXPECT_EQ(snippets.at("TimeZone")["insertText"], "<TimeZone>$0</TimeZone>");
  EXPECT_EQ(snippets.at("TimeZone")["insertTextFormat"], 2);
}

// Diagnostics carry the command line's hints, as `unattend check` prints them.
TEST(LspServer, DiagnosticsCarryTheCommandLinesHints) {
  lsp::Server server("file:///rules");
  server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}});
  const std::string doc = test::answer_file(
      "oobeSystem", "<UserAccounts><AdministratorPassword><Value>pw</Value><PlainText>true</PlainText></AdministratorPassword></UserAccounts>");
  const auto out = server.handle({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
                                  {"params", {{"textDocument", {{"uri", uri}, {"languageId", "xml"}, {"version", 1}, {"text", doc}}}}}});
  ASSERT_EQ(out.size(), 1u);
  const json* plaintext = with_code(out.front()["params"], "UA6001");
  ASSERT_NE(plaintext, nullptr) << out.front().dump();
  EXPECT_NE((*plaintext)["message"].get<std::string>().find("unattend fmt --encode-passwords"), std::string::npos)
      << (*plaintext)["message"];
}

// The nearest .unattend.yaml applies as it does for `unattend check`: its
// disabled rules are not reported nor offered as quick fixes, the files it
// excludes get no diagnostics, and a config that cannot be read is said once
// (window/showMessage) while the file is checked without it.
// initializationOptions.config: false reads none.
class LspConfig : public test::TempDir {
 protected:
  // What the server publishes for `name` (under dir) opened with `options`,
  // and the messages it shows.
  std::pair<json, std::vector<std::string>> open_file(const std::string& name, const json& options = json::object()) {
    lsp::Server server("file:///rules");
    server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"initializationOptions", options}}}});
    const std::string file_uri = "file://" + (dir / name).string();
    const auto out = server.handle({{"jsonrpc", "2.0"},
                                    {"method", "textDocument/didOpen"},
                                    {"params", {{"textDocument", {{"uri", file_uri}, {"languageId", "xml"}, {"version", 1}, {"text", text}}}}}});
    json published;
    std::vector<std::string> shown;
    for (const json& m : out) {
      if (m["method"] == "textDocument/publishDiagnostics") published = m["params"];
      if (m["method"] == "window/showMessage") shown.push_back(m["params"]["message"]);
    }
    const auto actions = server.handle({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "textDocument/codeAction"},
                                        {"params", {{"textDocument", {{"uri", file_uri}}},
                                                    {"range", {{"start", position(0, 0)}, {"end", position(20, 0)}}},
                                                    {"context", {{"diagnostics", json::array()}}}}}});
    for (const json& a : actions.front()["result"]) fixes.push_back(a["title"]);
    return {published, shown};
  }
  void write(const std::string& name, const std::string& content) {
    std::filesystem::create_directories((dir / name).parent_path());
    std::ofstream(dir / name) << content;
  }
  std::vector<std::string> fixes;  // the quick fixes offered, over every open_file
};

TEST_F(LspConfig, TheNearestConfigDisablesRulesAndExcludesFiles) {
  auto [before, none_shown] = open_file("a/autounattend.xml");
  ASSERT_NE(with_code(before, "UA3005"), nullptr) << before.dump();
  EXPECT_TRUE(none_shown.empty());
  ASSERT_FALSE(fixes.empty());
  fixes.clear();

  write(".unattend.yaml", "disable: [wrong-case]\nexclude: [vendor]\n");
  const auto [disabled, shown] = open_file("a/autounattend.xml");
  EXPECT_EQ(with_code(disabled, "UA3005"), nullptr) << disabled.dump();
  EXPECT_NE(with_code(disabled, "UA3003"), nullptr) << disabled.dump();  // others still reported
  EXPECT_TRUE(std::none_of(fixes.begin(), fixes.end(), [](const std::string& t) { return t.find("UA3005") != std::string::npos; }))
      << ::testing::PrintToString(fixes);
  EXPECT_TRUE(shown.empty()) << ::testing::PrintToString(shown);

  const auto excluded = open_file("vendor/autounattend.xml").first;
  EXPECT_TRUE(excluded["diagnostics"].is_array() && excluded["diagnostics"].empty()) << excluded.dump();

  const auto ignored = open_file("a/autounattend.xml", {{"config", false}}).first;
  EXPECT_NE(with_code(ignored, "UA3005"), nullptr) << ignored.dump();
}

TEST_F(LspConfig, AConfigThatCannotBeReadIsShownAndTheFileStillChecked) {
  write(".unattend.yaml", "disabled: [wrong-case]\n");
  const auto [published, shown] = open_file("autounattend.xml");
  EXPECT_NE(with_code(published, "UA3005"), nullptr) << published.dump();
  ASSERT_EQ(shown.size(), 1u) << ::testing::PrintToString(shown);
  EXPECT_NE(shown.front().find(".unattend.yaml:1:1: unknown key 'disabled'"), std::string::npos) << shown.front();
}

TEST_F(LspConfig, InitializationOptionsNameAConfig) {
  write("elsewhere.yaml", "disable: [UA3005]\n");
  const auto published = open_file("autounattend.xml", {{"config", (dir / "elsewhere.yaml").string()}}).first;
  EXPECT_EQ(with_code(published, "UA3005"), nullptr) << published.dump();
  EXPECT_NE(with_code(published, "UA3003"), nullptr) << published.dump();
  lsp::Server server("file:///rules");
  const auto refused = server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
                                      {"params", {{"initializationOptions", {{"config", (dir / "missing.yaml").string()}}}}}});
  ASSERT_TRUE(refused.front().contains("error")) << refused.front().dump();
  EXPECT_EQ(refused.front()["error"]["code"], -32602);
}

}  // namespace
}  // namespace unattend
