import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Position } from 'vscode-languageserver-types';
import { hover } from '../../server/src/features/hover';
import { documentLinks } from '../../server/src/features/links';
import { contains } from '../../server/src/letter/text/lines';
import { parseLetter } from '../../server/src/letter/parse';

// The real, DWC-published letters live beside the project, not in it; a user's clone has none.
const DIR = join(__dirname, '..', '..', '..', 'shared', 'imr-letters');
const skip = existsSync(DIR) ? false : `no real letters at ${DIR} (they sit in ../shared beside the project)`;

/** Every letter in the three extraction forms: `pdftotext -layout`, plain `pdftotext`, and a blank line after every line. */
function letterFiles(): string[] {
  return ['', 'raw', 'spaced'].flatMap((form) => {
    const dir = join(DIR, form);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => join(form, f))
      : [];
  });
}

const HEAD = /Decision\s+based\s+on\s+/g;
// Abbreviations whose full stop does not end a citation ("3rd ed.", "pg. 607", "Ch. 12").
const ABBREVIATIONS = new Set(['ed', 'pg', 'pgs', 'p', 'pp', 'ch', 'no', 'vol', 'vs', 'al', 'e.g', 'i.e', 'u.s']);
const LABEL_LINE = /\n[ \t]*(?:Decision rationale|MAXIMUS guideline|Claims Administrator guideline)\s*:/g;

/**
 * Each "Decision based on" clause, found without the parser: from the words after "Decision based
 * on" to the next clause, the next field's label, or the full stop that ends a line.
 */
function clauses(text: string): { from: number; to: number }[] {
  const heads = [...text.matchAll(HEAD)];
  return heads.map((head, k) => {
    const from = head.index! + head[0].length;
    let to = k + 1 < heads.length ? heads[k + 1].index! : text.length;
    LABEL_LINE.lastIndex = from;
    const label = LABEL_LINE.exec(text);
    if (label && label.index < to) to = label.index;
    for (let dot = text.indexOf('.', from); dot >= 0 && dot < to; dot = text.indexOf('.', dot + 1)) {
      const after = /^[ \t]*(?:\r?\n|\f|$)/.exec(text.slice(dot + 1, dot + 40));
      const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(from, dot - 8), dot))?.[1].toLowerCase();
      if (after && !(word && ABBREVIATIONS.has(word))) {
        to = dot;
        break;
      }
    }
    return { from, to };
  });
}

function positionAt(text: string, offset: number): Position {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, character: offset - lineStart };
}

/** The words of a clause that belong to a citation: all but the "and" that joins two of them and bare punctuation. */
function citedWords(text: string, clause: { from: number; to: number }): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  for (const m of text.slice(clause.from, clause.to).matchAll(/\S+/g)) {
    if (/^(?:,?and,?|[,.;:&/-]+)$/i.test(m[0])) continue;
    out.push({ word: m[0], at: clause.from + m.index! + Math.floor(m[0].length / 2) });
  }
  return out;
}

const SEARCH = 'https://duckduckgo.com/';
/** A link to a real page: https, and not the web search offered for sources the catalog lacks. */
const realPage = (md: string) => [...md.matchAll(/\]\((https:\/\/[^)\s]+)\)/g)].some((m) => !m[1].startsWith(SEARCH));

describe('every cited guideline in the real letters links to its page', { skip }, () => {
  const files = skip ? [] : letterFiles();

  test('the letters are there in all three forms', () => {
    for (const form of ['', 'raw/', 'spaced/'])
      assert.ok(
        files.some((f) => f.startsWith(form) && !f.slice(form.length).includes('/')),
        `no letters in ${form || 'the top folder'}`,
      );
  });

  for (const [what, covered] of [
    [
      'a hover with an https link to a real page',
      (text: string, letter: ReturnType<typeof parseLetter>, at: Position) => {
        const h = hover(letter, at);
        return !!h && realPage((h.contents as { value: string }).value);
      },
    ],
    [
      'a document link to an https page',
      (
        _text: string,
        _letter: ReturnType<typeof parseLetter>,
        at: Position,
        links?: ReturnType<typeof documentLinks>,
      ) => (links ?? []).some((l) => /^https:\/\//.test(l.target ?? '') && contains(l.range, { start: at, end: at })),
    ],
  ] as const) {
    test(`every word of every "Decision based on" citation gets ${what}`, (t) => {
      const misses: string[] = [];
      let clauseCount = 0;
      let clean = 0;
      let words = 0;
      for (const file of files) {
        const text = readFileSync(join(DIR, file), 'utf8');
        const letter = parseLetter(text);
        const links = documentLinks(letter);
        for (const clause of clauses(text)) {
          clauseCount++;
          const missed: string[] = [];
          for (const w of citedWords(text, clause)) {
            words++;
            if (!covered(text, letter, positionAt(text, w.at), links)) missed.push(w.word);
          }
          if (missed.length === 0) clean++;
          else
            misses.push(
              `${file}:${positionAt(text, clause.from).line + 1} "${text.slice(clause.from, clause.to).replace(/\s+/g, ' ')}": ${missed.join(' ')}`,
            );
        }
      }
      t.diagnostic(`${clean}/${clauseCount} clauses (${words} words) in ${files.length} letters covered`);
      for (const miss of misses) t.diagnostic(`miss: ${miss}`);
      assert.ok(clauseCount > 0, 'found no "Decision based on" clause');
      assert.deepEqual(misses, []);
    });
  }

  test('the clause finder ends a clause at its own full stop, not at an abbreviation', () => {
    const text =
      'x Decision based on Non-MTUS Citation ACOEM Guidelines, 3rd ed.\nLow Back, pg. 607.\nDecision rationale: y.';
    const [c] = clauses(text);
    assert.equal(text.slice(c.from, c.to), 'Non-MTUS Citation ACOEM Guidelines, 3rd ed.\nLow Back, pg. 607');
  });
});
