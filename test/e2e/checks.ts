/**
 * The end-to-end checks: what only a real editor shows. Each check opens what it needs, waits on
 * the workbench's own signals, throws with what it saw when something is wrong, and returns a
 * one-line summary of what it verified.
 *
 * The expectations come from the command-line linter over the same files (`dist/cli.js`, the same
 * letter service the server runs): the suite checks that VS Code shows what the service computes,
 * through the real protocol, client and workbench, not what the service computes (the unit, rule
 * and LSP tests do that).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { linkBases } from '../../scripts/package';
import { codeLenses } from '../../server/src/features/code-lens';
import { isSimilar } from '../../server/src/precedents/similar';
import { tallyDecisions } from '../../server/src/precedents/tally';
import { itemRows } from '../../server/src/reports/item-table';
import { letterSummary } from '../../server/src/features/letter-summary';
import { parseLetter } from '../../server/src/letter/parse';
import { squash } from './util';
import type { Frame } from 'playwright-core';
import type { Workbench } from './workbench';

export interface Context {
  wb: Workbench;
  /** The workspace folder: copies of samples/ plus the extra letters made for the checks. */
  ws: string;
  /** Where the screenshots go (the last run's folder; `npm run screenshots` copies README_PICTURES to docs/images). */
  images: string;
  /** Runs `node dist/cli.js ARGS` and returns its standard output (whatever its exit code). */
  cli(args: string[]): string;
}

export interface Check {
  name: string;
  run(ctx: Context): Promise<string>;
}

const MODE = 'IMR Letter';
const OUTLINE_LETTER = 'two-column-header.imr';
const PROBLEM_LETTER = 'with-problems.imr';

/** Letters the workspace gets besides samples/: a copy with a .txt name, and one with no extension. */
export const EXTRA_LETTERS = { 'letter.txt': OUTLINE_LETTER, letter: OUTLINE_LETTER };

interface Finding {
  rule: string;
  severity: string;
  line: number;
  column: number;
  message: string;
}
interface Citation {
  text: string;
  kind: string;
  guideline?: string;
  guidelineName?: string;
}
interface LetterJson {
  items: { name: string; decision: string; citations: Citation[] }[];
  findings: Finding[];
}
interface OutlineNode {
  name: string;
  detail: string;
  line: number;
  children: OutlineNode[];
}

/** An item's outline name: "Upheld · X-rays lumbar spine". */
const DECIDED = /^(Upheld|Overturned) · /;

const letterJson = (ctx: Context, file: string): LetterJson =>
  (JSON.parse(ctx.cli(['--format', 'json', join(ctx.ws, file)])) as LetterJson[])[0];
const lines = (ctx: Context, file: string) => readFileSync(join(ctx.ws, file), 'utf8').split(/\r\n|\r|\n/);

/** `imr-lint --outline`: "  name  — detail  (line N)", two spaces a level. */
export function outline(ctx: Context, file: string): OutlineNode[] {
  const root: OutlineNode = { name: '', detail: '', line: 0, children: [] };
  const stack: [number, OutlineNode][] = [[0, root]];
  for (const text of ctx.cli(['--outline', join(ctx.ws, file)]).split('\n')) {
    const m = /^( +)(.*?)(?: {2}— (.*?))? {2}\(line (\d+)\)$/.exec(text);
    if (!m) continue;
    const node = { name: m[2], detail: m[3] ?? '', line: Number(m[4]), children: [] };
    while (stack[stack.length - 1][0] >= m[1].length) stack.pop();
    stack[stack.length - 1][1].children.push(node);
    stack.push([m[1].length, node]);
  }
  return root.children;
}

export const show = (rows: { name: string; detail: string }[]) =>
  rows.map((r) => (r.detail ? `${r.name} — ${r.detail}` : r.name)).join(' | ');

/** Waits until the Outline's top level is the sections `imr-lint --outline` gives (one row each); its rows then. */
export async function outlineSections(wb: Workbench, expected: OutlineNode[]) {
  // The tree may have unfolded the section holding the cursor: only the top level is compared.
  let rows = await wb.outlineRows();
  await wb.until(
    'the Outline to list the sections',
    async () => {
      rows = await wb.outlineRows();
      return show(rows.filter((r) => r.level === 1)) === show(expected);
    },
    () => show(rows.filter((r) => r.level === 1)),
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------

const languageByName: Check = {
  name: 'language mode by file name (.imr, .imr.txt)',
  async run({ wb }) {
    const seen: string[] = [];
    for (const file of [OUTLINE_LETTER, 'double-spaced-no-header.imr.txt']) {
      await wb.openFile(file);
      await wb
        .waitForStatus('status.editor.mode', (t) => t === MODE)
        .catch((e: Error) => {
          throw new Error(`${file}: ${e.message}`);
        });
      seen.push(`${file}: ${MODE}`);
    }
    return seen.join(', ');
  },
};

/** A letter named so that only its first line says what it is. */
const languageByFirstLine = (file: keyof typeof EXTRA_LETTERS, what: string): Check => ({
  name: `language mode by first line: ${what} (${file})`,
  async run(ctx) {
    const { wb } = ctx;
    await wb.openFile(file);
    // The language is settled when the editor opens; 10 s is ample for a late switch.
    const mode = await wb
      .waitForStatus('status.editor.mode', (t) => t === MODE, 10_000)
      .catch(() => wb.status('status.editor.mode'));
    const first = squash(lines(ctx, file)[0]);
    if (mode !== MODE)
      throw new Error(`${file} opened as "${mode}", not "${MODE}", though its first line is "${first}"`);
    return `${file}: ${mode} (first line "${first}")`;
  },
});

const outlineView: Check = {
  name: 'Outline: sections and items, each named by its decision first, at the default side bar width',
  async run(ctx) {
    const { wb } = ctx;
    const expected = outline(ctx, OUTLINE_LETTER);
    const issues = expected.find((s) => s.children.some((c) => DECIDED.test(c.name)));
    if (expected.length < 3 || !issues)
      throw new Error(`imr-lint --outline gave no sections with items: ${show(expected)}`);
    const items = issues.children.filter((c) => DECIDED.test(c.name));
    await wb.openFile(OUTLINE_LETTER);
    // Room for the Outline: the file tree folded away (the side bar keeps its default width).
    const folder = wb.page
      .locator('.explorer-viewlet .pane-header[aria-expanded="true"]', { hasText: /^samples/i })
      .first();
    if (await folder.count()) await folder.click();
    await wb.command('Explorer: Focus on Outline View');

    let rows = await outlineSections(wb, expected);

    // The issues section unfolded: one row per item, its decision first; by default
    // (imrLetter.outline.depth "items") an item has no rows under it.
    await wb.expandOutline(issues.name);
    const under = (parent: string) => {
      const at = rows.findIndex((r) => r.level === 1 && r.name === parent);
      const end = rows.findIndex((r, i) => i > at && r.level === 1);
      return rows.slice(at + 1, end < 0 ? undefined : end);
    };
    await wb.until(
      'the Outline to list the items, decision first, and nothing under them',
      async () => {
        rows = await wb.outlineRows();
        return show(under(issues.name)) === show(items.map(({ name }) => ({ name, detail: '' })));
      },
      () => show(under(issues.name)),
    );
    // The decision shows in full on every row, however long the treatment's name.
    const pane = await wb.box('.outline-pane');
    let clipped = 0;
    for (const label of await wb.page
      .locator('.outline-pane .monaco-list-row .label-name')
      .filter({ hasText: DECIDED })
      .all()) {
      const box = await label.boundingBox();
      if (box && box.x + 90 > pane.x + pane.width) clipped++;
    }
    if (clipped > 0) throw new Error(`${clipped} item rows start too far right for their decision to show`);
    await wb.page.locator('.outline-pane .monaco-list-row .label-name', { hasText: items[0].name }).first().click();
    await wb.waitForStatus('status.editor.selection', (t) => t.startsWith(`Ln ${items[0].line},`));
    await wb.page.mouse.move(640, 790); // off the tree, so no row is drawn hovered
    await wb.shot(join(ctx.images, 'outline.png'));
    const decisions = items.map((i) => DECIDED.exec(i.name)![1]);
    return `${expected.length} sections, ${rows.length} rows in all; ${items.length} items: ${decisions.filter((d) => d === 'Upheld').length} Upheld, ${decisions.filter((d) => d === 'Overturned').length} Overturned ("${items[0].name}")`;
  },
};

/**
 * The header as a new user first sees it, at 1,280 px with the Explorer open: its lines drawn
 * exactly as written (no inline hint moves the second column), the counts and the last day to
 * appeal in the code lens above the letter and in the status bar, and the Decision Date's hover.
 */
const headerView: Check = {
  name: 'header at 1,280 px: lines as written, counts and appeal date above it and in the status bar, Decision Date hover',
  async run(ctx) {
    const { wb } = ctx;
    const source = lines(ctx, OUTLINE_LETTER);
    const letter = parseLetter(source.join('\n'));
    const lens = codeLenses(letter)[0]?.command?.title;
    const summary = letterSummary(letter);
    const date = letter.header?.fields.find((f) => f.key === 'decisionDate')?.value;
    if (!letter.header || !lens || !date || !summary.appealBy)
      throw new Error(`${OUTLINE_LETTER} has no header with a Decision Date`);
    const headerLines = Array.from({ length: letter.header.range.end.line + 1 }, (_, i) => i + 1);
    await wb.openFile(OUTLINE_LETTER);
    await wb.goTo(date.range.start.line + 1, date.range.start.character + 2);
    // Every header line drawn as the file has it: an inline hint would show in the drawn text.
    let drawn = new Map<number, { text: string }>();
    await wb.until(
      'the header lines to be drawn as written',
      async () => {
        drawn = await wb.lines();
        return headerLines.every((n) => drawn.get(n)?.text.trimEnd() === source[n - 1].replace(/\t/g, ' ').trimEnd());
      },
      () => headerLines.map((n) => drawn.get(n)?.text ?? '(not drawn)').join(' | '),
    );
    const lensText = wb.page.locator('.editor-group-container.active .codelens-decoration', { hasText: lens });
    await lensText.first().waitFor({ state: 'visible', timeout: wb.timeout });
    const glance = wb.page.locator('.part.statusbar .statusbar-item', { hasText: summary.text }).first();
    await glance.waitFor({ state: 'visible', timeout: wb.timeout });
    await wb.command('Show or Focus Hover');
    const hover = wb.page
      .locator('.monaco-hover-content')
      .filter({ hasText: `Last day to appeal: ${summary.appealBy}` })
      .first();
    await hover.waitFor({ state: 'visible', timeout: wb.timeout });
    await wb.page.mouse.move(640, 790);
    await wb.shot(join(ctx.images, 'header.png'));
    await wb.page.keyboard.press('Escape');
    return `${headerLines.length} header lines as written; lens "${lens}"; status bar "${squash(await glance.innerText())}"; hover "Last day to appeal: ${summary.appealBy}"`;
  },
};

const highlighting: Check = {
  name: 'highlighting: headings and both decisions coloured',
  async run(ctx) {
    const { wb } = ctx;
    const text = lines(ctx, OUTLINE_LETTER);
    const find = (what: string, re: RegExp, word: string) => {
      const line = text.findIndex((l) => re.test(l));
      if (line < 0) throw new Error(`${OUTLINE_LETTER} has no ${what}`);
      return { what, word, line: line + 1, column: text[line].lastIndexOf(word) + 1 };
    };
    const targets = [
      find('heading', /^\s*CLINICAL CASE SUMMARY\s*$/, 'CLINICAL CASE SUMMARY'),
      find('Upheld decision', /:\s*Upheld\s*$/, 'Upheld'),
      find('Overturned decision', /:\s*Overturned\s*$/, 'Overturned'),
    ];
    await wb.hideSideBar();
    await wb.openFile(OUTLINE_LETTER);
    // The editor draws a line as spans, one per token but long ones cut in pieces: join neighbours
    // of one colour, then find the word's.
    const runs = (spans: [string, string][]) =>
      spans.reduce<[string, string][]>((acc, [t, c]) => {
        if (acc.length && acc[acc.length - 1][1] === c) acc[acc.length - 1][0] += t;
        else acc.push([t, c]);
        return acc;
      }, []);
    const colour: Record<string, string> = {};
    const scopes: Record<string, string> = {};
    const weight = new Map<string, number>();
    for (const t of targets) {
      await wb.goTo(t.line, t.column + 1);
      let drawn = new Map<number, { text: string; spans: [string, string][] }>();
      await wb.until(
        `line ${t.line} to be drawn with its tokens`,
        async () => {
          drawn = await wb.lines();
          return runs(drawn.get(t.line)?.spans ?? []).some(([s]) => s.includes(t.word));
        },
        () => JSON.stringify(drawn.get(t.line)?.spans ?? '(not on screen)'),
      );
      colour[t.what] = runs(drawn.get(t.line)!.spans).find(([s]) => s.includes(t.word))![1];
      for (const { spans } of drawn.values())
        for (const [s, c] of spans) weight.set(c, (weight.get(c) ?? 0) + s.trim().length);
      // The TextMate scopes under the cursor, as "Developer: Inspect Editor Tokens and Scopes" shows them.
      await wb.command('Developer: Inspect Editor Tokens and Scopes');
      const widget = wb.page.locator('.token-inspect-widget');
      let seen = '';
      await wb.until(
        'the token inspector to show the scopes',
        async () => {
          seen = squash(
            await widget
              .first()
              .innerText({ timeout: 1000 })
              .catch(() => ''),
          );
          return /textmate scopes/i.test(seen);
        },
        () => seen,
      );
      scopes[t.what] = (/textmate scopes (.*?)(?: foreground| background|$)/i.exec(seen)?.[1] ?? seen).trim();
      await wb.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: wb.timeout });
    }
    // Plain text: the colour of most of the letter's characters on screen.
    const plain = [...weight.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const problems: string[] = [];
    for (const t of targets) {
      if (colour[t.what] === plain) problems.push(`${t.what} "${t.word}" has the plain text colour ${plain}`);
      if (!/\.imr-letter\b/.test(scopes[t.what])) problems.push(`${t.what} has no imr-letter scope: ${scopes[t.what]}`);
    }
    if (colour['Upheld decision'] === colour['Overturned decision'])
      problems.push(`Upheld and Overturned share the colour ${colour['Upheld decision']}`);
    if (problems.length) throw new Error(problems.join('; '));
    return `plain ${plain}; ${targets.map((t) => `${t.what} ${colour[t.what]} (${scopes[t.what].split(' ')[0]})`).join('; ')}`;
  },
};

const hover: Check = {
  name: 'hover on a guideline citation: name and links',
  async run(ctx) {
    const { wb } = ctx;
    const citation = letterJson(ctx, OUTLINE_LETTER)
      .items.flatMap((i) => i.citations)
      .find((c) => c.kind !== 'prose' && c.guidelineName);
    if (!citation) throw new Error(`imr-lint found no resolved citation in ${OUTLINE_LETTER}`);
    const first = citation.text.split('\n')[0];
    const text = lines(ctx, OUTLINE_LETTER);
    const line = text.findIndex((l) => l.includes(first));
    if (line < 0) throw new Error(`"${first}" is not on one line of ${OUTLINE_LETTER}`);
    await wb.hideSideBar();
    await wb.openFile(OUTLINE_LETTER);
    await wb.goTo(line + 1, text[line].indexOf(first) + 3);
    await wb.command('Show or Focus Hover');
    const content = wb.page.locator('.monaco-hover-content').filter({ hasText: citation.guidelineName! }).first();
    await content.waitFor({ state: 'visible', timeout: wb.timeout });
    const links = await content
      .locator('a')
      .evaluateAll((as) =>
        as.map((a) => (a as unknown as { getAttribute(n: string): string | null }).getAttribute('data-href') ?? ''),
      );
    const web = links.filter((l) => /^https?:\/\//.test(l));
    if (web.length === 0) throw new Error(`the hover has no web link; links: ${JSON.stringify(links)}`);
    const box = await content.boundingBox();
    const editor = await wb.box('.editor-group-container.active');
    if (box) {
      const top = Math.max(editor.y, box.y - 60);
      await wb.shot(join(ctx.images, 'hover.png'), {
        x: editor.x,
        y: top,
        width: editor.width,
        height: Math.min(box.y + box.height + 170, editor.y + editor.height) - top,
      });
    }
    await wb.page.keyboard.press('Escape');
    return `"${first}" (line ${line + 1}): "${citation.guidelineName}", ${web.length} links (${[...new Set(web)].slice(0, 2).join(', ')}${web.length > 2 ? ', ...' : ''})`;
  },
};

const SEVERITY: Record<string, string> = { error: 'Error', warning: 'Warning', information: 'Info' };

/** The Problems panel rows of `file`, all of them (the list draws only those on screen). */
async function problems(wb: Workbench, count: number) {
  const seen = new Map<string, string>();
  const take = async () => {
    for (const r of await wb.problemRows()) if (r.index > 0) seen.set(r.label, r.text);
  };
  await take();
  await wb.page.keyboard.press('End'); // scroll to the last marker, so it is drawn
  await wb.until(`the Problems list to draw its last row (${count})`, async () =>
    (await wb.problemRows()).some((r) => r.index === count),
  );
  await take();
  await wb.page.keyboard.press('Home');
  await wb.until('the Problems list to scroll back to its first row', async () =>
    (await wb.problemRows()).some((r) => r.index === 0),
  );
  return [...seen].map(([label, text]) => {
    const m = /^(\w+): (.*) at line (\d+) and character (\d+)\./s.exec(label);
    return { severity: m?.[1] ?? '?', message: m?.[2] ?? label, line: Number(m?.[3]), column: Number(m?.[4]), text };
  });
}

const problemsPanel: Check = {
  name: `Problems panel: the findings of ${PROBLEM_LETTER}`,
  async run(ctx) {
    const { wb } = ctx;
    const expected = letterJson(ctx, PROBLEM_LETTER).findings.filter((f) => f.severity !== 'hint'); // hints are not listed
    if (expected.length === 0) throw new Error(`imr-lint found nothing in ${PROBLEM_LETTER}`);
    await wb.hideSideBar(); // full width for the messages
    await wb.openFile(PROBLEM_LETTER);
    await wb.command('Problems: Focus on Problems View');
    const fileRow = wb.page.locator('.markers-panel .monaco-list-row[data-index="0"]');
    let label = '';
    await wb.until(
      `the Problems panel to count ${expected.length} problems in ${PROBLEM_LETTER}`,
      async () => {
        label = (await fileRow.getAttribute('aria-label', { timeout: 1000 }).catch(() => '')) ?? '';
        return label.startsWith(`${expected.length} problems in file ${PROBLEM_LETTER}`);
      },
      () => label,
    );
    const shown = await problems(wb, expected.length);
    const missing = expected.filter(
      (f) =>
        !shown.some(
          (s) =>
            s.severity === SEVERITY[f.severity] &&
            s.message === f.message &&
            s.line === f.line &&
            s.column === f.column &&
            s.text.includes(f.rule),
        ),
    );
    const extra = shown.filter((s) => !expected.some((f) => s.message === f.message));
    if (missing.length || extra.length) {
      throw new Error(
        [
          ...missing.map((f) => `missing ${f.line}:${f.column} ${f.rule} ${f.message}`),
          ...extra.map((s) => `unexpected ${s.line}:${s.column} ${s.severity} ${s.message}`),
        ].join('; '),
      );
    }
    const status = await wb.status('status.problems');
    // The screenshot: the letter's header with its squiggles above a panel tall enough for all.
    await wb.resize('panel', Math.min(520, 22 * (expected.length + 1) + 70));
    await wb.openFile(PROBLEM_LETTER); // back in the editor, which the list's selection scrolled
    await wb.goTo(1, 1);
    await wb.until('line 1 to be on screen', async () => (await wb.lines()).has(1));
    await wb.page.mouse.move(640, 30);
    await wb.shot(join(ctx.images, 'problems.png'));
    const rules = expected.map((f) => f.rule);
    return `${shown.length} of ${expected.length} listed with rule, line and column (${rules.slice(0, 3).join(', ')}, ...); status bar: ${status}`;
  },
};

const quickFix: Check = {
  name: 'quick fix: a misspelt decision corrected',
  async run(ctx) {
    const { wb } = ctx;
    const original = readFileSync(join(ctx.ws, PROBLEM_LETTER), 'utf8');
    const json = letterJson(ctx, PROBLEM_LETTER);
    const finding = json.findings.find((f) => f.rule === 'item.invalid-decision');
    const meant = finding && /did you mean (Upheld|Overturned)\?/.exec(finding.message)?.[1];
    if (!finding || !meant)
      throw new Error(`imr-lint reports no misspelt decision with a suggestion in ${PROBLEM_LETTER}`);
    const before = original.split('\n')[finding.line - 1];
    const wrong = /(\S+)\s*$/.exec(before.slice(finding.column - 1))![1];
    const count = json.findings.filter((f) => f.severity !== 'hint').length;

    await wb.hideSideBar();
    await wb.openFile(PROBLEM_LETTER);
    await wb.goTo(finding.line, finding.column);
    await wb.page.keyboard.press('Control+.');
    const title = `Change decision to ${meant}`;
    const action = wb.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    await action.waitFor({ state: 'visible', timeout: wb.timeout });
    const offered = await wb.page.locator('.action-widget .monaco-list-row.action').allInnerTexts();
    const menu = await wb.box('.action-widget');
    const editor = await wb.box('.editor-group-container.active');
    const top = Math.max(editor.y, menu.y - 140);
    await wb.shot(join(ctx.images, 'quickfix.png'), {
      x: editor.x,
      y: top,
      width: Math.min(editor.width, menu.x + menu.width + 300 - editor.x),
      height: Math.min(menu.y + menu.height + 120, editor.y + editor.height) - top,
    });
    // Take the fix with the keyboard, as from the light bulb: move to it, Enter.
    await wb.until(`"${title}" to be the chosen fix`, async () => {
      if ((await action.getAttribute('class'))?.includes('focused')) return true;
      await wb.page.keyboard.press('ArrowDown');
      return false;
    });
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: wb.timeout });

    // The editor shows the corrected line, its finding is gone, and saving writes only that change.
    let line = '';
    await wb.until(
      `line ${finding.line} to read "${meant}"`,
      async () => {
        line = (await wb.lineText(finding.line)) ?? '';
        return line.includes(`: ${meant}`) && !line.includes(wrong);
      },
      () => line,
    );
    const fileRow = wb.page.locator('.markers-panel .monaco-list-row[data-index="0"]');
    let label = '';
    await wb.until(
      `the Problems panel to count ${count - 1} problems`,
      async () => {
        label = (await fileRow.getAttribute('aria-label', { timeout: 1000 }).catch(() => '')) ?? '';
        return label.startsWith(`${count - 1} problems`);
      },
      () => label,
    );
    await wb.page.keyboard.press('Control+S');
    await wb.page
      .locator(`.tabs-container .tab.active[data-resource-name="${PROBLEM_LETTER}"]:not(.dirty)`)
      .waitFor({ timeout: wb.timeout });
    const lines = original.split('\n');
    lines[finding.line - 1] =
      before.slice(0, finding.column - 1) + before.slice(finding.column - 1).replace(wrong, meant);
    const saved = readFileSync(join(ctx.ws, PROBLEM_LETTER), 'utf8');
    if (saved !== lines.join('\n'))
      throw new Error(
        `the saved letter differs from the original by more than "${wrong}" -> "${meant}" on line ${finding.line}`,
      );
    return `offered ${offered.map(squash).join(' / ')}; "${wrong}" became "${meant}" on line ${finding.line}, ${count} -> ${count - 1} problems, saved file changed on that word only`;
  },
};

/**
 * The extension's page in the Extensions view, as a user who installed the .vsix sees it: every
 * picture of the README is there with an address VS Code shows (http(s): it strips relative and
 * data: ones), and the page starts with what the extension does, not with developer commands.
 */
const extensionPage: Check = {
  name: "the extension's page: the README's pictures at the repository's address, and it opens with what the extension does",
  async run(ctx) {
    const { wb } = ctx;
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const pictures = [...readme.matchAll(/!\[[^\]\n]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    if (pictures.length === 0) throw new Error('the README has no pictures');
    await wb.command('Extensions: Show Installed Extensions');
    const row = wb.page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'IMR Letters' }).first();
    await row.waitFor({ state: 'visible', timeout: wb.timeout });
    await row.click();
    await wb.page.locator('.extension-editor').first().waitFor({ state: 'visible', timeout: wb.timeout });
    if (await wb.page.locator('.part.panel').isVisible()) await wb.command('View: Hide Panel');
    // The README is drawn in a webview: frames of their own, laid over the editor.
    let page: Frame | undefined;
    await wb.until("the extension's page to show its README", async () => {
      for (const f of wb.page.frames())
        if (
          await f
            .locator('h1', { hasText: 'IMR Letters' })
            .count()
            .catch(() => 0)
        )
          page = f;
      return page !== undefined;
    });
    // VS Code shows only http(s) pictures there: the packaged README points them at the
    // repository (scripts/package.mjs). Offline they cannot load; their addresses are checked.
    const { images: base } = linkBases(JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')));
    let images: { src: string; loaded: boolean }[] = [];
    await wb.until(
      `the extension's page to hold its ${pictures.length} pictures, at the repository's address`,
      async () => {
        images = await page!
          .locator('img')
          .evaluateAll((all) =>
            all.map((i) => {
              const img = i as unknown as {
                getAttribute(n: string): string | null;
                complete: boolean;
                naturalWidth: number;
              };
              return { src: img.getAttribute('src') ?? '', loaded: img.complete && img.naturalWidth > 0 };
            }),
          )
          .catch(() => []);
        return images.length === pictures.length && images.every((img, i) => img.src === `${base}${pictures[i]}`);
      },
      () => JSON.stringify(images),
    );
    // The opening: everything the page shows before its first section heading.
    const shown = page!;
    const firstHeading = squash(await shown.locator('h1').first().innerText({ timeout: wb.timeout }));
    const firstSection = squash(await shown.locator('h2').first().innerText({ timeout: wb.timeout }));
    const text = squash(await shown.locator('body').innerText({ timeout: wb.timeout }));
    const opening = text.slice(0, text.indexOf(firstSection));
    if (/\bnpm (ci|install|run|test)\b/.test(opening))
      throw new Error(`the page opens with developer commands: ${opening.slice(0, 300)}`);
    await wb.shot(join(ctx.images, 'extension-page.png'));
    return `"${firstHeading}": ${images.length} pictures at ${base} (${images.filter((i) => i.loaded).length} loaded: offline, none can); opens "${opening.slice(firstHeading.length, firstHeading.length + 80).trim()}…", first section "${firstSection}"`;
  },
};

/**
 * The workspace index: the lens above the first item gives the counts of similar items in the
 * other letters of the folder (as the item table of those files counts them), the hover on the
 * item line says the same, and clicking the lens shows the Precedents view grouped by decision.
 */
const precedents: Check = {
  name: 'precedents: the lens above an item, the hover counts, the Precedents view',
  async run(ctx) {
    const { wb } = ctx;
    const letter = parseLetter(lines(ctx, OUTLINE_LETTER).join('\n'));
    const target = itemRows('', letter)[0];
    // Every other letter of the workspace, PDFs included (the index reads them in a trusted
    // workspace), as the CLI exports them; one it cannot read (the scanned PDF) has no rows.
    const exported = (file: string): string => {
      try {
        return ctx.cli(['export', '--format', 'jsonl', join(ctx.ws, file)]);
      } catch {
        return '';
      }
    };
    const rows = readdirSync(ctx.ws)
      .filter((f) => f !== OUTLINE_LETTER && /\.(imr|txt|pdf)$/i.test(f))
      .flatMap((f) => exported(f).split('\n'))
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as ReturnType<typeof itemRows>[number])
      .filter((r) => isSimilar(target, r));
    const t = tallyDecisions(rows.map((r) => r.decision));
    if (t.items === 0) throw new Error(`no other letter of the workspace has an item like "${target.item}"`);
    const line = letter.items[0].title.range.start.line;
    await wb.openFile(OUTLINE_LETTER);
    await wb.goTo(line + 1, 3);
    const lens = wb.page
      .locator('.editor-group-container.active .codelens-decoration a', { hasText: `Precedents: ${t.items} similar` })
      .first();
    await lens.waitFor({ state: 'visible', timeout: wb.timeout });
    const lensText = squash(await lens.innerText());
    if (/indexing/.test(lensText)) throw new Error(`the lens still says "${lensText}"`);
    await wb.command('Show or Focus Hover');
    const counts = `Similar requests in this workspace: ${t.items} (${t.upheld} upheld, ${t.overturned} overturned`;
    const hover = wb.page.locator('.monaco-hover-content').filter({ hasText: counts }).first();
    await hover.waitFor({ state: 'visible', timeout: wb.timeout });
    await wb.shot(join(ctx.images, 'precedents-hover.png'));
    await wb.page.keyboard.press('Escape');
    await lens.click();
    const group = t.upheld > 0 ? `Upheld (${t.upheld})` : `Overturned (${t.overturned})`;
    const row = wb.page.locator('.monaco-list-row', { hasText: group }).first();
    await row.waitFor({ state: 'visible', timeout: wb.timeout });
    await wb.shot(join(ctx.images, 'precedents-view.png'));
    return `"${target.item}": lens "${lensText}", hover "${counts}…", view group "${group}"`;
  },
};

/** The screenshots the README shows (docs/images). */
export const README_PICTURES = ['header.png', 'outline.png', 'hover.png', 'problems.png', 'quickfix.png'];

/** In the order they run (later ones reuse the layout earlier ones leave). */
export const CHECKS: Check[] = [
  languageByName,
  languageByFirstLine('letter', 'a file with no extension'),
  languageByFirstLine('letter.txt', 'a .txt file'),
  headerView,
  outlineView,
  highlighting,
  hover,
  problemsPanel,
  quickFix,
  extensionPage,
  precedents,
];
