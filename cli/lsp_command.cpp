#include <iostream>

#include <unattend/input.hpp>

#include "command.hpp"
#include "lsp/server.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

void describe(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      ("stdio", po::bool_switch(), "talk over standard input and output (the default and only transport)")
      ("rule-pages", po::value<std::string>()->default_value(UNATTEND_RULE_PAGES),
       "where the rule pages CODE.md are, as a URI prefix, for the links in diagnostics");
}

int run(const po::variables_map& vm) {
  std::ios::sync_with_stdio(false);
  // Whether the editor has sent more than std::cin has read: a poll of
  // standard input that does not wait.
  // std::cin's own buffer, not stdio's, so that in_avail() sees what it has read ahead.
  std::ios::sync_with_stdio(false);
  return lsp::serve(std::cin, std::cout, vm["rule-pages"].as<std::string>(), standard_input_waiting);
}

}  // namespace

extern const Command lsp_command = {
    "lsp", "Run the language server for answer files (Language Server Protocol over stdio; docs/editors.md)",
    "unattend lsp [--stdio]", describe, run};

}  // namespace unattend::cli
