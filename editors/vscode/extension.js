// Starts `unattend lsp` for the answer files of the workspace and connects
// VS Code's language client to it. Everything else (diagnostics, completion,
// hover, quick fixes, outline) is the server's: docs/editors.md.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('unattend');
  const command = settings.get('path') || 'unattend';
  const pattern = settings.get('filePattern') || '**/*[uU]nattend*.xml';
  // Only the values the user set: what is absent is decided from each file.
  const initializationOptions = {};
  for (const key of ['usage', 'target', 'arch']) {
    const value = settings.get(key);
    if (value) initializationOptions[key] = value;
  }
  client = new LanguageClient(
    'unattend',
    'unattend',
    { run: { command, args: ['lsp'] }, debug: { command, args: ['lsp'] } },
    {
      documentSelector: [{ scheme: 'file', language: 'xml', pattern }],
      initializationOptions,
    });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('unattend')) {
        vscode.window.showInformationMessage('unattend: reload the window for the new settings to apply.');
      }
    }));
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
