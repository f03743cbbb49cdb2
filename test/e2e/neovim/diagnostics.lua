-- Neovim's built-in LSP client against party-report's server, headless:
--   nvim --headless --clean -R -u NONE -c 'luafile diagnostics.lua'
-- with PARTY_REPORT_FILE (the report to open), PARTY_REPORT_SERVER (dist/server.js),
-- PARTY_REPORT_NODE (node) and PARTY_REPORT_OUT (where to write the JSON) in the
-- environment. Opens the file as Markdown, starts the server as an editor's config would
-- (vim.lsp.start where there is one, 0.8+; start_client + buf_attach_client on 0.7),
-- waits for the server's publishDiagnostics for it (a deadline, polled by vim.wait) and
-- writes vim.diagnostic.get() and what the client negotiated.
local file = assert(os.getenv('PARTY_REPORT_FILE'))
local server = assert(os.getenv('PARTY_REPORT_SERVER'))
local node = os.getenv('PARTY_REPORT_NODE') or 'node'
local out = assert(os.getenv('PARTY_REPORT_OUT'))

local function finish(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'markdown'
  local bufnr = vim.api.nvim_get_current_buf()

  local published = false
  local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
    default_handler(e, result, ctx, config)
    if result and vim.uri_to_bufnr(result.uri) == bufnr then published = true end
  end

  local config = {
    name = 'party-report',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end

  local arrived = vim.wait(30000, function() return published end, 20)
  local client = vim.lsp.get_client_by_id(client_id)
  local result = {
    published = arrived,
    nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch),
    offset_encoding = client and client.offset_encoding or vim.NIL,
    server_name = client and client.server_capabilities and client.name or vim.NIL,
    diagnostics = vim.diagnostic.get(bufnr),
  }
  if client then client.stop() end
  finish(result)
end)
if not ok then finish({ error = tostring(err) }) end
