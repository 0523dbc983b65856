import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';
import { CLI, run } from './run-cli';

describe('imr-lint', { skip: existsSync(CLI) ? false : `no bundle at ${CLI}: run node esbuild.mjs` }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-lint-'));
  const broken = edit(VALID_LETTER, 'Priority:             Standard', 'Priority:             Urgent  ');
  writeFileSync(join(dir, 'good.imr'), VALID_LETTER);
  writeFileSync(join(dir, 'broken.imr'), broken);
  writeFileSync(join(dir, 'notes.md'), 'not a letter, not looked at');

  test('a clean letter: exit 0 and nothing on stdout', () => {
    const r = run(['good.imr'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.match(r.err, /^1 letter checked: 2 items \(1 upheld, 1 overturned\), 0 errors, 0 warnings\n$/);
  });

  test('findings as file:line:col severity rule message, exit 1; folders searched for letters only', () => {
    const r = run(['.'], dir);
    assert.equal(r.code, 1);
    const col = broken.split('\n')[lineOf(broken, 'Urgent')].indexOf('Urgent') + 1;
    assert.equal(
      r.out,
      `broken.imr:${lineOf(broken, 'Urgent') + 1}:${col} error header.bad-priority Priority "Urgent" is neither Standard nor Expedited.\n`,
    );
    assert.match(
      r.err,
      /^2 letters checked: 4 items \(2 upheld, 2 overturned\), 1 error, 0 warnings\n +1 {2}header\.bad-priority\n$/,
    );
  });

  test('--rule changes a level; --outline prints items with decisions', () => {
    const r = run(['--rule', 'header.bad-priority=warning', '--outline', 'broken.imr'], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /warning header\.bad-priority/);
    assert.match(r.out, /\n {4}Upheld · Hinged knee brace, left {2}\(line \d+\)\n/);
  });

  test('usage and read errors: exit 2 with a clear message, and the other files are still checked', () => {
    assert.equal(run([], dir).code, 2);
    assert.match(run(['--rule', 'nope=error', 'good.imr'], dir).err, /--rule takes ID=LEVEL/);
    const r = run(['missing.imr', 'broken.imr'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read missing\.imr/);
    assert.match(r.out, /header\.bad-priority/);
  });

  test('a glob the shell did not expand (quoted, or on Windows) names the files it matches', () => {
    const sub = join(dir, 'glob');
    mkdirSync(join(sub, 'nested'), { recursive: true });
    writeFileSync(join(sub, 'a.imr'), VALID_LETTER);
    writeFileSync(join(sub, 'nested', 'b.imr'), broken);
    writeFileSync(join(sub, 'nested', 'c.txt'), VALID_LETTER);
    const top = run(['glob/*.imr'], dir);
    assert.equal(top.code, 0);
    assert.match(top.err, /^1 letter checked/);
    const deep = run(['glob/**/*.imr'], dir);
    assert.equal(deep.code, 1);
    assert.match(deep.err, /^2 letters checked/);
    assert.match(deep.out, /^glob\/nested\/b\.imr:\d+:\d+ error header\.bad-priority/);
    const none = run(['glob/*.pdf', 'good.imr'], dir);
    assert.equal(none.code, 2);
    assert.match(none.err, /no file matches glob\/\*\.pdf\n1 letter checked/);
  });

  test('--fix applies the safe fixes in place and changes nothing else; a non-UTF-8 file is left alone', () => {
    // A mid-line "red- flag" is punctuation: --fix leaves it as written.
    const before = edit(
      edit(edit(VALID_LETTER, 'left: Upheld', 'left: upheld'), 'No instability is', 'No red- flag instability is'),
      'Standard ',
      'standard ',
    ).replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'fixable.imr'), '\ufeff' + before);
    const r = run(['--fix', 'fixable.imr'], dir);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.err, /fixable\.imr: 2 fixes applied/);
    const after = readFileSync(join(dir, 'fixable.imr'), 'utf8');
    assert.equal(after, '\ufeff' + before.replace('left: upheld', 'left: Upheld').replace('standard ', 'Standard '));
    const bytes = Buffer.from(edit(VALID_LETTER, 'left: Upheld', 'left: upheld') + 'caf\u00e9\n', 'latin1');
    writeFileSync(join(dir, 'latin-fix.imr'), bytes);
    const l = run(['--fix', 'latin-fix.imr'], dir);
    assert.match(l.err, /latin-fix\.imr is not UTF-8; not fixed/);
    assert.deepEqual(readFileSync(join(dir, 'latin-fix.imr')), bytes);
  });

  test('imr-lint annotations prints the worksheet, the table or W3C JSON', () => {
    writeFileSync(
      join(dir, 'annotated.imr'),
      VALID_LETTER.replace('No instability is', 'No {==instability==}{>>appeal-fact: laxity on exam<<} is'),
    );
    const md = run(['annotations', 'annotated.imr'], dir);
    assert.equal(md.code, 0);
    assert.match(md.out, /## Hinged knee brace, left: Upheld\n\n- \*\*appeal-fact\*\* \(line \d+\): laxity on exam/);
    const csv = run(['annotations', '--format', 'csv', 'annotated.imr', 'good.imr'], dir);
    assert.equal(csv.out.split('\r\n').filter(Boolean).length, 2);
    const json = JSON.parse(run(['annotations', '--format', 'json', 'annotated.imr'], dir).out);
    assert.equal(json.total, 1);
    // Several letters: an array of the same objects, written as each letter is done.
    const both = JSON.parse(run(['annotations', '--format', 'json', 'annotated.imr', 'good.imr'], dir).out);
    assert.deepEqual([both.length, both[0]], [2, json]);
    assert.equal(run(['annotations', '--format', 'pdf', 'annotated.imr'], dir).code, 2);
  });

  test('--format json: one object per letter with header, items, decisions, citations and findings', () => {
    const [letter] = JSON.parse(run(['--format', 'json', 'broken.imr'], dir).out);
    assert.equal(letter.caseNumber, 'CM16-0123456');
    assert.equal(letter.header.priority, 'Urgent');
    assert.deepEqual(
      letter.items.map((i: { name: string; decision: string }) => [i.name, i.decision]),
      [
        ['Hinged knee brace, left', 'Upheld'],
        ['Tramadol ER 100mg #30 day supply: 30 with two refills', 'Overturned'],
      ],
    );
    assert.equal(letter.items[0].citations[0].guideline, 'mtus-acoem2-ch13');
    assert.deepEqual(
      letter.findings.map((f: { rule: string }) => f.rule),
      ['header.bad-priority'],
    );
  });

  test('--format sarif: SARIF 2.1.0 with the rules and 1-based regions', () => {
    const log = JSON.parse(run(['--format', 'sarif', 'broken.imr'], dir).out);
    assert.equal(log.version, '2.1.0');
    const [result] = log.runs[0].results;
    assert.equal(result.ruleId, 'header.bad-priority');
    assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].id, 'header.bad-priority');
    assert.equal(result.locations[0].physicalLocation.region.startLine, lineOf(broken, 'Urgent') + 1);
  });

  test('export: one row per disputed item, as CSV or JSON lines', () => {
    const csv = run(['export', 'good.imr', 'broken.imr'], dir).out.split('\r\n').filter(Boolean);
    assert.equal(
      csv[0],
      'file,case_number,date_of_injury,ur_denial_date,application_received,date_assigned,decision_date,priority,licensure,specialty,item,decision,associated_surgical_service,modified_request,claims_administrator_guidelines,maximus_guidelines,rationale_guidelines,rationale_concludes,category,subcategory,region,drug',
    );
    assert.equal(csv.length, 5);
    assert.match(
      csv[1],
      /^good\.imr,CM16-0123456,09\/13\/2016,10\/03\/2016,11\/01\/2016,11\/09\/2016,12\/09\/2016,Standard,"California,Oregon","Physical Medicine & Rehabilitation, Pain Management","Hinged knee brace, left",Upheld,no,no,ACOEM Ch\. 13 Knee Complaints,ACOEM Ch\. 13 Knee Complaints,,not medically necessary,dmepos,,knee,$/,
    );
    // --bom: the same table after a byte order mark (for Excel); for CSV only.
    assert.equal(
      run(['export', '--bom', 'good.imr', 'broken.imr'], dir).out,
      '\ufeff' + run(['export', 'good.imr', 'broken.imr'], dir).out,
    );
    assert.ok(
      run(['annotations', '--format', 'csv', '--bom', 'good.imr'], dir).out.startsWith('\ufefffile,case_number,'),
    );
    const jsonlBom = run(['export', '--format', 'jsonl', '--bom', 'good.imr'], dir);
    assert.deepEqual([jsonlBom.code, jsonlBom.out], [2, '']);
    assert.match(jsonlBom.err, /--bom is for CSV output/);
    const rows = run(['export', '--format', 'jsonl', 'good.imr'], dir)
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      rows.map((r) => [r.decision, r.rationale_concludes]),
      [
        ['Upheld', 'not medically necessary'],
        ['Overturned', 'medically necessary'],
      ],
    );
    assert.deepEqual(
      rows.map((r) => [r.category, r.subcategory, r.drug]),
      [
        ['dmepos', '', ''],
        ['pharmaceuticals', 'opioids', 'tramadol'],
      ],
    );
    // The guidelines a rationale names, each once; none when it names none or reaches no conclusion.
    const cites = edit(
      VALID_LETTER,
      'The guidelines support a brace for instability only.',
      'ODG and the ACOEM Guidelines support a brace for instability only, as ODG says again.',
    );
    writeFileSync(
      join(dir, 'cites.imr'),
      edit(cites, 'The request for\nTramadol ER 100mg #30 is medically necessary.', 'Tramadol helps.'),
    );
    const cited = run(['export', '--format', 'jsonl', 'cites.imr'], dir)
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      cited.map((r) => [r.rationale_guidelines, r.rationale_concludes]),
      [
        [
          'Official Disability Guidelines (ODG); ACOEM Occupational Medicine Practice Guidelines, 2nd ed. (2004), as adopted in the MTUS',
          'not medically necessary',
        ],
        ['', ''],
      ],
    );
  });

  test('export names each file that gave no rows, and why, and exits 1; the other files are still exported', () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-good.imr'), VALID_LETTER);
    writeFileSync(join(folder, 'b-empty.imr'), ' \n\f\n');
    writeFileSync(join(folder, 'c-scan.imr'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
    writeFileSync(join(folder, 'd-list.txt'), 'milk, eggs\n');
    writeFileSync(join(folder, 'e-header-only.imr'), VALID_LETTER.slice(0, VALID_LETTER.indexOf('HOW THE IMR')));
    const r = run(['export', 'mixed'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out, run(['export', 'mixed/a-good.imr'], dir).out);
    assert.equal(
      r.err,
      [
        'imr-lint: mixed/b-empty.imr: no rows: the file is empty',
        'imr-lint: mixed/c-scan.imr: no rows: the file is not text (it holds NUL bytes or control characters)',
        'imr-lint: mixed/d-list.txt: no rows: no IMR letter found in it (no header, heading or disputed item)',
        'imr-lint: mixed/e-header-only.imr: no rows: no disputed item found in the letter',
        '5 files, 2 rows (1 upheld, 1 overturned); 4 files gave no rows (named above)',
        '',
      ].join('\n'),
    );
    const good = run(['export', '--format', 'jsonl', 'mixed/a-good.imr'], dir);
    assert.deepEqual([good.code, good.err], [0, '1 file, 2 rows (1 upheld, 1 overturned)\n']);
  });

  test('a config file sets levels; the command line wins over it', () => {
    writeFileSync(join(dir, '.imr-lint.json'), JSON.stringify({ rules: { 'header.bad-priority': 'warning' } }));
    assert.equal(run(['broken.imr'], dir).code, 0);
    assert.equal(run(['--rule', 'header.bad-priority=error', 'broken.imr'], dir).code, 1);
    writeFileSync(join(dir, '.imr-lint.json'), '{ not json');
    assert.match(run(['broken.imr'], dir).err, /cannot read the config file \.imr-lint\.json/);
    writeFileSync(join(dir, '.imr-lint.json'), JSON.stringify({ rules: {} }));
  });

  test('many letters are checked in parallel, with the same output in the same order', () => {
    const many = mkdtempSync(join(tmpdir(), 'imr-many-'));
    // A priority misspelled: an error with a fix, which a worker must not try to send back.
    const fixable = edit(VALID_LETTER, 'Priority:             Standard', 'Priority:             standard');
    for (let i = 0; i < 450; i++)
      writeFileSync(join(many, `l${String(i).padStart(4, '0')}.imr`), i % 7 === 0 ? fixable : VALID_LETTER);
    const r = run(['.'], many);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 65);
    assert.deepEqual(
      lines.map((l) => l.slice(0, 9)),
      Array.from({ length: 65 }, (_, k) => `l${String(k * 7).padStart(4, '0')}.imr`),
    );
    assert.match(r.err, /^450 letters checked: 900 items \(450 upheld, 450 overturned\), 65 errors/);
    // The machine-readable forms come from the workers too: each finding once, in the same order.
    const sarif = JSON.parse(run(['--format', 'sarif', '.'], many).out) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.deepEqual(
      sarif.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri.slice(0, 9)),
      lines.map((l) => l.slice(0, 9)),
    );
    const json = JSON.parse(run(['--format', 'json', '.'], many).out) as { findings: unknown[] }[];
    assert.equal(json.length, 450);
    assert.equal(
      json.reduce((n, l) => n + l.findings.length, 0),
      65,
    );
  });

  test('binary, empty and Windows-1252 files: a clear finding, no crash, no lost text; curly quotes and dashes read as Windows-1252 means them', () => {
    writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff]));
    const r = run(['scan.txt'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /scan\.txt:1:1 error letter\.binary/);
    // An empty file (an extraction that gave no text) is named, not passed over in silence.
    writeFileSync(join(dir, 'empty.imr'), '');
    const empty = run(['empty.imr'], dir);
    assert.equal(empty.code, 0);
    assert.equal(empty.out, 'empty.imr:1:1 warning letter.empty This file is empty: there is no letter to check.\n');
    // Windows-1252: é is 0xE9, the em dash 0x97 (Latin-1 would read a control character there).
    writeFileSync(
      join(dir, 'latin.imr'),
      Buffer.from(VALID_LETTER.replace('left', 'left caf\u00e9 \u0097 x'), 'latin1'),
    );
    const latin = run(['--outline', 'latin.imr'], dir);
    assert.equal(latin.code, 0);
    assert.match(latin.out, /Hinged knee brace, left café \u2014 x/);
  });
});
