-- Neovim's own LSP client against `unattend lsp`: open an answer file,
-- wait for the diagnostics the server publishes, write them to a file as
-- "line<TAB>code<TAB>severity<TAB>message" (lines 1-based), then quit.
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
vim.fn.writefile(lines, out)
vim.lsp.stop_client(client)
vim.cmd(arrived and "qall!" or "cquit 4")
