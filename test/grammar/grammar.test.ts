import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { type IGrammar, INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import { DEFAULT_KINDS } from '../../server/src/vocabulary/annotation-kinds';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER } from '../fixtures/letters';

const ROOT = join(__dirname, '..', '..');
const LETTERS = join(ROOT, '..', 'shared', 'imr-letters');

/** Loads the grammar the way VS Code does: from package.json's contributes.grammars. */
async function loadGrammar(): Promise<IGrammar> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const contributed = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'imr-letter');
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s) => new oniguruma.OnigScanner(s),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === contributed.scopeName
        ? parseRawGrammar(readFileSync(join(ROOT, contributed.path), 'utf8'), contributed.path)
        : null,
  });
  return (await registry.loadGrammar(contributed.scopeName))!;
}

/** Each line's tokens as [text, scopes]. */
function tokenize(grammar: IGrammar, text: string): [string, string[]][][] {
  let state = INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes]);
  });
}

/** The scopes of the first token on the line that holds exactly `text`. */
function scopesOf(lines: [string, string[]][][], text: string): string[] {
  for (const line of lines) for (const [t, scopes] of line) if (t === text) return scopes;
  throw new Error(`no token ${JSON.stringify(text)}`);
}

/** The scopes of every character: chars[line][column]. */
function charScopes(grammar: IGrammar, text: string): string[][][] {
  return tokenize(grammar, text).map((tokens) => tokens.flatMap(([t, scopes]) => Array.from(t, () => scopes)));
}

/** Whether a scope list holds `scope` or a scope under it, as a theme selector matches (`markup.deleted` matches `markup.deleted.x`). */
function has(scopes: readonly string[] | undefined, scope: string): boolean {
  return (scopes ?? []).some((s) => s === scope || s.startsWith(`${scope}.`));
}

// ---------------------------------------------------------------------------------------------
// Fixture snippets with inline expectations. In a `yes` snippet every ⟦marked⟧ span must carry
// the scope on each of its non-blank characters, and the characters right beside the span must
// not (so the scope covers exactly the span). In a `no` snippet no ⟦marked⟧ span, or, with no
// marks, no character at all, may carry it. Snippets may run over several lines.
// ---------------------------------------------------------------------------------------------

interface Mark {
  line: number;
  from: number;
  to: number;
}

/** The text without its ⟦ ⟧ marks, and where the marks were. */
function unmark(snippet: string): { text: string; marks: Mark[] } {
  const marks: Mark[] = [];
  const lines = snippet.split('\n').map((raw, line) => {
    let out = '';
    let open = -1;
    for (const ch of raw) {
      if (ch === '⟦') open = out.length;
      else if (ch === '⟧') {
        marks.push({ line, from: open, to: out.length });
        open = -1;
      } else out += ch;
    }
    return out;
  });
  return { text: lines.join('\n'), marks };
}

interface Case {
  scope: string;
  yes: string[];
  no: string[];
}

const HEADING = 'markup.heading.imr-letter';
const ITEM_TITLE = 'entity.name.section.item.imr-letter';
const UPHELD = 'markup.deleted.decision.upheld.imr-letter';
const OVERTURNED = 'markup.inserted.decision.overturned.imr-letter';
const NOT_NECESSARY = 'markup.deleted.conclusion.not-necessary.imr-letter';
const NECESSARY = 'markup.inserted.conclusion.necessary.imr-letter';

const CASES: Case[] = [
  {
    scope: HEADING,
    yes: [
      '⟦HOW THE IMR FINAL DETERMINATION WAS MADE⟧',
      '\f                      ⟦IMR ISSUES,  DECISIONS AND RATIONALES⟧   ',
      '      ⟦Clinical Case Summary⟧',
      '⟦MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL⟧\n⟦REVIEWER AND WHY:⟧',
      '⟦CASE SUMMARY:⟧',
      '⟦Notice of Independent Medical Review Determination⟧',
    ],
    no: [
      'The CLINICAL CASE SUMMARY below was written by the reviewer.',
      'HOW THE IMR FINAL DETERMINATION WAS MADE is set out above.',
    ],
  },
  {
    scope: 'keyword.other.label.header.imr-letter',
    yes: [
      '⟦Case Number:⟧          CM16-0123456',
      '⟦Date Assigned:⟧        11/09/2016                      ⟦Date of Injury:⟧      09/13/2016',
      '⟦Priority:⟧             Standard                        ⟦Application⟧          11/01/2016\n                                                      ⟦Received:⟧',
      '⟦Case  Number :⟧ CM16-0123456',
      '⟦Dated:⟧ 9/16/2013',
    ],
    no: [
      'The Application for Independent Medical Review was received.',
      'the date of injury was 09/13/2016',
      'Case Number CM16-0123456',
    ],
  },
  {
    scope: 'string.unquoted.header-value.imr-letter',
    yes: [
      'Case Number:           ⟦CM16-0246487⟧',
      'Priority:              ⟦Standard⟧                        Application          ⟦12/23/2016⟧',
      'Decision Date: ⟦01/31/2017⟧ UR Denial Date: ⟦11/21/2016⟧',
    ],
    no: [
      '⟦Case Number:⟧          CM16-0123456',
      'The case number CM16-0123456 was assigned.',
      'Priority:              Standard      ⟦Application⟧          12/23/2016',
      'The Date of Injury: 10/10/2016 ⟦is not what the summary says⟧.',
    ],
  },
  {
    scope: 'constant.other.case-number.imr-letter',
    yes: ['Case Number: ⟦CM15-0001234⟧', 'compare ⟦CB16-0012345⟧ and ⟦IMR 13-000004⟧'],
    no: ['XCM15-0001234 is not one', 'CM15-000123 has six digits', 'injured on 10-13-16'],
  },
  {
    scope: 'constant.numeric.date.imr-letter',
    yes: [
      'an MRI on ⟦01/14/15⟧ and again on ⟦11/18/2016⟧',
      'sustained an industrial injury on ⟦10-13-16⟧.',
      'an industrial injury of ⟦October 10, 2015⟧',
      'a report dated ⟦Oct. 10, 2015⟧',
      'Treatment Guidelines (⟦July 28, 2016⟧)',
      'Dated: ⟦9/16/2013⟧',
    ],
    no: [
      'page(s) 171-171, 177-179',
      'Percocet 5/325mg',
      'Table 12-8',
      'seen in October 2015',
      'the May 2009 guidelines',
      'L4-S1',
      'CM16-0123456',
    ],
  },
  {
    scope: 'keyword.other.label.field.imr-letter',
    yes: [
      '⟦Claims Administrator guideline:⟧ Decision based on MTUS',
      '⟦MAXIMUS guideline:⟧ Decision based on MTUS',
      '⟦Decision rationale:⟧ The request is not medically necessary.',
      '⟦State(s) of Licensure:⟧ California,Oregon',
      '⟦Certification(s)/Specialty:⟧ Family Practice',
      '⟦Maximus Guideline:⟧ Decision based on MTUS',
      '⟦Claims Adminstrator guideline:⟧ Decision based on MTUS',
      '   ⟦State (s) of  Licensure :⟧ Texas',
    ],
    no: ['The MAXIMUS guideline: was not cited here.', 'as the decision rationale: explains'],
  },
  {
    scope: ITEM_TITLE,
    yes: [
      '⟦MRI of the right shoulder without contrast⟧: Upheld',
      '⟦Oxycodone HCL ER 20mg #60 day supply: 30⟧: Overturned',
      '⟦Associated surgical service: Slingshot sling⟧: Overturned',
      '⟦Retrospective CT scan of the cervical spine (DOS 11/18/16)⟧: Overturned',
      '⟦MRI {>>note: asked twice<<}⟧: Upheld {>>appeal-fact: never requested<<}',
      '  ⟦Baclofen 100mg #3⟧: UPHELD',
    ],
    no: [
      'The UR denial was Upheld by the reviewer.',
      'Case Number: CM16-0123456',
      '⟦Decision rationale:⟧ The decision: Upheld',
      'The request is: Upheld in part.',
    ],
  },
  {
    scope: UPHELD,
    yes: [
      'MRI: ⟦Upheld⟧',
      'The remaining IMR eligible portion of the original request, two sessions is:\n⟦Upheld⟧',
      'MRI: ⟦Upheld⟧ {>>appeal-fact: never requested<<}',
      'MRI:⟦UPHELD⟧',
    ],
    no: [
      'The UR denial was Upheld by the reviewer.',
      'MRI: ⟦Overturned⟧',
      'Upheld decisions are common',
      'Upheld is the usual outcome.',
    ],
  },
  {
    scope: OVERTURNED,
    yes: ['EMG/NCS of the bilateral hand: ⟦Overturned⟧', 'with two\nrefills: ⟦Overturned⟧', '⟦Overturned⟧'],
    no: ['The decision was Overturned on appeal.', 'MRI: ⟦Upheld⟧'],
  },
  {
    scope: 'keyword.other.citation.imr-letter',
    yes: [
      '⟦Decision based on⟧ MTUS Knee Complaints 2004.',
      'Decision based on MTUS Chronic Pain Medical Treatment 2016. ⟦Decision based on⟧\nNon-MTUS Citation ODG',
    ],
    no: ['The decision was based on the MTUS.', 'a decision based upon ODG'],
  },
  {
    scope: 'support.type.guideline.mtus.imr-letter',
    yes: [
      'Decision based on ⟦MTUS⟧ ⟦Low Back Complaints 2004⟧, Section(s): Summary.',
      'per the ⟦Chronic Pain Medical Treatment Guidelines⟧',
      'Decision based on ⟦MTUS⟧ ⟦Opioid Treatment 2016⟧, Section(s): 1.3',
      'Decision based on ⟦MTUS⟧ ⟦Forearm, Wrist, and Hand Complaints 2004⟧',
      'the CA ⟦MTUS⟧/ACOEM Guidelines',
      'the ⟦Post-surgical Treatment Guidelines⟧ recommend',
    ],
    no: [
      'Decision based on ⟦Non-MTUS Citation⟧ Official Disability Guidelines',
      'Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance',
      'the guidelines recommend',
      'chronic pain syndrome',
      'NonMTUS',
    ],
  },
  {
    scope: 'support.type.guideline.non-mtus.imr-letter',
    yes: [
      'Decision based on ⟦Non-MTUS Citation⟧ ⟦Official Disability Guidelines⟧ (⟦ODG⟧), Low Back Chapter.',
      '⟦ODG guidelines⟧, Neck and Upper back, MRI.',
      'Decision based on ⟦NonMTUS⟧ ⟦UpToDate⟧',
    ],
    no: ['Decision based on ⟦MTUS⟧ Chronic Pain', 'an official disability rating', 'a Dodge van'],
  },
  {
    scope: 'support.type.guideline.acoem.imr-letter',
    yes: ['Decision based on MTUS ⟦ACOEM⟧ Chapter 8', 'the CA MTUS/⟦ACOEM Guidelines⟧'],
    no: ['the CA ⟦MTUS⟧/ACOEM Guidelines', 'ACOEMS'],
  },
  {
    scope: 'keyword.other.label.sections.imr-letter',
    yes: [
      'Decision based on MTUS Knee Complaints 2004, ⟦Section(s):⟧ Initial Care.',
      'Chronic Pain Medical Treatment 2016, ⟦Section(s):⟧\nPhysical medicine treatment.',
    ],
    no: ['a section of the report', 'Sections of the guideline apply'],
  },
  {
    scope: 'variable.other.guideline-section.imr-letter',
    yes: [
      'Knee Complaints 2004, Section(s): ⟦Initial Care, Summary⟧. Decision based on Non-MTUS Citation ODG',
      'Shoulder Complaints 2004, Section(s):\n⟦Surgical Considerations⟧. Decision based on Non-MTUS Citation',
      'Opioid Treatment 2016, Section(s): ⟦1.4 Opioids for Acute Pain: Opioids for Post-operative Pain, 3.3.1.2⟧\n⟦Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Alcohol Misuse/Abuse⟧.',
      'Section(s): ⟦Initial Care⟧, and Postsurgical Treatment 2009, Section(s): ⟦Elbow & Upper Arm⟧.',
    ],
    no: [
      'Section(s): Summary. ⟦Decision based on Non-MTUS Citation Official Disability Guidelines⟧',
      'Section(s): Initial Care\n\n⟦Decision rationale: The request is not medically necessary.⟧',
      'Section(s): Initial Care\n⟦MAXIMUS guideline:⟧ Decision based on MTUS',
      'Section(s): Summary\n⟦MRI: Upheld⟧',
      'Section(s): Initial Care, and ⟦Postsurgical Treatment 2009⟧, Section(s): Shoulder.',
    ],
  },
  {
    scope: 'constant.numeric.page.imr-letter',
    yes: [
      'Epidural Steroid injections, page ⟦46⟧.',
      'Neck and Upper Back Complaints Page(s): ⟦171-171, 177-179⟧.',
      'Low Back Disorders, pg. ⟦607⟧.',
      'see pp. ⟦12-14⟧',
      'Chapter 13, Table 13-2, pages ⟦335-336⟧',
      'Treatment Considerations, page(s) ⟦171-⟧\n171, 177-179.',
    ],
    no: ['on the same page as the summary', 'a 2-page report', 'a b.p. 120/80', 'Table ⟦12-8⟧'],
  },
  {
    scope: 'keyword.other.reference.page.imr-letter',
    yes: [
      'Epidural Steroid injections, ⟦page⟧ 46.',
      'Back Complaints ⟦Page(s):⟧ Chapter 8 Neck and Upper Back Disorders',
      'Disorders, ⟦pg.⟧ 607',
    ],
    no: ['the front page of the report', 'pages of records'],
  },
  {
    scope: 'constant.numeric.table.imr-letter',
    yes: ['ACOEM Chapter 12, Table ⟦12-8⟧, page 309', 'Chapter 10, Table ⟦2⟧, page 13'],
    no: ['the table below', 'Table of contents', 'page ⟦309⟧'],
  },
  {
    scope: 'constant.numeric.chapter.imr-letter',
    yes: ['MTUS ACOEM Chapter ⟦8⟧ Neck and Upper Back Complaints'],
    no: ['a chapter of the guidelines', 'Official Disability Guidelines (ODG), Low Back Chapter.'],
  },
  {
    scope: 'support.function.regulation.imr-letter',
    yes: [
      'Opioids Treatment Guidelines MTUS - ⟦8 C.C.R. 9792.24.4⟧ (July 28, 2016)',
      'MTUS = ⟦8 CCR §9792.20⟧ et seq.',
      'appeal under ⟦Labor Code 4610.6⟧',
      'the grounds of ⟦Lab. Code §4610.6(h)⟧',
      'see ⟦§9792.20⟧',
      'Guidelines MTUS - ⟦8 C.C.R.⟧\n⟦9792.24.2⟧ (July 28, 2016)',
    ],
    no: ['a code of 4610', 'section 4610 of the report', 'the Labor Code says so', 'the CCR team', '9792 records'],
  },
  {
    scope: 'constant.numeric.spinal-level.imr-letter',
    yes: [
      'a lumbar epidural steroid injection at ⟦L4-S1⟧',
      'Facet joint injections ⟦L4-5⟧, ⟦L5-S1⟧',
      'disc protrusion at ⟦C5-6⟧ and ⟦T12-L1⟧',
      'foraminal stenosis at ⟦L4/5⟧',
      'the ⟦L5⟧ nerve root and ⟦S1⟧ radiculopathy',
    ],
    no: [
      'Case Number: CM15-0001234',
      'injured on 10-13-16 and 10/13/16',
      '⟦XL4-S1⟧',
      'T3 and T4 levels',
      'the C-spine',
      'L45 and L4-S12',
    ],
  },
  {
    scope: 'constant.numeric.dose.imr-letter',
    yes: [
      'Oxycodone HCL ER ⟦20⟧mg #60',
      'Norco ⟦10/325⟧mg',
      'Percocet ⟦5-325⟧mg 1-2 tablets',
      'a dose of ⟦5⟧ mg',
      'fentanyl ⟦100⟧ mcg',
    ],
    no: ['5 guidelines', '24 hours', 'on 11/18/16', '2 times a week', 'mg'],
  },
  {
    scope: 'keyword.other.unit.imr-letter',
    yes: ['Oxycodone HCL ER 20⟦mg⟧ #60', 'fentanyl 100 ⟦mcg⟧'],
    no: ['5 grams', 'the mg count'],
  },
  {
    scope: 'constant.numeric.quantity.imr-letter',
    yes: ['Oxycodone HCL ER 20mg ⟦#60⟧ day supply: 30', 'Norco ⟦#90⟧', 'NCV bilateral lower extremities ⟦QTY: 2⟧'],
    no: ['item number 60', 'the # sign', 'C#2'],
  },
  {
    scope: NOT_NECESSARY,
    yes: [
      'the request ⟦is not medically necessary⟧.',
      'these requests ⟦are not medically necessary⟧.',
      'The Lumbar Epidural Injection is\n⟦not medically necessary and appropriate⟧.',
      'The MRI ⟦is not medically necessary and appropriate⟧.',
      'the request ⟦was determined to not be medically necessary⟧',
      'the request ⟦is not a medical necessity⟧',
      'No, the request ⟦was not medically necessary⟧, medically appropriate, or indicated here.',
      'the request for Baclofen is not medically\n⟦necessary⟧.',
      'the request for Baclofen is not\n⟦medically necessary⟧.',
    ],
    no: [
      'the request ⟦is medically necessary⟧.',
      'surgery is not necessary',
      'medical necessity cannot be established',
      'the request is not\nsupported by the guidelines.',
      'the patient is not medically\nstable',
      'is not\n\nsupported',
    ],
  },
  {
    scope: NECESSARY,
    yes: [
      'the request ⟦is medically necessary⟧.',
      'the request ⟦is medically necessary and appropriate⟧.',
      'the request ⟦is considered medically necessary⟧',
      'the request ⟦is deemed medically appropriate⟧',
      'Yes, the request ⟦was medically necessary⟧, medically appropriate, and indicated here.',
      'day supply: 30 is medically\n⟦necessary⟧.',
      'Cold therapy for one week is\n⟦medically necessary⟧.',
    ],
    no: [
      'the request ⟦is not medically necessary⟧.',
      'these requests ⟦are not medically necessary⟧.',
      'whether medically necessary care was given',
      'it would be medically necessary if',
      'the patient is medically\nstable',
      'the patient is not medically\nstable',
    ],
  },
  {
    scope: 'comment.block.annotation.imr-letter',
    yes: ['no ⟦{>>note: a reader comment<<}⟧ here', '⟦{>>todo: a comment⟧\n⟦that wraps<<}⟧ then prose'],
    no: ['a {> not an annotation <} here', 'plain prose'],
  },
  {
    scope: 'markup.highlight.annotation.imr-letter',
    yes: ['findings and no ⟦{==neurologic deficit==}⟧{>>appeal-fact: x<<}'],
    no: ['a == b', 'findings and no {==neurologic deficit==}⟦{>>appeal-fact: x<<}⟧'],
  },
  {
    scope: 'markup.inserted.annotation.imr-letter',
    yes: ['the ⟦{++right++}⟧ knee'],
    no: ['a ++ b'],
  },
  {
    scope: 'markup.deleted.annotation.imr-letter',
    yes: ['the ⟦{--left--}⟧ knee'],
    no: ['a -- b'],
  },
  {
    scope: 'markup.changed.annotation.imr-letter',
    yes: ['the ⟦{~~left~>right~~}⟧ knee'],
    no: ['a ~~ b'],
  },
];

/** The scope the grammar gives each annotation kind, and an example of the kind in use. */
const KIND_SCOPES: Record<string, string> = {
  note: 'entity.name.tag.annotation.note.imr-letter',
  todo: 'constant.language.annotation.todo.imr-letter',
  question: 'storage.type.annotation.question.imr-letter',
  'appeal-authority': 'keyword.control.annotation.appeal.authority.imr-letter',
  'appeal-fraud': 'keyword.control.annotation.appeal.fraud.imr-letter',
  'appeal-conflict': 'keyword.control.annotation.appeal.conflict.imr-letter',
  'appeal-bias': 'keyword.control.annotation.appeal.bias.imr-letter',
  'appeal-fact': 'keyword.control.annotation.appeal.fact.imr-letter',
};
for (const [kind, scope] of Object.entries(KIND_SCOPES)) {
  const others = Object.keys(KIND_SCOPES).filter((k) => k !== kind);
  CASES.push({
    scope,
    yes: [`MRI: Upheld {>>⟦${kind}⟧: the reviewer never saw it<<}`, `{>>  ⟦${kind.toUpperCase()}⟧ : in capitals<<}`],
    // Another kind, this kind's word in a comment's body, and the word without the colon that makes it a kind.
    no: [
      `{>>⟦${others[0]}⟧: x<<} {>>⟦${others[1]}⟧: y<<}`,
      `{>>note: ⟦${kind}⟧: is only words here<<}`,
      `{>>⟦${kind}⟧ without a colon<<}`,
      `${kind}: outside a comment`,
    ],
  });
}

/** Every place a snippet breaks its expectation, as readable lines (empty when it keeps it). */
function check(grammar: IGrammar, scope: string, snippet: string, positive: boolean): string[] {
  const { text, marks } = unmark(snippet);
  const chars = charScopes(grammar, text);
  const lines = text.split('\n');
  const where = (line: number, col: number) =>
    `${JSON.stringify(snippet)} at ${line + 1}:${col + 1} ${JSON.stringify(lines[line][col])}`;
  const problems: string[] = [];
  if (positive) {
    if (marks.length === 0) throw new Error(`a positive snippet needs ⟦marks⟧: ${snippet}`);
    for (const { line, from, to } of marks) {
      for (let c = from; c < to; c++)
        if (lines[line][c].trim() && !has(chars[line][c], scope)) problems.push(`missing at ${where(line, c)}`);
      // The span is exact: its neighbours on the line are outside the scope (a neighbour that is itself marked is skipped).
      const inMark = (l: number, c: number) => marks.some((m) => m.line === l && c >= m.from && c < m.to);
      for (const c of [from - 1, to])
        if (c >= 0 && c < lines[line].length && !inMark(line, c) && has(chars[line][c], scope))
          problems.push(`spills to ${where(line, c)}`);
    }
  } else {
    const spans = marks.length > 0 ? marks : lines.map((l, line) => ({ line, from: 0, to: l.length }));
    for (const { line, from, to } of spans)
      for (let c = from; c < to; c++) if (has(chars[line][c], scope)) problems.push(`unexpected at ${where(line, c)}`);
  }
  return problems;
}

/** Every scope name the grammar file gives, with where it is. */
function grammarScopes(): { scope: string; at: string }[] {
  const raw = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'imr-letter.tmLanguage.json'), 'utf8'));
  const found: { scope: string; at: string }[] = [];
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}[${i}]`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'name' || key === 'contentName') && typeof value === 'string' && at !== '')
        for (const scope of value.split(/\s+/)) found.push({ scope, at: `${at}.${key}` });
      else walk(value, `${at}.${key}`);
    }
  };
  walk(raw.patterns, 'patterns');
  walk(raw.repository, 'repository');
  return found;
}

describe('TextMate grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  test('headings, header labels and values, field labels, decisions', () => {
    const lines = tokenize(grammar, VALID_LETTER);
    for (const heading of [
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'CLINICAL CASE SUMMARY',
      'IMR ISSUES, DECISIONS AND RATIONALES',
    ])
      assert.ok(
        scopesOf(lines, heading).some((s) => s.startsWith('markup.heading.imr-letter')),
        heading,
      );
    assert.ok(scopesOf(lines, 'Case Number:').includes('keyword.other.label.header.imr-letter'));
    assert.ok(scopesOf(lines, 'Date of Injury:').includes('keyword.other.label.header.imr-letter'));
    assert.ok(scopesOf(lines, 'CM16-0123456').includes('constant.other.case-number.imr-letter'));
    assert.ok(scopesOf(lines, '09/13/2016').includes('constant.numeric.date.imr-letter'));
    assert.ok(scopesOf(lines, 'MAXIMUS guideline:').includes('keyword.other.label.field.imr-letter'));
    assert.ok(scopesOf(lines, 'State(s) of Licensure:').includes('keyword.other.label.field.imr-letter'));
    assert.ok(scopesOf(lines, 'Upheld').includes('markup.deleted.decision.upheld.imr-letter'));
    assert.ok(scopesOf(lines, 'Overturned').includes('markup.inserted.decision.overturned.imr-letter'));
  });

  test('a heading after a form feed, CRLF lines, and "Upheld" in prose is not a decision', () => {
    const lines = tokenize(
      grammar,
      '\f                      IMR ISSUES, DECISIONS AND RATIONALES\r\nThe UR denial was Upheld by the reviewer.\r\nMRI: Upheld\r\n',
    );
    assert.ok(scopesOf(lines, 'IMR ISSUES, DECISIONS AND RATIONALES').some((s) => s.startsWith('markup.heading')));
    assert.ok(lines[1].every(([, scopes]) => !scopes.some((s) => s.includes('decision'))));
    assert.ok(
      lines[2].some(([t, scopes]) => t === 'Upheld' && scopes.includes('markup.deleted.decision.upheld.imr-letter')),
    );
  });

  test('annotations are scoped, each kind distinguishable', () => {
    const lines = tokenize(
      grammar,
      'MRI: Upheld {>>appeal-fact: never requested<<} {>>todo: call<<} {>>question: why?<<} {==text==}{>>note: x<<} {++add++} {--del--} {~~a~>b~~}',
    );
    const scopesOf = (text: string) => lines[0].find(([t]) => t === text)![1];
    assert.ok(scopesOf('appeal-fact').includes('keyword.control.annotation.appeal.imr-letter'));
    assert.ok(scopesOf('todo').includes('constant.language.annotation.todo.imr-letter'));
    assert.ok(scopesOf('question').includes('storage.type.annotation.question.imr-letter'));
    assert.ok(scopesOf('note').includes('entity.name.tag.annotation.note.imr-letter'));
    assert.ok(scopesOf('appeal-fact').includes('comment.block.annotation.imr-letter'));
    for (const [text, scope] of [
      ['text', 'markup.highlight'],
      ['add', 'markup.inserted'],
      ['del', 'markup.deleted'],
      ['a~>b', 'markup.changed'],
    ]) {
      assert.ok(
        lines[0].some(([t, s]) => t.includes(text) && s.some((x) => x.startsWith(scope))),
        text,
      );
    }
  });

  describe('fixture snippets: each scope where it belongs, and not where it does not', () => {
    for (const c of CASES) {
      test(c.scope, () => {
        assert.ok(c.yes.length > 0 && c.no.length > 0, 'each scope needs a positive and a negative snippet');
        const problems = [
          ...c.yes.flatMap((s) => check(grammar, c.scope, s, true)),
          ...c.no.flatMap((s) => check(grammar, c.scope, s, false)),
        ];
        assert.deepEqual(problems, []);
      });
    }
  });

  test('every default annotation kind has a scope of its own', () => {
    assert.deepEqual(Object.keys(KIND_SCOPES).sort(), DEFAULT_KINDS.map((k) => k.id).sort());
    assert.equal(new Set(Object.values(KIND_SCOPES)).size, Object.keys(KIND_SCOPES).length);
    // The appeal grounds share a parent scope, so a theme can colour them all at once.
    for (const [kind, scope] of Object.entries(KIND_SCOPES)) {
      const line = charScopes(grammar, `{>>${kind}: x<<}`)[0];
      assert.ok(has(line[3], scope), kind);
      assert.equal(has(line[3], 'keyword.control.annotation.appeal.imr-letter'), kind.startsWith('appeal-'), kind);
    }
  });

  test('the grammar is tidy: every scope ends in .imr-letter, every repository rule has a comment and is used', () => {
    const raw = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'imr-letter.tmLanguage.json'), 'utf8'));
    assert.deepEqual(
      grammarScopes().filter(({ scope }) => !scope.endsWith('.imr-letter')),
      [],
    );
    const rules = Object.keys(raw.repository);
    assert.deepEqual(
      rules.filter((r) => typeof raw.repository[r].comment !== 'string'),
      [],
      'rules without a comment',
    );
    const included = new Set(
      JSON.stringify(raw)
        .match(/"#[\w-]+"/g)!
        .map((s: string) => s.slice(2, -1)),
    );
    assert.deepEqual(
      rules.filter((r) => !included.has(r)),
      [],
      'rules never included',
    );
    assert.deepEqual(
      [...included].filter((r) => !rules.includes(r)),
      [],
      'includes of missing rules',
    );
  });

  test(
    'every decision and section heading the parser finds in the real letters gets its scope',
    { skip: existsSync(LETTERS) ? false : `no real letters at ${LETTERS} (they sit in ../shared beside the project)` },
    (t) => {
      let decisions = 0;
      let headings = 0;
      let titles = 0;
      let conclusions = 0;
      let scopedConclusions = 0;
      const failures: string[] = [];
      const files = readdirSync(LETTERS).filter((f) => f.endsWith('.txt'));
      assert.ok(files.length > 0, `no letters in ${LETTERS}`);
      for (const file of files) {
        const text = readFileSync(join(LETTERS, file), 'utf8');
        const letter = parseLetter(text);
        const chars = charScopes(grammar, text);
        const lines = text.split(/\r\n|\r|\n/);
        /** The non-blank characters of a range that lack the scope, as `file:line:col`. */
        const missing = (
          r: { start: { line: number; character: number }; end: { line: number; character: number } },
          scope: string,
        ) => {
          const out: string[] = [];
          for (let l = r.start.line; l <= r.end.line; l++) {
            const from = l === r.start.line ? r.start.character : 0;
            const to = l === r.end.line ? r.end.character : lines[l].length;
            for (let c = from; c < to; c++)
              if (lines[l][c].trim() && !has(chars[l][c], scope)) out.push(`${file}:${l + 1}:${c + 1} ${scope}`);
          }
          return out;
        };
        for (const section of letter.sections) {
          headings++;
          failures.push(...missing(section.heading.range, HEADING).slice(0, 1));
        }
        for (const item of letter.items) {
          const d = item.decision;
          if (!d?.value || d.inferred) continue;
          decisions++;
          failures.push(...missing(d.range, d.value === 'Upheld' ? UPHELD : OVERTURNED).slice(0, 1));
          // The title is scoped on the line that carries the decision (a TextMate rule sees one line).
          const { start, end } = item.title.range;
          if (end.line === d.range.start.line) {
            titles++;
            const onLine = { start: start.line === end.line ? start : { line: end.line, character: 0 }, end };
            failures.push(...missing(onLine, ITEM_TITLE).slice(0, 1));
          }
          // A conclusion the grammar scopes must say what the parser read: necessary or not.
          if (item.conclusion) {
            conclusions++;
            const { range } = item.conclusion.span;
            const found = new Set<string>();
            for (let l = range.start.line; l <= range.end.line; l++) {
              for (const scopes of chars[l])
                for (const s of [NECESSARY, NOT_NECESSARY]) if (has(scopes, s)) found.add(s);
            }
            if (found.size > 0) scopedConclusions++;
            const expected = item.conclusion.necessary ? NECESSARY : NOT_NECESSARY;
            if (!found.has(expected))
              failures.push(`${file}:${range.start.line + 1} conclusion not scoped ${expected}`);
          }
        }
      }
      t.diagnostic(
        `${files.length} letters: ${headings} headings, ${decisions} decisions, ${titles} one-line titles, ${scopedConclusions}/${conclusions} conclusions scoped`,
      );
      assert.deepEqual(failures, []);
      assert.equal(decisions, 27, 'the real letters hold 27 decisions');
    },
  );
});
