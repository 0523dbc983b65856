/**
 * Every real letter reads the same from NNN.txt (pdftotext -layout), raw/NNN.txt (plain
 * pdftotext) and spaced/NNN.txt (double-spaced): same items, names, decisions, modified-request
 * flags, conclusions and findings. Correct letters raise no finding but the true ones that
 * scripts/real-letter-checks.ts lists, each with the reason it is true.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseLetter } from '../../server/src/letter/parse';
import type { Letter } from '../../server/src/letter/model';
import { RULES, checkLetter } from '../../server/src/rules';
import { REAL_FINDINGS } from '../../scripts/real-letter-checks';
import { FORMS, type ExtractionForm, REAL_DIR, REAL_SKIP, formDir } from '../fixtures/forms';

/**
 * Rules about what one extraction left in the text: plain pdftotext joins words wrapped at a
 * hyphen, the double-spaced form drops form feeds. Their findings differ between forms by nature
 * (REAL_FINDINGS says where each is found); all other findings must be the same in all three.
 */
const ARTIFACT_RULES = new Set(['text.split-word', 'text.form-feed-in-field']);

const TODAY = new Date(2026, 0, 1);
const letters = REAL_SKIP
  ? []
  : readdirSync(REAL_DIR)
      .filter((f) => /^\d{3}\.txt$/.test(f))
      .sort();

function read(file: string, form: ExtractionForm): string | undefined {
  const path = join(formDir(form), file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** What a reader is told about a letter, apart from extraction artifacts, as comparable lines. */
function reading(letter: Letter): string[] {
  const items = letter.items.map((i) =>
    [
      `item ${i.name}`,
      `decision ${i.decision?.value ?? i.decision?.text}`,
      `modified ${i.modifiedRequest}`,
      `surgical ${i.associatedSurgicalService}`,
      `concludes ${i.conclusion ? (i.conclusion.necessary ? 'necessary' : 'not necessary') : 'nothing'}`,
      `about ${i.conclusion?.subject ?? '-'}`,
      `fields ${i.fields.map((f) => `${f.kind}:${f.value ? 'value' : 'empty'}`).join(' ')}`,
    ].join(' | '),
  );
  const findings = checkLetter(letter, { today: TODAY })
    .filter((p) => !ARTIFACT_RULES.has(p.ruleId))
    .map((p) => `${p.severity} ${p.ruleId}: ${p.message}`);
  return [
    `layout ${letter.layout.id}`,
    `sections ${letter.sections.map((s) => s.kind).join(' ')}`,
    ...items,
    ...findings,
  ];
}

describe('real letters in three extraction forms', { skip: REAL_SKIP }, () => {
  test('the raw and spaced folders hold the same letters as the layout one (000.txt has no PDF)', () => {
    for (const form of ['raw', 'spaced'] as const) {
      const there = readdirSync(formDir(form))
        .filter((f) => f.endsWith('.txt'))
        .sort();
      assert.deepEqual(
        there,
        letters.filter((f) => f !== '000.txt'),
        form,
      );
    }
  });

  for (const file of letters) {
    test(`${file} reads the same in every form it comes in`, () => {
      const readings = FORMS.flatMap((form) => {
        const text = read(file, form);
        return text === undefined ? [] : [[form, reading(parseLetter(text))] as const];
      });
      const [[firstForm, first], ...rest] = readings;
      assert.ok(
        first.some((l) => l.startsWith('item ')),
        `${file}: no item read`,
      );
      for (const [form, other] of rest) assert.deepEqual(other, first, `${file}: ${form} against ${firstForm}`);
    });
  }

  test('a correct letter raises no finding but the true ones listed, in every form (hints included)', () => {
    const unexpected: string[] = [];
    const found = new Map<string, Set<string>>(); // rule -> "file form"
    for (const file of letters) {
      for (const form of FORMS) {
        const text = read(file, form);
        if (text === undefined) continue;
        for (const p of checkLetter(parseLetter(text), { today: TODAY })) {
          const listed = REAL_FINDINGS[p.ruleId];
          if (listed?.files.includes(file) && listed.forms.includes(form)) {
            (found.get(p.ruleId) ?? found.set(p.ruleId, new Set()).get(p.ruleId)!).add(`${file} ${form}`);
          } else unexpected.push(`${form}/${file} ${p.severity} ${p.ruleId}: ${p.message}`);
        }
      }
    }
    assert.deepEqual(unexpected, []);
    // And each listed finding is there, in each form listed: the list says no more than is true.
    for (const [rule, listed] of Object.entries(REAL_FINDINGS)) {
      assert.ok(
        RULES.some((r) => r.id === rule),
        `${rule} is not a rule`,
      );
      const expected = listed.files.flatMap((f) => listed.forms.map((form) => `${f} ${form}`)).sort();
      assert.deepEqual([...(found.get(rule) ?? [])].sort(), expected, rule);
    }
  });

  test('findings above hint level on correct letters: only the slip in 005.txt, in all three forms', () => {
    for (const rule of Object.keys(REAL_FINDINGS)) {
      const level = RULES.find((r) => r.id === rule)!.severity;
      if (rule === 'summary.injury-date-mismatch') assert.equal(level, 'warning');
      else assert.equal(level, 'hint', `${rule}: an extraction artifact, at hint level`);
    }
    for (const form of FORMS) {
      const findings = checkLetter(parseLetter(read('005.txt', form)!), { today: TODAY }).filter(
        (p) => p.severity !== 'hint',
      );
      assert.deepEqual(
        findings.map((p) => p.message),
        ['The case summary dates the injury October 10, 2015 (10/10/2015), the header 10/10/2016.'],
        form,
      );
    }
  });
});
