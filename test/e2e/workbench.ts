/**
 * Drives the VS Code workbench in the browser the way a user does: Quick Open, the Command
 * Palette, Go to Line, keyboard. Every wait is on the workbench's own DOM (a row focused, a tab
 * active, a status bar entry changed), never on a clock.
 */
import type { Locator, Page } from 'playwright-core';
import { squash } from './util';

// The functions passed to page.evaluate run in the browser. The project compiles
// without the DOM library, so the little of it they use is declared here, for this module only.
interface El {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(s: string): El | null;
  querySelectorAll(s: string): ArrayLike<El>;
  getBoundingClientRect(): { top: number; left: number; width: number; height: number };
}
declare const document: { querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El> };
declare function getComputedStyle(e: El): { color: string };

/** A pattern matching exactly `text`. */
const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** The active editor, in the active editor group. */
const EDITOR = '.editor-group-container.active .editor-container .monaco-editor';

export class Workbench {
  constructor(
    readonly page: Page,
    readonly timeout: number,
  ) {}

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Loads the workbench on `folder` and waits until the Explorer shows `someFile`. */
  async load(url: string, folder: string, someFile: string): Promise<void> {
    await this.page.goto(`${url}?folder=${encodeURIComponent(folder)}`, {
      waitUntil: 'domcontentloaded',
      timeout: this.timeout,
    });
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: this.timeout });
    await this.page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: someFile })
      .first()
      .waitFor({ state: 'visible', timeout: this.timeout });
  }

  /**
   * Opens a quick input with `keys`, types `text`, waits until the focused entry is the one wanted
   * (`accept` decides, given the entry's text), and takes it.
   */
  private async pick(keys: string, text: string, accept: (entry: string) => boolean): Promise<string> {
    await this.page.keyboard.press(keys);
    await this.quickInput.waitFor({ state: 'visible', timeout: this.timeout });
    await this.quickInput.locator('input').fill(text);
    const focused = this.quickInput.locator('.monaco-list-row.focused');
    let seen = '';
    await this.until(
      `"${text}" to be the chosen entry`,
      async () => {
        seen = squash(
          await focused
            .first()
            .innerText({ timeout: 1000 })
            .catch(() => ''),
        );
        return seen !== '' && accept(seen);
      },
      () => seen,
    );
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: this.timeout });
    return seen;
  }

  /** Runs a command from the Command Palette by its label ("Problems: Focus on Problems View"). */
  async command(label: string): Promise<void> {
    await this.pick('F1', `>${label}`, (entry) => entry.toLowerCase().startsWith(label.toLowerCase()));
  }

  /** Opens a workspace file with Quick Open and waits until its editor is the active one. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.quickInput.waitFor({ state: 'visible', timeout: this.timeout });
    await this.quickInput.locator('input').fill(name);
    // The entry named exactly so, which need not be the first ("letter.txt" comes before
    // "letter" once opened): move the selection to it with the keyboard.
    const rows = this.quickInput.locator('.monaco-list-row');
    await rows
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(name) }) })
      .first()
      .waitFor({ state: 'attached', timeout: this.timeout });
    let focused = '';
    await this.until(
      `"${name}" to be chosen in Quick Open`,
      async () => {
        focused = squash(
          await rows
            .and(this.page.locator('.focused'))
            .locator('.label-name')
            .first()
            .textContent({ timeout: 1000 })
            .catch(() => ''),
        );
        if (focused === name) return true;
        await this.page.keyboard.press('ArrowDown');
        return false;
      },
      () => focused,
    );
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: this.timeout });
    await this.page
      .locator(`.tabs-container .tab.active[data-resource-name="${name}"]`)
      .waitFor({ state: 'visible', timeout: this.timeout });
    await this.page.locator(`${EDITOR} .view-lines`).waitFor({ state: 'visible', timeout: this.timeout });
  }

  /** Puts the cursor at (line, column), both 1-based, with Go to Line/Column. */
  async goTo(line: number, column: number): Promise<void> {
    // The entry ("Go to line 23 and character 43.") shows that the typed position was read.
    await this.pick('Control+G', `:${line}:${column}`, (entry) => entry.includes(String(line)));
    await this.waitForStatus('status.editor.selection', (t) => t.startsWith(`Ln ${line}, Col ${column}`));
  }

  /** The text of a status bar entry by its id ("status.editor.mode"), '' when absent. */
  async status(id: string): Promise<string> {
    return this.page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', `[id="${id}"]`).then(squash);
  }

  async waitForStatus(id: string, ok: (text: string) => boolean, timeout = this.timeout): Promise<string> {
    let text = '';
    await this.until(
      `status bar "${id}"`,
      async () => ok((text = await this.status(id))),
      () => text,
      timeout,
    );
    return text;
  }

  /**
   * The visible lines of the active editor, with their 1-based numbers, each as its token spans
   * and their colours. (The editor draws only the lines on screen, in no particular DOM order; the
   * line number sits in the margin at the same height.)
   */
  async lines(): Promise<Map<number, { text: string; spans: [string, string][] }>> {
    const rows = await this.page.evaluate((editor) => {
      const root = document.querySelector(editor);
      if (!root) return [];
      const numbers = new Map<string, string>();
      for (const n of Array.from(root.querySelectorAll('.margin-view-overlays > div'))) {
        const ln = n.querySelector('.line-numbers');
        if (ln?.textContent) numbers.set(String(Math.round(n.getBoundingClientRect().top)), ln.textContent.trim());
      }
      return Array.from(root.querySelectorAll('.view-lines > .view-line')).map((l) => ({
        line: numbers.get(String(Math.round(l.getBoundingClientRect().top))) ?? '',
        spans: Array.from(l.querySelectorAll(':scope > span > span')).map((s): [string, string] => [
          (s.textContent ?? '').replace(/\u00a0/g, ' '),
          getComputedStyle(s).color,
        ]),
      }));
    }, EDITOR);
    const result = new Map<number, { text: string; spans: [string, string][] }>();
    for (const r of rows)
      if (r.line) result.set(Number(r.line), { text: r.spans.map(([t]) => t).join(''), spans: r.spans });
    return result;
  }

  /** The text of line `n` of the active editor as drawn (it must be on screen). */
  async lineText(n: number): Promise<string | undefined> {
    return (await this.lines()).get(n)?.text;
  }

  /** The Outline view's rendered rows, top to bottom. */
  async outlineRows(): Promise<{ level: number; expanded: boolean; name: string; detail: string }[]> {
    const rows = await this.page.evaluate(() =>
      Array.from(document.querySelectorAll('.outline-pane .monaco-list-row')).map((r) => ({
        index: Number(r.getAttribute('data-index')),
        level: Number(r.getAttribute('aria-level')),
        expanded: r.getAttribute('aria-expanded') === 'true',
        name: r.querySelector('.label-name')?.textContent ?? '',
        detail: r.querySelector('.label-description')?.textContent ?? '',
      })),
    );
    return rows
      .sort((a, b) => a.index - b.index)
      .map(({ index: _, ...r }) => ({ ...r, name: squash(r.name), detail: squash(r.detail) }));
  }

  /** Expands the Outline row named `name` (clicking its twistie, as a user does). */
  async expandOutline(name: string): Promise<void> {
    const row = this.page
      .locator('.outline-pane .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(name) }) })
      .first();
    if ((await row.getAttribute('aria-expanded', { timeout: this.timeout })) === 'true') return;
    await row.locator('.monaco-tl-twistie').click({ timeout: this.timeout });
    await this.page
      .locator('.outline-pane .monaco-list-row[aria-expanded="true"]')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(name) }) })
      .first()
      .waitFor({ timeout: this.timeout });
  }

  /** The Problems panel's rendered rows (the file row, then its markers), in order. */
  async problemRows(): Promise<{ index: number; label: string; text: string }[]> {
    const rows = await this.page.evaluate(() =>
      Array.from(document.querySelectorAll('.markers-panel .monaco-list-row')).map((r) => ({
        index: Number(r.getAttribute('data-index')),
        label: r.getAttribute('aria-label') ?? '',
        text: Array.from(r.querySelectorAll('span, a'))
          .map((e) => e.textContent ?? '')
          .join(' '),
      })),
    );
    return rows.sort((a, b) => a.index - b.index);
  }

  /**
   * Resizes a part of the workbench by dragging the sash on its edge, as a user does: the side
   * bar by its right edge (`width`), the panel by its top edge (`height`).
   */
  async resize(part: 'sidebar' | 'panel', size: number): Promise<void> {
    const selector = `.part.${part}`;
    const box = await this.box(selector);
    // The sash is a thin element of its own over the edge: take the one nearest to the edge.
    const [ex, ey] = part === 'sidebar' ? [box.x + box.width, box.y + box.height / 2] : [box.x + box.width / 2, box.y];
    const sashes = await this.page.evaluate(
      (cls) =>
        Array.from(document.querySelectorAll(`.monaco-sash.${cls}`))
          .map((e) => e.getBoundingClientRect())
          .map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height })),
      part === 'sidebar' ? 'vertical' : 'horizontal',
    );
    const near = sashes
      .filter((r) => r.w > 0 && r.h > 0)
      .sort((a, b) =>
        part === 'sidebar' ? Math.abs(a.x - ex) - Math.abs(b.x - ex) : Math.abs(a.y - ey) - Math.abs(b.y - ey),
      )[0];
    if (!near) throw new Error(`no sash on the ${part}'s edge`);
    const [x, y] = part === 'sidebar' ? [near.x, ey] : [ex, near.y];
    const [dx, dy] = part === 'sidebar' ? [size - box.width, 0] : [0, box.height - size];
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 8 });
    await this.page.mouse.up();
    let seen = 0;
    await this.until(
      `the ${part} to be ${size} px`,
      async () => {
        const now = (await this.page.locator(selector).boundingBox()) ?? { width: 0, height: 0 };
        seen = part === 'sidebar' ? now.width : now.height;
        return Math.abs(seen - size) < 20;
      },
      () => String(seen),
    );
  }

  /** Hides the primary side bar (more room for the editor and the panel), if it shows. */
  async hideSideBar(): Promise<void> {
    if (!(await this.page.locator('.part.sidebar').isVisible())) return;
    await this.command('View: Toggle Primary Side Bar Visibility');
    await this.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: this.timeout });
  }

  /** Saves a screenshot of the part of the page inside `box` (or all of it). */
  async shot(file: string, box?: { x: number; y: number; width: number; height: number }): Promise<void> {
    const size = this.page.viewportSize()!;
    const clip = box && {
      x: Math.max(0, Math.round(box.x)),
      y: Math.max(0, Math.round(box.y)),
      width: Math.round(Math.min(box.width, size.width - Math.max(0, box.x))),
      height: Math.round(Math.min(box.height, size.height - Math.max(0, box.y))),
    };
    await this.page.screenshot({ path: file, clip });
  }

  async box(selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.page.locator(selector).first().boundingBox({ timeout: this.timeout });
    if (!box) throw new Error(`${selector} is not on screen`);
    return box;
  }

  /** Polls the page until `probe` holds, for at most the workbench timeout. */
  async until(what: string, probe: () => Promise<boolean>, last?: () => string, timeout = this.timeout): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!(await probe())) {
      if (Date.now() > deadline)
        throw new Error(
          `timed out after ${timeout / 1000} s waiting for ${what}${last ? `; last seen: ${JSON.stringify(last()).slice(0, 400)}` : ''}`,
        );
      // Wake on the next paint rather than on a timer.
      await this.page.evaluate(
        () =>
          new Promise((resolve) =>
            (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame(() =>
              resolve(null),
            ),
          ),
      );
    }
  }
}
