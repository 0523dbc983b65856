import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Position } from 'vscode-languageserver-types';
import { hover } from '../../server/src/features/hover';
import { documentLinks } from '../../server/src/features/links';
import { escapeMarkdown, webSearchUrl } from '../../server/src/features/markdown';
import { allCitations } from '../../server/src/letter/citation-list';
import { parseLetter } from '../../server/src/letter/parse';
import { checkLetter } from '../../server/src/rules';
import { VALID_LETTER, doubleSpace, edit } from '../fixtures/letters';

const CA = 'Decision based on MTUS Knee Complaints 2004.';

/** The three extraction forms of a letter: as `pdftotext -layout` writes it, with no blank lines (plain `pdftotext`), and with a blank line after every line. */
const FORMS: [string, (text: string) => string][] = [
  ['layout', (t) => t],
  ['plain', (t) => t.replace(/\n[ \t]*(?=\n)/g, '')],
  ['spaced', doubleSpace],
];

/** The fixture letter whose Claims Administrator guideline is `clause`, in one extraction form. */
function letterCiting(clause: string, form: (text: string) => string = (t) => t): string {
  return form(edit(VALID_LETTER, CA, clause));
}

/** Where `needle` starts (plus `into` characters) in the Claims Administrator's guideline field or after it, as an editor position. */
function at(text: string, needle: string, into = 1): Position {
  const offset = text.indexOf(needle, text.indexOf('Claims Administrator guideline:'));
  assert.ok(offset >= 0, `no ${JSON.stringify(needle)}`);
  const before = text.slice(0, offset + into).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

const hoverText = (text: string, p: Position) =>
  (hover(parseLetter(text), p)?.contents as { value: string } | undefined)?.value ?? '';
const linkAt = (text: string, p: Position) =>
  documentLinks(parseLetter(text)).find(
    (l) =>
      (l.range.start.line < p.line || (l.range.start.line === p.line && l.range.start.character <= p.character)) &&
      (l.range.end.line > p.line || (l.range.end.line === p.line && l.range.end.character >= p.character)),
  );

/** Each source outside the MTUS in the forms letters write it: the words hovered, the entry and the page it must link to. */
const SOURCES: { clause: string; words: string[]; entry: string; url: string; access: 'licensed' | 'free' }[] = [
  {
    clause: 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter.',
    words: ['Non-MTUS', 'Citation', 'Official', '(ODG)', 'Low Back', 'Chapter'],
    entry: 'odg-low-back',
    url: 'https://www.mcg.com/odg/',
    access: 'licensed',
  },
  {
    clause: 'Decision based on Non-MTUS Citation ODG Chiropractic guidelines.',
    words: ['ODG', 'Chiropractic', 'guidelines'],
    entry: 'odg-preface',
    url: 'https://www.mcg.com/odg/',
    access: 'licensed',
  },
  {
    clause:
      'Decision based on Non-MTUS Citation Official Disability Guidelines, 2016, Web Version, Criteria for\nskilled nursing facility.',
    words: ['Official', '2016', 'Web', 'Criteria', 'skilled', 'facility'],
    entry: 'odg',
    url: 'https://www.mcg.com/odg/',
    access: 'licensed',
  },
  {
    clause: 'Decision based on Non-MTUS Citation ODG Knee & Leg (updated 11/22/16) Chapter: Home Health\nServices.',
    words: ['ODG', 'Knee', '(updated', '11/22/16)', 'Home', 'Services'],
    entry: 'odg-knee',
    url: 'https://www.mcg.com/odg/',
    access: 'licensed',
  },
  {
    clause: 'Decision based on Non-MTUS Citation Work Loss Data Institute, Pain (chronic), 2013.',
    words: ['Work', 'Institute', 'Pain', '2013'],
    entry: 'odg',
    url: 'https://www.mcg.com/odg/',
    access: 'licensed',
  },
  {
    clause: 'Decision based on Non-MTUS Citation Cyclobenzaprine: Drug information, accessed from UpToDate.com.',
    words: ['Cyclobenzaprine', 'information', 'UpToDate.com'],
    entry: 'uptodate',
    url: 'https://www.uptodate.com/',
    access: 'licensed',
  },
  {
    clause:
      'Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back\nDisorders, pg. 607.',
    words: ['ACOEM', '3rd', 'Disorders', '607'],
    entry: 'acoem3-low-back',
    url: 'https://www.acoem.org/Guidance-and-Position-Statements/Guidelines',
    access: 'free',
  },
  {
    clause:
      'Decision based on Non-MTUS Citation American College of Occupational and Environmental Medicine\n(ACOEM), 3rd Edition, Chronic Pain.',
    words: ['American', 'Environmental', '(ACOEM)', 'Chronic'],
    entry: 'acoem',
    url: 'https://www.acoem.org/Guidance-and-Position-Statements/Guidelines',
    access: 'free',
  },
  {
    clause: 'Decision based on Non-MTUS Citation Drugs.com, Zofran (ondansetron) drug information.',
    words: ['Drugs.com', 'Zofran'],
    entry: 'drugs-com',
    url: 'https://www.drugs.com/',
    access: 'free',
  },
  {
    clause: 'Decision based on Non-MTUS Citation Lyrica (pregabalin) FDA package insert.',
    words: ['Lyrica', 'FDA', 'insert'],
    entry: 'fda-drug-labels',
    url: 'https://dailymed.nlm.nih.gov/dailymed/',
    access: 'free',
  },
  {
    clause: 'Decision based on Non-MTUS Citation DailyMed: Terocin lotion label.',
    words: ['DailyMed:', 'Terocin'],
    entry: 'dailymed',
    url: 'https://dailymed.nlm.nih.gov/dailymed/',
    access: 'free',
  },
  {
    clause: 'Decision based on Non-MTUS Citation Medscape, Ondansetron dosing.',
    words: ['Medscape', 'dosing'],
    entry: 'medscape',
    url: 'https://reference.medscape.com/',
    access: 'free',
  },
  {
    clause:
      'Decision based on Non-MTUS Citation Aetna Clinical Policy Bulletin: Transcutaneous Electrical Nerve\nStimulation (TENS), Number 0011.',
    words: ['Aetna', 'Bulletin:', 'Stimulation', '0011'],
    entry: 'aetna-cpb',
    url: 'https://www.aetna.com/health-care-professionals/clinical-policy-bulletins/medical-clinical-policy-bulletins.html',
    access: 'free',
  },
  {
    clause: 'Decision based on Non-MTUS Citation The Medical Disability Advisor, Lumbar Sprain.',
    words: ['Medical', 'Advisor', 'Sprain'],
    entry: 'mdguidelines',
    url: 'https://www.mdguidelines.com/',
    access: 'licensed',
  },
  {
    clause: 'Decision based on Non-MTUS Citation RxList, Soma (carisoprodol).',
    words: ['RxList', 'Soma'],
    entry: 'rxlist',
    url: 'https://www.rxlist.com/',
    access: 'free',
  },
];

describe('sources outside the MTUS, in the forms letters write them', () => {
  for (const s of SOURCES) {
    for (const [formName, form] of FORMS) {
      test(`${s.entry} (${formName}): ${s.clause.replace(/\s+/g, ' ').slice(18, 90)}`, () => {
        const text = letterCiting(s.clause, form);
        const cited = allCitations(parseLetter(text)).filter((c) => c.kind === 'non-mtus');
        assert.deepEqual(
          cited.map((c) => c.entry?.id),
          [s.entry],
        );
        for (const word of s.words) {
          const p = at(text, word);
          const md = hoverText(text, p);
          assert.ok(md.includes(`](${s.url})`), `hover on ${word} links to ${s.url}:\n${md}`);
          const note = s.access === 'licensed' ? '(licensed: the guideline text needs a subscription)' : '(free';
          assert.ok(md.includes(note), `hover on ${word} says ${note}`);
          const link = linkAt(text, p);
          assert.ok(link, `a document link on ${word}`);
          assert.ok(link.target!.startsWith('https://'), link.target);
        }
        assert.deepEqual(
          checkLetter(parseLetter(text)).filter((f) => f.ruleId === 'citation.unresolved'),
          [],
        );
      });
    }
  }
});

test('an address the research could not confirm says so', () => {
  const text = letterCiting('Decision based on Non-MTUS Citation Medscape, Ondansetron dosing.');
  assert.match(
    hoverText(text, at(text, 'Medscape')),
    /\]\(https:\/\/reference\.medscape\.com\/\) \(free; address unverified\)/,
  );
  const known = letterCiting('Decision based on Non-MTUS Citation Drugs.com, Zofran.');
  assert.match(hoverText(known, at(known, 'Drugs.com')), /\]\(https:\/\/www\.drugs\.com\/\) \(free\)/);
});

describe('the whole citation', () => {
  for (const [formName, form] of FORMS) {
    test(`from "MTUS" to its last section, wrapped over lines (${formName})`, () => {
      const text = letterCiting(
        'Decision based on MTUS Low Back Complaints 2004, Section(s): Initial Care,\nSpecial Studies.',
        form,
      );
      for (const word of ['MTUS', 'Low', '2004', 'Section(s)', 'Initial', 'Special', 'Studies']) {
        const md = hoverText(text, at(text, word));
        assert.match(md, /ACOEM Ch\. 12 Low Back Complaints/, `hover on ${word}`);
        assert.match(md, /\]\(https:\/\/www\.dir\.ca\.gov\//, `hover on ${word} links to the DWC`);
        assert.ok(linkAt(text, at(text, word)), `a document link on ${word}`);
      }
      // The words before the citation are not part of it.
      assert.equal(linkAt(text, at(text, 'Decision based on MTUS Low')), undefined);
    });
  }

  test('each of two chained guidelines from its own name; the "and" between them is neither', () => {
    const text = letterCiting(
      'Decision based on MTUS Shoulder Complaints 2004, Section(s): Initial Care, and Postsurgical Treatment\n2009, Section(s): Shoulder.',
    );
    assert.match(hoverText(text, at(text, 'MTUS Shoulder')), /Shoulder Complaints/);
    assert.match(hoverText(text, at(text, 'Postsurgical')), /Postsurgical Treatment Guidelines/);
    assert.equal(hoverText(text, at(text, 'and Postsurgical')), '');
  });
});

describe('a source the catalog does not know', () => {
  const text = letterCiting('Decision based on Non-MTUS Citation Journal of Pain Research [2015]; 8: 123-130.');

  test('gets a hover that says so, with a web search for its exact words, and a hint', () => {
    const md = hoverText(text, at(text, 'Journal'));
    assert.match(md, /Guideline not in the catalog/);
    assert.ok(md.includes(`](${webSearchUrl('Non-MTUS Citation Journal of Pain Research [2015]; 8: 123-130')})`), md);
    const findings = checkLetter(parseLetter(text)).filter((f) => f.ruleId === 'citation.unresolved');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'hint');
  });

  test('gets no document link: only known pages are linked', () => {
    assert.equal(linkAt(text, at(text, 'Journal')), undefined);
  });

  test('the search address is one a Markdown link cannot be broken by', () => {
    const url = webSearchUrl('a (b) [c]\n<d> "e" \'f\' *g*');
    assert.match(url, /^https:\/\/duckduckgo\.com\/\?q=[A-Za-z0-9%._~-]+$/);
    assert.equal(decodeURIComponent(url.slice(url.indexOf('=') + 1)), 'a (b) [c] <d> "e" \'f\' *g*');
  });
});

describe('parts of a section list that name no guideline part', () => {
  const unresolved = (text: string) =>
    checkLetter(parseLetter(text))
      .filter((f) => f.ruleId === 'citation.unresolved')
      .map((f) => f.message);

  test('a page number, a page range, a year, an edition or a table is not an unknown section', () => {
    for (const list of [
      '326',
      '303-305',
      'Special Studies, 303',
      'Initial Care, 2016',
      'Special Studies, pg. 309',
      'Initial Care, Table 12-8',
      'Summary, 3rd ed.',
      '(updated 11/22/16)',
      'Summary, page(s) 303',
      'Initial Care, Page(s): 300-301',
    ]) {
      const text = letterCiting(`Decision based on MTUS Low Back Complaints 2004, Section(s): ${list}.`);
      assert.deepEqual(unresolved(text), [], list);
    }
  });

  test('a bare page number is read as a page of the chapter', () => {
    const text = letterCiting('Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies, 303-305.');
    const [c] = allCitations(parseLetter(text)).filter((x) => x.kind === 'mtus' && x.entry?.id === 'mtus-acoem2-ch12');
    assert.deepEqual(
      c.pages.map((p) => [p.from, p.to]),
      [[303, 305]],
    );
    assert.deepEqual(
      c.parts.map((p) => p.entry?.id),
      ['mtus-acoem2-section-special-studies'],
    );
  });

  test('an opioid section cited by number alone is still a section, and an unknown name still a finding', () => {
    const numbered = allCitations(
      parseLetter(letterCiting('Decision based on MTUS Opioid Treatment 2016, Section(s): 2.')),
    )[0];
    assert.deepEqual(
      numbered.parts.map((p) => p.entry?.id),
      ['mtus-opioids-2016-s2'],
    );
    assert.deepEqual(
      unresolved(letterCiting('Decision based on MTUS Low Back Complaints 2004, Section(s): Magic Cures, 303.')),
      ['Section "Magic Cures" of ACOEM Ch. 12 Low Back Complaints is not in the catalog.'],
    );
  });
});

describe('hover text as a plain-text client shows it', () => {
  test('ordinary letter text is left as written', () => {
    for (const plain of [
      'ACOEM Ch. 12, pp. 286–326',
      'MTUS, 8 CCR §9792.23.5',
      'Knee & Leg (Acute & Chronic)',
      'Opioids 2016 §1.3: Severe Acute Injuries',
      'Pain (chronic); 2013!',
      'e.g. 50% of "cases" = 1/2 + 3 @ 2 www',
      'awww.x',
      'Opioid-induced constipation',
      '1.4 Opioids for Acute Pain',
      '-2 points',
      '#3 of 4',
      '= equal',
      '2016 guidelines',
    ]) {
      assert.equal(escapeMarkdown(plain), plain);
    }
  });

  test('what would change the rendering is escaped where it would', () => {
    const cases: [string, string][] = [
      ['[x](https://e.com)', '\\[x\\](https\\://e.com)'],
      ['![img](a)', '!\\[img\\](a)'],
      ['<b>bold</b>', '\\<b\\>bold\\</b\\>'],
      ['`code`', '\\`code\\`'],
      ['*em* _em_ ~~del~~', '\\*em\\* \\_em\\_ \\~\\~del\\~\\~'],
      ['a | b', 'a \\| b'],
      ['back\\slash', 'back\\\\slash'],
      ['&amp; &#60; & AT&T', '\\&amp; \\&#60; & AT&T'],
      ['# heading', '\\# heading'],
      ['- item', '\\- item'],
      ['+ item', '\\+ item'],
      ['==', '\\=='],
      ['---', '\\---'],
      ['12. item', '12\\. item'],
      ['3) item', '3\\) item'],
      ['see www.x.com or https://x.com', 'see www\\.x.com or https\\://x.com'],
      ['write to a@b.org', 'write to a\\@b.org'],
      ['two\n\nlines', 'two lines'],
    ];
    for (const [text, escaped] of cases) assert.equal(escapeMarkdown(text), escaped, text);
  });

  test('a citation hover holds no backslash where the text has nothing to escape', () => {
    const text = letterCiting('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300.');
    const md = hoverText(text, at(text, 'Low Back'));
    assert.match(md, /\*\*ACOEM Ch\. 12 Low Back Complaints\*\*/);
    assert.match(md, /MTUS, 8 CCR §9792\.23\.5/);
    assert.ok(!md.includes('\\'), md);
  });
});
