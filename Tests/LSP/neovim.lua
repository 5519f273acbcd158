-- Neovim's own LSP client (0.7 or newer) runs `taplint lsp` on a copy of the
-- seed: it waits for the diagnostics, asks for the code actions at the first
-- hard-coded partition (ARN001), applies the preferred quick fix, and writes
-- the buffer. test_server.py checks the file it wrote. Run headless:
--   TAPLINT=... TEMPLATE=... nvim --headless --clean -c "luafile Tests/LSP/neovim.lua"
local taplint, file = os.getenv("TAPLINT"), os.getenv("TEMPLATE")
vim.cmd("edit " .. file)
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = "taplint", cmd = { taplint, "lsp" }, root_dir = vim.fn.fnamemodify(file, ":h") })
vim.lsp.buf_attach_client(buf, id)

local function code(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
local function fail(message) io.stderr:write(message .. "\n"); vim.cmd("cquit 1") end

if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then fail("no diagnostics arrived") end
local target
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if code(d) == "ARN001" and (target == nil or d.lnum < target.lnum) then target = d end
end
if target == nil then fail("no ARN001 among the diagnostics") end

local client = vim.lsp.get_client_by_id(id)
local position = { line = target.lnum, character = target.col }
local response = client.request_sync("textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = position, ["end"] = position },
  context = { diagnostics = {} },
}, 10000, buf)
if response == nil or response.err then fail("the code action request failed") end
local chosen
for _, action in ipairs(response.result or {}) do
  if action.isPreferred and action.kind == "quickfix" then chosen = action break end
end
if chosen == nil then fail("no preferred quick fix offered") end
vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
vim.cmd("write")
print(string.format("fixed ARN001 on line %d", target.lnum + 1))
vim.cmd("qall!")
