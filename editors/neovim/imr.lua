-- IMR letters in Neovim's built-in LSP client (Neovim 0.7 and later).
-- Put this file in your config (e.g. ~/.config/nvim/lua/imr.lua) and add `require('imr')` to init.lua.
-- The server comes with the package: `npm install -g <path to the project>` puts imr-language-server
-- on your PATH; or set vim.g.imr_language_server_cmd = { 'node', '/path/to/dist/server.js', '--stdio' }.
-- (An autocommand rather than vim.filetype.add, which Neovim 0.7 applies only with do_filetype_lua.)
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { pattern = { '*.imr', '*.imr.txt' }, command = 'setfiletype imr' })

-- One server for every letter opened (vim.lsp.start does this in 0.8+; start_client works from 0.7).
local client_id

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'imr',
  callback = function(args)
    local running = client_id and vim.lsp.get_client_by_id(client_id)
    client_id = running and client_id or vim.lsp.start_client({
      name = 'imr-language-server',
      cmd = vim.g.imr_language_server_cmd or { 'imr-language-server', '--stdio' },
      root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
      settings = { imrLetter = { rules = {} } },
    })
    if client_id then vim.lsp.buf_attach_client(args.buf, client_id) end
  end,
})
