// A mutation fuzzer for everything that reads untrusted answer files: the
// checker, the loader, the canonical writer, the repairs of `unattend fix`,
// `explain` and the language server (an open document, its outline, and
// completion and hover at a random place). It flips, inserts, deletes and
// duplicates bytes of seed files (deterministically, from a seed number) and
// requires each run to end in diagnostics or an unattend::Error, never in a
// crash, a hang or another exception. Built with the sanitizers it also
// catches memory errors.
//
//   unattend_fuzz SEED_DIR[,SEED_DIR...] ITERATIONS [SEED]

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <unattend/answer_file.hpp>
#include <unattend/check.hpp>
#include <unattend/explain.hpp>
#include <unattend/fix.hpp>

#include "lsp/server.hpp"

namespace fs = std::filesystem;

namespace {

std::string mutate(std::string bytes, std::mt19937& random) {
  static const std::vector<std::string> tokens = {
      "<", ">", "&", "&#x0;", "&#xD800;", "]]>", "<!--", "-->", "<![CDATA[", "<!DOCTYPE x [<!ENTITY a 'b'>]>",
      "xmlns=\"\"", "xmlns:wcm=\"urn:x\"", "wcm:action=\"add\"", "pass=\"\"", "<component>", "</settings>",
      "<Order>0</Order>", "\xEF\xBB\xBF", "\xFF\xFE", "\xC3", "\x00", "\r\n", "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
      "<unattend-disable UA1001>", "<!-- unattend-disable UA3004 -->", "xml:space=\"preserve\"", "xsi:type=\"x\""};
  const int edits = 1 + static_cast<int>(random() % 4);
  for (int e = 0; e < edits && !bytes.empty(); ++e) {
    const std::size_t at = random() % bytes.size();
    switch (random() % 5) {
      case 0: bytes[at] = static_cast<char>(random() % 256); break;
      case 1: bytes.erase(at, 1 + random() % 16); break;
      case 2: bytes.insert(at, tokens[random() % tokens.size()]); break;
      case 3: bytes.insert(at, bytes.substr(at, std::min<std::size_t>(64, bytes.size() - at))); break;
      default: bytes.resize(at); break;
    }
  }
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: unattend_fuzz SEED_DIR ITERATIONS [SEED]\n");
    return 2;
  }
  std::vector<std::string> seeds;
  const std::string dirs = argv[1];
  for (std::size_t start = 0; start <= dirs.size();) {
    const std::size_t comma = std::min(dirs.find(',', start), dirs.size());
    for (const auto& entry : fs::recursive_directory_iterator(dirs.substr(start, comma - start))) {
      if (entry.path().extension() != ".xml") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      seeds.push_back(text.str());
    }
    start = comma + 1;
  }
  std::sort(seeds.begin(), seeds.end());
  if (seeds.empty()) {
    std::fprintf(stderr, "no seed files in %s\n", argv[1]);
    return 2;
  }
  const long iterations = std::stol(argv[2]);
  std::mt19937 random(argc > 3 ? static_cast<unsigned>(std::stoul(argv[3])) : 1u);
  const unattend::Checker checker;
  long loaded = 0;
  long repaired = 0;
  for (long i = 0; i < iterations; ++i) {
    const std::string input = mutate(seeds[random() % seeds.size()], random);
    try {
      (void)checker.check(input, "fuzz.xml");
      unattend::LoadResult result = unattend::AnswerFile::load(input, "fuzz.xml");
      if (result.file) {
        ++loaded;
        const std::string saved = result.file->to_xml();
        unattend::LoadResult again = unattend::AnswerFile::load(saved, "saved.xml");
        if (!again.file || again.file->to_xml() != saved) {
          std::fprintf(stderr, "iteration %ld: the canonical form does not load back identically\n", i);
          std::ofstream("fuzz-failure.xml", std::ios::binary) << input;
          return 1;
        }
      }
      // explain and the language server: every eighth input.
      if (i % 8 == 1) {
        (void)unattend::explain(input, "fuzz.xml");
        unattend::lsp::Server server("file:///rules");
        const std::string uri = "file:///fuzz/autounattend.xml";
        const auto position = [&] {
          return nlohmann::json{{"line", random() % 40}, {"character", random() % 200}};
        };
        (void)server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", nlohmann::json::object()}}}});
        (void)server.handle({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
                             {"params", {{"textDocument", {{"uri", uri}, {"languageId", "xml"}, {"version", 1}, {"text", input}}}}}});
        const nlohmann::json document = {{"uri", uri}};
        (void)server.handle({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "textDocument/documentSymbol"}, {"params", {{"textDocument", document}}}});
        for (const char* method : {"textDocument/completion", "textDocument/hover"}) {
          const auto replies = server.handle({{"jsonrpc", "2.0"}, {"id", 3}, {"method", method},
                                              {"params", {{"textDocument", document}, {"position", position()}}}});
          for (const auto& reply : replies) {
            if (reply.contains("error") && reply["error"]["code"] == -32603) {
              std::fprintf(stderr, "iteration %ld: %s: internal error %s\n", i, method, reply["error"].dump().c_str());
              std::ofstream("fuzz-failure.xml", std::ios::binary) << input;
              return 1;
            }
          }
        }
      }
      // Repairs are slower (a check per repair): every fourth input. A second run must change nothing.
      if (i % 4 == 0) {
        const unattend::FixResult fixed = unattend::fix(input, "fuzz.xml");
        if (!fixed.applied.empty()) {
          ++repaired;
          if (unattend::fix(fixed.bytes, "fuzz.xml").bytes != fixed.bytes) {
            std::fprintf(stderr, "iteration %ld: a second fix changed the repaired file\n", i);
            std::ofstream("fuzz-failure.xml", std::ios::binary) << input;
            return 1;
          }
        }
      }
    } catch (const unattend::Error&) {
      // A documented outcome (a character XML cannot carry, say).
    } catch (const std::exception& e) {
      std::fprintf(stderr, "iteration %ld: unexpected exception: %s\n", i, e.what());
      std::ofstream("fuzz-failure.xml", std::ios::binary) << input;
      return 1;
    }
  }
  std::printf("%ld inputs, %ld loaded and round-tripped, %ld repaired\n", iterations, loaded, repaired);
  return 0;
}
