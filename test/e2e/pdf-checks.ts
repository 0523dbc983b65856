/**
 * The PDF checks: a letter's PDF imported from the Explorer's context menu, its original opened
 * from the letter, a second import that asks before it replaces the letter, and Check All Letters
 * in Workspace over PDFs (a scanned one, and one with findings, each named by its page). They run
 * after the other checks: Check All fills the Problems panel those count.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { letterPdf, makePdf } from '../fixtures/pdf';
import { type Check, type Context, outline, outlineSections, show } from './checks';
import { squash } from './util';

const PDF_LETTER = 'letter.pdf';
const IMPORTED = 'letter.imr';
const SCANNED = 'scanned.pdf';
const PDF_WITH_PROBLEMS = 'problems.pdf';
const SCANNED_MESSAGE = 'this PDF has no text: it is a scanned image; run OCR first';

/** Writes the PDFs the checks use into the workspace: two letters (one with findings) and a scanned page. */
export function writePdfLetters(ws: string): string[] {
  const files = {
    [PDF_LETTER]: letterPdf(readFileSync(join(ws, 'two-column-header.imr'), 'utf8')),
    [PDF_WITH_PROBLEMS]: letterPdf(readFileSync(join(ws, 'with-problems.imr'), 'utf8')),
    [SCANNED]: makePdf([[]]),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(ws, name), bytes);
  return Object.keys(files);
}

/** What `imr-lint import` writes for the PDF, in a folder of its own: what the editor must write too. */
function cliImport(ctx: Context, pdf: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'imr-e2e-import-'));
  copyFileSync(join(ctx.ws, pdf), join(dir, pdf));
  ctx.cli(['import', join(dir, pdf)]);
  return readFileSync(join(dir, pdf.replace(/\.pdf$/, '.imr')), 'utf8');
}

/** Right-clicks a file in the Explorer and takes `item` from its context menu. */
async function explorerMenu(ctx: Context, file: string, item: string): Promise<void> {
  const { wb } = ctx;
  await wb.command('File: Focus on Files Explorer');
  // The Outline check folded the file tree away: unfold it.
  const folded = wb.page.locator('.explorer-viewlet .pane-header[aria-expanded="false"]', { hasText: /^samples/i });
  if (await folded.count()) await folded.first().click({ timeout: wb.timeout });
  const row = wb.page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: wb.page.locator('.label-name', { hasText: new RegExp(`^\\s*${file.replace('.', '\\.')}\\s*$`) }) })
    .first();
  await row.scrollIntoViewIfNeeded({ timeout: wb.timeout });
  await row.click({ button: 'right', timeout: wb.timeout });
  const entry = wb.page.locator('.context-view .action-item', { hasText: item }).first();
  await entry.waitFor({ state: 'visible', timeout: wb.timeout }).catch(() => {
    throw new Error(`the Explorer's context menu on ${file} shows no "${item}"`);
  });
  await entry.click({ timeout: wb.timeout });
}

/** Waits until the workspace file holds what `ok` wants, and gives it. */
async function fileText(ctx: Context, file: string, what: string, ok: (text: string) => boolean): Promise<string> {
  let text = '';
  await ctx.wb.until(
    what,
    async () => {
      try {
        text = readFileSync(join(ctx.ws, file), 'utf8');
      } catch {
        text = '';
      }
      return ok(text);
    },
    () => text.slice(-200),
  );
  return text;
}

const importFromExplorer: Check = {
  name: `Import PDF Letters from the Explorer's context menu: ${IMPORTED} written beside ${PDF_LETTER}, as imr-lint import writes it, and opened with its outline`,
  async run(ctx) {
    const { wb } = ctx;
    const expectedText = cliImport(ctx, PDF_LETTER);
    if (!expectedText.endsWith(`{>>imr-source: ${PDF_LETTER}<<}`))
      throw new Error(`imr-lint import does not name the PDF at the letter's end: ${expectedText.slice(-80)}`);
    await explorerMenu(ctx, PDF_LETTER, 'Import PDF Letters…');
    await wb.page
      .locator(`.tabs-container .tab.active[data-resource-name="${IMPORTED}"]`)
      .waitFor({ state: 'visible', timeout: wb.timeout });
    await wb.waitForStatus('status.editor.mode', (t) => t === 'IMR Letter');
    const written = await fileText(ctx, IMPORTED, `${IMPORTED} to be written`, (t) => t !== '');
    if (written !== expectedText)
      throw new Error(
        `${IMPORTED} differs from what imr-lint import writes (${written.length} / ${expectedText.length} characters)`,
      );
    // Its outline, as imr-lint --outline gives it for the file written.
    const expected = outline(ctx, IMPORTED);
    if (expected.length < 3) throw new Error(`imr-lint --outline gave too little: ${show(expected)}`);
    await wb.command('Explorer: Focus on Outline View');
    const rows = await outlineSections(wb, expected);
    await wb.page.mouse.move(640, 790);
    await wb.shot(join(ctx.images, 'pdf-import.png'));
    const lines = written.split('\n').length;
    return `${IMPORTED}: ${lines} lines, byte for byte what imr-lint import writes, ending {>>imr-source: ${PDF_LETTER}<<}; outline: ${show(rows.filter((r) => r.level === 1))}`;
  },
};

const openOriginal: Check = {
  name: `Open Original PDF: ${PDF_LETTER} opens from ${IMPORTED}, and VS Code offers to import it`,
  async run(ctx) {
    const { wb } = ctx;
    await wb.openFile(IMPORTED);
    await wb.command('IMR Letters: Open Original PDF');
    await wb.page
      .locator(`.tabs-container .tab.active[data-resource-name="${PDF_LETTER}"]`)
      .waitFor({ state: 'visible', timeout: wb.timeout })
      .catch(() => {
        throw new Error(`Open Original PDF opened no ${PDF_LETTER} tab`);
      });
    // A letter's PDF opened in VS Code: the offer to import it.
    const offer = wb.page.locator('.notification-toast', { hasText: `${PDF_LETTER} is an IMR letter` }).first();
    await offer.waitFor({ state: 'visible', timeout: wb.timeout });
    const said = squash(await offer.locator('.notification-list-item-message').first().innerText());
    await wb.shot(join(ctx.images, 'pdf-original.png'));
    await offer
      .locator('.codicon-notifications-clear, .codicon-close')
      .first()
      .click({ timeout: wb.timeout })
      .catch(() => undefined);
    return `${PDF_LETTER} is the active tab; offered: "${said}"`;
  },
};

const importAgain: Check = {
  name: `a second import of ${PDF_LETTER} asks before it replaces ${IMPORTED}: Cancel keeps the notes, Replace writes the PDF's text`,
  async run(ctx) {
    const { wb } = ctx;
    const fresh = readFileSync(join(ctx.ws, IMPORTED), 'utf8');
    const noted = fresh + '\n{>>note: my notes<<}\n';
    writeFileSync(join(ctx.ws, IMPORTED), noted);
    const dialog = wb.page.locator('.monaco-dialog-box');
    const ask = async () => {
      await explorerMenu(ctx, PDF_LETTER, 'Import PDF Letters…');
      await dialog.waitFor({ state: 'visible', timeout: wb.timeout }).catch(() => {
        throw new Error(`no dialog asks before ${IMPORTED} is replaced`);
      });
      return squash(await dialog.innerText({ timeout: wb.timeout }));
    };
    const question = await ask();
    if (!question.includes(`${IMPORTED} exists`)) throw new Error(`the dialog asks: "${question}"`);
    await wb.shot(join(ctx.images, 'pdf-replace.png'));
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click({ timeout: wb.timeout });
    await dialog.waitFor({ state: 'hidden', timeout: wb.timeout });
    if (readFileSync(join(ctx.ws, IMPORTED), 'utf8') !== noted) throw new Error('Cancel changed the letter');
    await ask();
    await dialog.locator('.monaco-button', { hasText: 'Replace' }).first().click({ timeout: wb.timeout });
    await fileText(ctx, IMPORTED, `${IMPORTED} to be replaced by the PDF's text`, (t) => t === fresh);
    return `asked "${question}"; Cancel kept the notes, Replace wrote the PDF's text again`;
  },
};

const checkAllPdfs: Check = {
  name: `Check All Letters in Workspace: ${SCANNED} says to run OCR; ${PDF_WITH_PROBLEMS}'s findings name their page`,
  async run(ctx) {
    const { wb } = ctx;
    const pages = ctx
      .cli([join(ctx.ws, PDF_WITH_PROBLEMS)])
      .split('\n')
      .filter((l) => / \(page \d+\)$/.test(l) && !/ hint /.test(l));
    if (pages.length === 0) throw new Error(`imr-lint finds nothing in ${PDF_WITH_PROBLEMS}`);
    await wb.command('IMR Letters: Check All Letters in Workspace');
    await wb.page
      .locator('.notification-toast', { hasText: /letters checked/ })
      .first()
      .waitFor({ state: 'visible', timeout: wb.timeout })
      .catch(() => {
        throw new Error('Check All Letters in Workspace told no count');
      });
    await wb.command('Problems: Focus on Problems View');
    const filter = wb.page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    const shown = async (text: string, want: (rows: string[]) => boolean) => {
      await filter.fill(text, { timeout: wb.timeout });
      let rows: string[] = [];
      await wb.until(
        `the Problems panel filtered by "${text}"`,
        async () => {
          rows = (await wb.problemRows()).map((r) => r.label);
          return want(rows);
        },
        () => rows.join(' | '),
      );
      return rows;
    };
    const paged = (rows: string[]) => rows.filter((r) => /Page \d+, line \d+ of its text: /.test(r));
    const scanned = await shown(
      'scanned image; run OCR',
      (rows) => rows.some((r) => r.includes(SCANNED_MESSAGE)) && paged(rows).length === 0,
    );
    await wb.shot(join(ctx.images, 'pdf-scanned.png'));
    const onPages = paged(
      await shown(
        'of its text:',
        (rows) => paged(rows).length >= pages.length && !rows.some((r) => r.includes(SCANNED_MESSAGE)),
      ),
    );
    await wb.shot(join(ctx.images, 'pdf-pages.png'));
    await filter.fill('', { timeout: wb.timeout });
    return `${squash(scanned.find((r) => r.includes(SCANNED_MESSAGE)))}; ${onPages.length} findings of ${PDF_WITH_PROBLEMS} at its start with their page (imr-lint: ${pages.length}), e.g. "${squash(onPages[0]).slice(0, 120)}"`;
  },
};

/** In the order they run, after the other checks. */
export const PDF_CHECKS: Check[] = [importFromExplorer, openOriginal, importAgain, checkAllPdfs];
