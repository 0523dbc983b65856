import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { documentSymbols } from '../../server/src/features/symbols';
import { parseLetter } from '../../server/src/letter/parse';
import { checkLetter } from '../../server/src/rules';

// The real, DWC-published letters live beside the project, not in it; a user's clone has none.
const DIR = join(__dirname, '..', '..', '..', 'shared', 'imr-letters');
const skip = existsSync(DIR) ? false : `no real letters at ${DIR} (they sit in ../shared beside the project)`;

/** Every item with its decision, read from the letters by hand. */
const EXPECTED: Record<string, [string, 'Upheld' | 'Overturned'][]> = {
  '000.txt': [
    ['Single Positional Cervical Spine MRI without Contrast', 'Upheld'],
    ['Lumbar Epidural Injection to the L4-L5, L5-S1 Area', 'Upheld'],
  ],
  '001.txt': [
    ['MRI of the right shoulder without contrast', 'Upheld'],
    ['MRI of the cervical spine without contrast', 'Upheld'],
  ],
  '002.txt': [['Lorzone 750mg one by mouth three times a day #45', 'Upheld']],
  '003.txt': [
    ['Left shoulder arthroscopy with Bankart repair, possible biceps tenodesis', 'Overturned'],
    ['Associated surgical service: Physical therapy, times 12', 'Overturned'],
    ['Associated surgical service: Cold therapy for one week', 'Overturned'],
    ['Associated surgical service: Slingshot sling', 'Overturned'],
    ['Post-op Percocet 5/325mg', 'Upheld'],
    ['Post-op Zofran', 'Upheld'],
  ],
  '004.txt': [['Oxycodone HCL ER 20mg #60 day supply: 30', 'Overturned']],
  '005.txt': [['Facet joint injections L4-5, L5-S1', 'Upheld']],
  '006.txt': [['Lumbar Spine Epidural Injection at L4-5 under fluoroscopy', 'Upheld']],
  '007.txt': [['Retrospective CT scan of the cervical spine (DOS 11/18/16)', 'Overturned']],
  '008.txt': [['Baclofen 100mg #3', 'Upheld']],
  '009.txt': [['EMG/NCS of the bilateral hand', 'Overturned']],
  '010.txt': [
    ['EMG/NCV of the lower extremities', 'Upheld'],
    ['EMG/NCV of the upper extremities', 'Upheld'],
    ['Electro acupuncture to the low back two times a week times six weeks', 'Upheld'],
    ['Infrared heat to the low back two times a week times six weeks', 'Upheld'],
    ['Myofascial release to the low back two times a week times six weeks', 'Upheld'],
    ['MRI of the lumbar spine', 'Upheld'],
    ['Chiropractic care to the low back two times a week for four weeks', 'Upheld'],
    ['Ultram 50mg #30', 'Upheld'],
    ['Flexeril 10mg #60', 'Upheld'],
    ['Physical therapy to the low back two sessions', 'Upheld'],
  ],
};

/** True findings in real letters: slips a reader should be shown (see imr-letters/SOURCES.md). */
const TRUE_FINDINGS: Record<string, string[]> = {
  '005.txt': ['summary.injury-date-mismatch'],
};

describe('real letters', { skip }, () => {
  test('every letter in the folder has expectations', () => {
    assert.deepEqual(
      readdirSync(DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort(),
      Object.keys(EXPECTED).sort(),
    );
  });

  test('every guideline field cites at least one guideline the catalog knows (or states that none was relied on)', (t) => {
    const unresolved: string[] = [];
    let fields = 0;
    for (const file of Object.keys(EXPECTED)) {
      for (const item of parseLetter(readFileSync(join(DIR, file), 'utf8')).items) {
        for (const field of item.fields.filter((f) => f.kind !== 'rationale')) {
          fields++;
          const cites = field.citations ?? [];
          if (!cites.some((c) => c.entry || c.statement)) unresolved.push(`${file} ${item.name}: ${field.value?.text}`);
          for (const c of cites.filter((c) => c.kind === 'mtus' || c.kind === 'non-mtus')) {
            if (!c.entry) unresolved.push(`${file}: ${c.span.text}`);
            for (const p of c.kind === 'mtus' ? c.parts.filter((p) => !p.entry) : [])
              unresolved.push(`${file}: section ${p.span.text}`);
          }
        }
      }
    }
    t.diagnostic(`${fields} guideline fields; unresolved: ${unresolved.length ? unresolved.join(' | ') : 'none'}`);
    assert.deepEqual(unresolved, []);
  });

  for (const [file, items] of Object.entries(EXPECTED)) {
    test(`${file}: every item and decision, all fields, no error or warning but its true findings`, () => {
      const letter = parseLetter(readFileSync(join(DIR, file), 'utf8'));
      assert.deepEqual(
        letter.items.map((i) => [i.name, i.decision?.value]),
        items,
      );
      for (const item of letter.items) assert.equal(item.fields.filter((f) => f.value).length, 3, item.name);
      assert.equal(letter.sections.length, 3);
      assert.equal(letter.reviewer.fields.filter((f) => f.value).length, 2);
      assert.equal(letter.header?.fields.length ?? 0, file === '000.txt' ? 0 : 7);
      const serious = checkLetter(letter).filter((p) => p.severity === 'error' || p.severity === 'warning');
      assert.deepEqual(
        serious.map((p) => p.ruleId),
        TRUE_FINDINGS[file] ?? [],
        serious.map((p) => p.message).join('\n'),
      );

      // The outline lists every item, named by its decision and the treatment.
      const issues = documentSymbols(letter).find((s) => s.name.startsWith('IMR issues'))!;
      assert.deepEqual(
        issues.children!.map((s) => s.name),
        items.map(([name, decision]) => `${decision} · ${name}`),
      );
    });
  }
});
