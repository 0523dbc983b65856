import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { PrecedentEntry, PrecedentFilter, PrecedentsAnswer } from '../../server/src/protocol';
import { request } from './request';

type Group = PrecedentsAnswer['groups'][number];
type Node = { group: Group } | { entry: PrecedentEntry };

const FILTERS = [
  { key: 'category', label: 'Category' },
  { key: 'region', label: 'Body region' },
  { key: 'guideline', label: 'Guideline cited' },
  { key: 'year', label: 'Year decided' },
] as const;

/**
 * The Precedents view (Explorer): the item at the cursor's similar items in the workspace, grouped
 * by decision; a click opens the letter at its item. It follows the cursor in a letter, and the
 * lens above an item (imrLetter.showPrecedents) points it there.
 */
export function precedentsView(client: BaseLanguageClient): vscode.Disposable {
  let target: { uri: string; position: { line: number; character: number } } | undefined;
  let filter: PrecedentFilter = {};
  let answer: PrecedentsAnswer | null = null;
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: changed.event,
    getChildren: (node) => {
      if (!node) return answer?.groups.map((group) => ({ group })) ?? [];
      return 'group' in node ? node.group.entries.map((entry) => ({ entry })) : [];
    },
    getTreeItem: (node) => {
      if ('group' in node) {
        const { decision, total, entries } = node.group;
        const item = new vscode.TreeItem(`${decision} (${total})`, vscode.TreeItemCollapsibleState.Expanded);
        if (entries.length < total) item.description = `the closest ${entries.length} shown`;
        return item;
      }
      const e = node.entry;
      // The letter first: similar items often share a name, their letters do not.
      const item = new vscode.TreeItem(e.file, vscode.TreeItemCollapsibleState.None);
      item.description = [e.item, e.decisionDate].filter(Boolean).join(' · ');
      item.tooltip = [e.item, `${e.decision} ${e.decisionDate}`, ...e.maximusGuidelines].join('\n');
      item.resourceUri = vscode.Uri.parse(e.uri);
      item.command = {
        title: 'Open the letter at the item',
        command: 'vscode.open',
        arguments: [vscode.Uri.parse(e.uri), { selection: new vscode.Range(e.line, 0, e.line, 0) }],
      };
      return item;
    },
  };
  const view = vscode.window.createTreeView('imrLetter.precedents', { treeDataProvider: provider });

  const refresh = async () => {
    if (!target) {
      view.message = 'Put the cursor on a disputed item of a letter.';
      return;
    }
    answer = await request(client, 'imr/precedents', { ...target, filter }).catch(() => null);
    const filters = FILTERS.filter((f) => filter[f.key]).map((f) => `${f.label.toLowerCase()} ${filter[f.key]}`);
    view.description = answer ? answer.similarTo : undefined;
    view.message = !answer
      ? 'Put the cursor on a disputed item of a letter.'
      : [
          `Similar to ${answer.item}`,
          filters.length > 0 ? `filtered by ${filters.join(', ')}` : '',
          answer.groups.length === 0 ? 'none in this workspace' : '',
          answer.complete ? '' : `indexing: ${answer.indexed} letters so far`,
        ]
          .filter(Boolean)
          .join(' · ');
    changed.fire();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = (editor: vscode.TextEditor | undefined) => {
    if (!editor || editor.document.languageId !== 'imr-letter') return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const p = editor.selection.active;
      target = { uri: editor.document.uri.toString(), position: { line: p.line, character: p.character } };
      if (view.visible) void refresh();
    }, 300);
  };
  follow(vscode.window.activeTextEditor);

  return vscode.Disposable.from(
    view,
    changed,
    view.onDidChangeVisibility((e) => e.visible && void refresh()),
    vscode.window.onDidChangeTextEditorSelection((e) => follow(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(follow),
    vscode.commands.registerCommand('imrLetter.showPrecedents', async (uri?: unknown, line?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      if (typeof uri === 'string' && typeof line === 'number') target = { uri, position: { line, character: 0 } };
      else if (editor?.document.languageId === 'imr-letter')
        target = { uri: editor.document.uri.toString(), position: editor.selection.active };
      await vscode.commands.executeCommand('imrLetter.precedents.focus');
      await refresh();
    }),
    vscode.commands.registerCommand('imrLetter.filterPrecedents', async () => {
      if (!answer)
        return void vscode.window.showInformationMessage('Put the cursor on a disputed item of a letter first.');
      const picked = await pickFilter(answer, filter);
      if (!picked) return;
      filter = picked;
      await refresh();
    }),
    { dispose: () => clearTimeout(timer) },
  );
}

/** The filter with one of its values chosen in two quick picks (what to filter by, then the value), or cleared. */
async function pickFilter(answer: PrecedentsAnswer, filter: PrecedentFilter): Promise<PrecedentFilter | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      ...FILTERS.map((f) => ({ ...f, description: filter[f.key] ?? `any (${answer.choices[f.key].length})` })),
      { key: 'clear' as const, label: 'Clear the filters', description: '' },
    ],
    { title: 'Filter precedents by' },
  );
  if (!picked) return undefined;
  if (picked.key === 'clear') return {};
  const value = await vscode.window.showQuickPick(['(any)', ...answer.choices[picked.key]], {
    title: `Precedents: ${picked.label}`,
  });
  if (value === undefined) return undefined;
  return { ...filter, [picked.key]: value === '(any)' ? undefined : value };
}
