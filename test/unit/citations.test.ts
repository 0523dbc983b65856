import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completions } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { documentLinks } from '../../server/src/features/links';
import { escapeMarkdown } from '../../server/src/features/markdown';
import { documentSymbols } from '../../server/src/features/symbols';
import { allCitations } from '../../server/src/letter/citation-list';
import type { Citation } from '../../server/src/letter/model';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';

const CA = 'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.';

/** The letter with the first item's Claims Administrator guideline replaced, and that field's citations. */
function cite(guideline: string): { text: string; citations: Citation[] } {
  const text = edit(VALID_LETTER, CA, `Claims Administrator guideline: ${guideline}`);
  return { text, citations: parseLetter(text).items[0].fields[0].citations ?? [] };
}

/** Markdown as it renders: backslash escapes removed. */
const plain = (md: string) => md.replace(/\\(.)/g, '$1');

const summary = (c: Citation) => ({
  kind: c.kind,
  entry: c.entry?.id,
  parts: c.parts.map((p) => [p.span.text, p.entry?.id]),
  pages: c.pages.map((p) => [p.from, p.to]),
});

describe('citations', () => {
  test('2016-17 style: chained guidelines, topic lists whose topics hold commas, wrapped lines', () => {
    const { citations } = cite(
      'Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Chronic Pain\nMedical Treatment 2016, Section(s): NSAIDs, GI symptoms & cardiovascular risk, Facet blocks.',
    );
    assert.deepEqual(citations.map(summary), [
      { kind: 'mtus', entry: 'mtus-acoem2-ch12', parts: [['Summary', 'mtus-acoem2-section-summary']], pages: [] },
      {
        kind: 'mtus',
        entry: 'mtus-cpmtg-2016',
        parts: [
          ['NSAIDs, GI symptoms & cardiovascular risk', 'mtus-cpmtg-2016-nsaids--gi-symptoms---cardiovascular-ris'],
          ['Facet blocks', 'mtus-cpmtg-2016-facet-blocks'],
        ],
        pages: [],
      },
    ]);
  });

  test('numbered opioid sections, and names shared by several chapters settled by their section', () => {
    const opioids = cite(
      'Decision based on MTUS Opioid Treatment 2016, Section(s): 1.4 Opioids for Acute Pain: Opioids for Post-operative\nPain, 3.3.6 Opioids for Chronic Pain and Chronic Opioid Treatment: Use of Urine Drug Testing (UDT).',
    ).citations;
    assert.deepEqual(
      opioids[0].parts.map((p) => p.entry?.id),
      ['mtus-opioids-2016-s1-4', 'mtus-opioids-2016-s3-3-6'],
    );
    const general = cite(
      'Decision based on MTUS General Approaches 2004, Section(s): Cornerstones of Disability Prevention and Management.',
    ).citations;
    assert.equal(general[0].entry?.id, 'mtus-acoem2-ch05');
  });

  test('2014-15 style: chapter and pages, a topic and its page', () => {
    const chapter = cite(
      'Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): Chapter 8 Neck\nand Upper Back Disorders, Introductory Material, Special Studies, page(s) 171-\n171, 177-179.',
    );
    assert.deepEqual(summary(chapter.citations[0]), {
      kind: 'mtus',
      entry: 'mtus-acoem2-ch08',
      parts: [
        ['Introductory Material', 'mtus-acoem2-section-introductory-material'],
        ['Special Studies', 'mtus-acoem2-section-special-studies'],
      ],
      pages: [
        [171, 171],
        [177, 179],
      ],
    });
    const page = chapter.citations[0].pages[0];
    assert.equal(page.range.start.line, lineOf(chapter.text, 'page(s) 171-'));
    assert.equal(
      page.range.end.line,
      page.range.start.line + 1,
      'a page range wrapped over a line break keeps both ends',
    );
    const topic = cite(
      'Decision based on MTUS Chronic Pain Treatment Guidelines Epidural Steroid injections, page 46.',
    ).citations;
    assert.deepEqual(summary(topic[0]), {
      kind: 'mtus',
      entry: 'mtus-cpmtg-2009',
      parts: [['Epidural Steroid injections', 'mtus-cpmtg-2009-epidural-steroid-injections--esis']],
      pages: [[46, 46]],
    });
  });

  test('non-MTUS: ODG written many ways, ACOEM 3rd ed. with pg., UpToDate, web addresses, and the fixed statements', () => {
    const cases: [string, string | undefined][] = [
      ['Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter.', 'odg-low-back'],
      [
        'Decision based on Non-MTUS Citation Official Disability Guidelines, Neck and Upper Back (Acute & Chronic), MRIs.',
        'odg-neck',
      ],
      [
        'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), 2016, Neck and Upper Back, Indications for imaging.',
        'odg-neck',
      ],
      ['Decision based on Non-MTUS Citation ODG guidelines, Knee & Leg, MRI.', 'odg-knee'],
      [
        'Decision based on NonMTUS Official Disability Guidelines (ODG) Forearm, Wrist and Hand Chapter (updated 11/23/16) Electrodiagnostic studies.',
        'odg-forearm-wrist-hand',
      ],
      [
        'Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607.',
        'acoem3-low-back',
      ],
      ['Decision based on Non-MTUS Citation Baclofen, accessed from UpToDate.com.', 'uptodate'],
      ['Decision based on Non-MTUS Citation Some Society position paper, https://example.org/paper.', undefined],
    ];
    for (const [guideline, id] of cases) {
      const [c] = cite(guideline).citations;
      assert.equal(c.kind, 'non-mtus', guideline);
      assert.equal(c.entry?.id, id, guideline);
    }
    assert.equal(cite(cases[5][0]).citations[0].pages[0].from, 607);
    assert.equal(cite(cases[7][0]).citations[0].url, 'https://example.org/paper');
    const statements = cite(
      'The Claims Administrator based their decision on recommendation(s) outside of the MTUS\nGuidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain.',
    ).citations;
    assert.deepEqual(
      statements.map((c) => [c.kind, c.statement ?? c.entry?.id]),
      [
        ['statement', 'outside-mtus'],
        ['non-mtus', 'odg-pain'],
      ],
    );
  });

  test('ODG run into the word before it ("CitationODG", as the fuzzer found) is read, not a crash', () => {
    const { citations } = cite('Decision based on Non-MTUS CitationODG, Low Back Chapter.');
    assert.deepEqual(
      citations.map((c) => [c.kind, c.entry?.id]),
      [['non-mtus', 'odg-low-back']],
    );
  });

  test('in rationales: chapter, table and page; page N of a guideline; 8 C.C.R. sections; MTUS/ACOEM', () => {
    const text = edit(
      VALID_LETTER,
      'The guidelines support a brace for instability only.',
      'Per MTUS Guideline in ACOEM Chapter 13, Table 13-2, pages 335-336 and page 82 of the MTUS Chronic\nPain Medical Treatment Guidelines (July 28, 2016), and 8 C.C.R. 9792.24.4, the CA MTUS/ACOEM Guidelines agree.',
    );
    const prose = parseLetter(text).items[0].fields[2].citations!;
    assert.deepEqual(
      prose.map((c) => [c.entry?.id, c.table?.text, c.pages.map((p) => [p.from, p.to])]),
      [
        ['mtus-acoem2-ch13', 'Table 13-2', [[335, 336]]],
        ['mtus-cpmtg-2016', undefined, [[82, 82]]],
        ['mtus-opioids-2016', undefined, []],
        ['mtus-acoem2', undefined, []],
      ],
    );
  });

  test('the valid fixture letter resolves every guideline citation', () => {
    const field = allCitations(parseLetter(VALID_LETTER)).filter((c) => c.kind !== 'prose');
    assert.ok(field.length >= 4);
    assert.deepEqual(
      field.filter((c) => !c.entry && !c.statement).map((c) => c.span.text),
      [],
    );
  });
});

describe('hover and links on citations', () => {
  test('a hover names the guideline, its place in the MTUS, what was cited, and links to read it', () => {
    const { text } = cite('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300.');
    const line = lineOf(text, 'Chapter 12 Low Back');
    const h = hover(parseLetter(text), { line, character: text.split('\n')[line].indexOf('Low Back') })!;
    const md = plain((h.contents as { value: string }).value);
    assert.match(md, /\*\*ACOEM Ch\. 12 Low Back Complaints\*\*/);
    assert.match(md, /MTUS, 8 CCR §9792\.23\.5/);
    assert.match(md, /Pages: pp\. 286–326/);
    assert.match(md, /Cited: page 300/);
    assert.match(md, /\]\(https:\/\/www\.dir\.ca\.gov\/t8\/9792_23_5\.html\)/);
  });

  test('on a topic, the hover is about the topic, within its guideline; unverified pages are marked', () => {
    const { text } = cite('Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Physical medicine.');
    const line = lineOf(text, 'Physical medicine');
    const md = plain(
      (
        hover(parseLetter(text), { line, character: text.split('\n')[line].indexOf('Physical medicine') + 2 })!
          .contents as { value: string }
      ).value,
    );
    assert.match(md, /\*\*CPMTG 2009: Physical medicine\*\*/);
    assert.match(md, /In: Chronic Pain Medical Treatment Guidelines \(2009\)/);
    assert.match(md, /pp\. 98–99 \(unverified\)/);
  });

  test('an unknown citation says so plainly, and letter text in a hover is escaped', () => {
    const { text } = cite('Decision based on MTUS [click](command:workbench.action.quit) <b>Secret</b> `code` 2004.');
    const line = lineOf(text, 'click');
    const md = (
      hover(parseLetter(text), { line, character: text.split('\n')[line].indexOf('click') })!.contents as {
        value: string;
      }
    ).value;
    assert.match(md, /Guideline not in the catalog/);
    assert.ok(!/(^|[^\\])\]\(command:/.test(md), md);
    assert.ok(!md.includes('<b>'), md);
    assert.ok(!/[^\\]`code/.test(md), md);
    assert.equal(escapeMarkdown('[a](command:x) <img>'), '\\[a\\](command:x) \\<img\\>');
  });

  test('no hover away from citations', () => {
    assert.equal(hover(parseLetter(VALID_LETTER), { line: 0, character: 2 }), null);
  });

  test('document links point each resolved citation at an official page', () => {
    const links = documentLinks(parseLetter(VALID_LETTER));
    assert.ok(links.length >= 3);
    for (const l of links) assert.match(l.target!, /^https:\/\/www\.dir\.ca\.gov\//);
    const knee = links.find((l) => l.range.start.line === lineOf(VALID_LETTER, CA))!;
    assert.equal(knee.target, 'https://www.dir.ca.gov/t8/9792_23_6.html');
  });

  test("the outline lists each guideline field's citations", () => {
    const issues = documentSymbols(parseLetter(VALID_LETTER)).find((s) => s.name.startsWith('IMR issues'))!;
    const mx = issues.children![1].children![1];
    assert.deepEqual(
      mx.children!.map((c) => [c.name, c.detail]),
      [['Opioids Treatment Guidelines (2016)', '1.3 Opioids for Acute Pain: Severe Acute Injuries']],
    );
  });
});

describe('completion of guideline names', () => {
  test('after "Decision based on ", MTUS guidelines as letters name them and ODG chapters', () => {
    const prefix = 'MAXIMUS guideline: Decision based on MTUS Low';
    const list = completions({ line: 3, character: prefix.length }, prefix);
    const labels = list.map((c) => c.label);
    assert.ok(labels.includes('MTUS Low Back Complaints 2004'), labels.join(' | '));
    assert.ok(labels.includes('MTUS Chronic Pain Medical Treatment 2016'));
    assert.ok(
      labels.includes(
        'Non-MTUS Citation Official Disability Guidelines (ODG), Low Back - Lumbar & Thoracic (Acute & Chronic)',
      ),
    );
    const low = list.find((c) => c.label === 'MTUS Low Back Complaints 2004')!;
    assert.deepEqual(low.textEdit, {
      range: {
        start: { line: 3, character: prefix.length - 'MTUS Low'.length },
        end: { line: 3, character: prefix.length },
      },
      newText: 'MTUS Low Back Complaints 2004',
    });
  });

  test('after "Section(s): ", the topics of the guideline named before it', () => {
    const prefix = 'Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3';
    const labels = completions({ line: 0, character: prefix.length }, prefix).map((c) => c.label);
    assert.ok(labels.includes('3.3.6 Use of Urine Drug Testing (UDT)'), labels.join(' | '));
    const knee =
      'Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Knee Complaints 2004, Section(s): Initial Care, Spe';
    const acoem = completions({ line: 0, character: knee.length }, knee).map((c) => c.label);
    assert.ok(acoem.includes('Special Studies'));
  });

  test('nothing elsewhere', () => {
    assert.deepEqual(completions({ line: 0, character: 10 }, 'The injured'), []);
  });
});
