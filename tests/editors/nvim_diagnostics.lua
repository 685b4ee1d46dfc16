-- Neovim's own LSP client against `unattend lsp`: open an answer file,
-- wait for the diagnostics the server publishes, write them to a file as
-- "line<TAB>code<TAB>severity<TAB>message" (lines 1-based); then add an empty
-- line after line 6 (inside a component), ask for completion there and add
-- "completion<TAB>label<TAB>text inserted" for each item; then quit.
-- Written for Neovim 0.7 (Debian 12), which has start_client but not vim.lsp.start.
local cli = os.getenv("UNATTEND_CLI")
local file = os.getenv("ANSWER_FILE")
local out = os.getenv("DIAGNOSTICS_OUT")

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = "unattend",
  cmd = { cli, "lsp", "--stdio" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
  flags = { debounce_text_changes = 0 },
})
if not client then
  vim.cmd("cquit 3")
end
vim.lsp.buf_attach_client(buffer, client)

local arrived = vim.wait(20000, function()
  return #vim.diagnostic.get(buffer) > 0
end, 50)

local lines = {}
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  table.insert(lines, string.format("%d\t%s\t%d\t%s", d.lnum + 1, tostring(d.code or ""), d.severity, d.message))
end

-- Completion on an empty line: Neovim 0.7 takes no snippets, so plain text.
vim.api.nvim_buf_set_lines(buffer, 6, 6, false, { "      " })
local replies = vim.lsp.buf_request_sync(buffer, "textDocument/completion", {
  textDocument = vim.lsp.util.make_text_document_params(buffer),
  position = { line = 6, character = 6 },
}, 10000)
for _, reply in pairs(replies or {}) do
  local items = reply.result or {}
  if items.items then items = items.items end
  for _, item in ipairs(items) do
    table.insert(lines, string.format("completion\t%s\t%s", item.label, item.insertText or ""))
  end
end
vim.fn.writefile(lines, out)
vim.lsp.stop_client(client)
vim.cmd(arrived and "qall!" or "cquit 4")
