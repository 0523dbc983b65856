import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stripAnnotations } from '../../server/src/letter/annotations';
import type { Letter } from '../../server/src/letter/model';
import { parseLetter } from '../../server/src/letter/parse';
import { checkLetter } from '../../server/src/rules';
import { VALID_LETTER, doubleSpace, lineOf } from '../fixtures/letters';

/** What the model says about the letter, without positions. */
function meaning(letter: Letter) {
  return {
    layout: letter.layout.id,
    header: letter.header?.fields.map((f) => [f.key, f.value?.text]),
    sections: letter.sections.map((s) => s.kind),
    reviewer: letter.reviewer.fields.map((f) => [f.kind, f.value?.text]),
    items: letter.items.map((i) => ({
      name: i.name,
      decision: i.decision?.text,
      fields: i.fields.map((f) => [
        f.kind,
        f.value?.text,
        (f.citations ?? []).map((c) => [
          c.kind,
          c.entry?.id,
          c.parts.map((p) => p.entry?.id),
          c.pages.map((p) => p.from),
        ]),
      ]),
      conclusion: i.conclusion?.necessary,
    })),
  };
}

const findings = (text: string) =>
  checkLetter(parseLetter(text), { today: new Date(2026, 0, 1) })
    .filter((p) => !p.ruleId.startsWith('annotation.'))
    .map((p) => p.ruleId);

describe('annotations are transparent to the analysis', () => {
  for (const [name, base] of [
    ['single-spaced', VALID_LETTER],
    ['double-spaced', doubleSpace(VALID_LETTER)],
  ] as const) {
    test(`${name}: a comment at every 5th position leaves the model and the findings unchanged`, () => {
      const expected = meaning(parseLetter(base));
      for (let at = 0; at <= base.length; at += 5) {
        const text = base.slice(0, at) + '{>>note: check this<<}' + base.slice(at);
        assert.deepEqual(
          meaning(parseLetter(text)),
          expected,
          `comment at ${at}: ${JSON.stringify(base.slice(at - 10, at + 10))}`,
        );
        assert.deepEqual(findings(text), [], `comment at ${at}`);
      }
    });
  }

  test("highlights, deletions and substitutions keep the letter's words; additions and comments are not read", () => {
    const expected = meaning(parseLetter(VALID_LETTER));
    const words = [...VALID_LETTER.matchAll(/[A-Za-z0-9#/:.()-]+/g)];
    for (let k = 0; k < words.length; k += 3) {
      const w = words[k];
      const wrap = (open: string, close: string) =>
        VALID_LETTER.slice(0, w.index) + open + w[0] + close + VALID_LETTER.slice(w.index! + w[0].length);
      for (const text of [
        wrap('{==', '==}{>>appeal-fact: see the exam<<}'),
        wrap('{--', '--}'),
        wrap('{~~', '~>something else~~}'),
        wrap('{++added words ++}', ''),
      ]) {
        assert.deepEqual(meaning(parseLetter(text)), expected, text.slice(w.index! - 5, w.index! + 60));
      }
    }
  });

  test('positions are those of the annotated text', () => {
    const text = VALID_LETTER.replace(
      'Hinged knee brace, left: Upheld',
      '{==Hinged knee brace==}{>>question: which knee?<<}, left: Upheld{>>note: agreed<<}',
    );
    const item = parseLetter(text).items[0];
    const line = text.split('\n')[lineOf(text, '{==Hinged')];
    assert.equal(item.title.range.start.character, line.indexOf('Hinged'));
    assert.equal(item.decision!.range.start.character, line.indexOf('Upheld'));
    assert.equal(item.decision!.range.end.character, line.indexOf('Upheld') + 'Upheld'.length);
    assert.equal(item.name, 'Hinged knee brace, left');
  });

  test('the model lists annotations with kind, note and quote; directives are not annotations', () => {
    const text = VALID_LETTER.replace(
      'No instability is',
      'No {==instability==}{>>appeal-fact: the exam notes laxity<<} is {>>imr-disable-line item.no-conclusion<<}{++ really ++}{~~ is~> was~~}',
    );
    const list = parseLetter(text).annotations;
    assert.deepEqual(
      list.map((a) => [a.form, a.kind, a.note, a.quote, a.proposed]),
      [
        ['highlight', 'appeal-fact', 'the exam notes laxity', 'instability', undefined],
        ['addition', undefined, '', undefined, 'really'],
        ['substitution', undefined, '', 'is', 'was'],
      ],
    );
    assert.equal(parseLetter(text).suppressions.length, 1);
  });

  test('removing every annotation gives back the original letter byte for byte', () => {
    const annotated = VALID_LETTER.replace('Hinged knee brace', '{==Hinged knee brace==}{>>question: which knee?<<}')
      .replace('\nDecision rationale: Short-term', '\n{>>todo: ask for\nthe ER record<<}Decision rationale: Short-term')
      .replace('medically necessary.\n', 'medically necessary.{++ Really.++}\n');
    assert.equal(stripAnnotations(annotated), VALID_LETTER);
    assert.equal(stripAnnotations(VALID_LETTER), VALID_LETTER);
  });
});
