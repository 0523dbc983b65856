import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver-types';
import { DEFAULT_KINDS, kindVocabulary } from '../../server/src/vocabulary/annotation-kinds';
import { annotationActions } from '../../server/src/features/annotation-actions';
import { annotationCompletions } from '../../server/src/features/annotation-completion';
import { diagnostics } from '../../server/src/features/diagnostics';
import { hover } from '../../server/src/features/hover';
import { documentSymbols } from '../../server/src/features/symbols';
import { stripAnnotations } from '../../server/src/letter/annotations';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';

const ANNOTATED = edit(
  VALID_LETTER,
  'No instability is',
  'No {==instability==}{>>appeal-fact: the exam notes laxity<<} is',
);

function actionsAt(text: string, range: Range, snippets = false, diags = false): CodeAction[] {
  const doc = TextDocument.create('file:///l.imr', 'imr-letter', 3, text);
  const letter = parseLetter(text);
  return annotationActions(
    letter,
    range,
    diags ? diagnostics(letter, {}) : [],
    { uri: doc.uri, version: 3, text, offsetAt: (p) => doc.offsetAt(p), kinds: DEFAULT_KINDS, snippets },
    () => true,
  );
}

function apply(text: string, action: CodeAction): string {
  const edits = (action.edit!.changes?.['file:///l.imr'] ?? []) as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create('file:///l.imr', 'imr-letter', 1, text), edits);
}

const at = (text: string, needle: string, length = needle.length): Range => {
  const line = lineOf(text, needle);
  const character = text.split('\n')[line].indexOf(needle);
  return { start: { line, character }, end: { line, character: character + length } };
};

describe('annotation features', () => {
  test('annotate a selection as each kind: highlight + comment, the letter otherwise unchanged', () => {
    const range = at(VALID_LETTER, 'instability only');
    const actions = actionsAt(VALID_LETTER, range);
    assert.deepEqual(
      actions.map((a) => a.title),
      DEFAULT_KINDS.map((k) => `Annotate selection: ${k.id}`),
    );
    const fact = actions.find((a) => a.title.endsWith('appeal-fact'))!;
    const after = apply(VALID_LETTER, fact);
    assert.ok(after.includes('{==instability only==}{>>appeal-fact: <<}'));
    assert.equal(stripAnnotations(after), VALID_LETTER);
    assert.deepEqual(
      parseLetter(after).annotations.map((a) => [a.form, a.kind, a.quote]),
      [['highlight', 'appeal-fact', 'instability only']],
    );
  });

  test('with snippet support, the cursor lands inside the new comment', () => {
    const action = actionsAt(VALID_LETTER, at(VALID_LETTER, 'instability only'), true).find((a) =>
      a.title.endsWith('question'),
    )!;
    const edit = (action.edit!.documentChanges![0] as { edits: { snippet: { value: string } }[] }).edits[0];
    assert.equal(edit.snippet.value, '{==instability only==}{>>question: $0<<}');
  });

  test('resolve keeps the highlighted text; accept and reject apply or drop a proposed edit', () => {
    const resolve = actionsAt(ANNOTATED, at(ANNOTATED, 'instability==', 3)).find((a) => a.title.startsWith('Resolve'))!;
    assert.equal(apply(ANNOTATED, resolve), VALID_LETTER);
    const proposal = edit(VALID_LETTER, 'No instability is', 'No {~~instability~>laxity~~} is');
    const actions = actionsAt(proposal, at(proposal, 'instability~>', 4));
    assert.equal(
      apply(
        proposal,
        actions.find((a) => a.title === 'Accept the replacement')!,
      ),
      edit(VALID_LETTER, 'No instability is', 'No laxity is'),
    );
    assert.equal(
      apply(
        proposal,
        actions.find((a) => a.title === 'Reject the replacement')!,
      ),
      VALID_LETTER,
    );
  });

  test('annotate a finding: a comment quoting the rule and its message, at the end of the line', () => {
    const broken = edit(VALID_LETTER, 'left: Upheld', 'left: Uphled');
    const action = actionsAt(broken, at(broken, 'Uphled'), false, true).find(
      (a) => a.title === 'Annotate this finding',
    )!;
    const after = apply(broken, action);
    assert.ok(
      after.includes(
        'left: Uphled{>>note: item.invalid-decision: Decision "Uphled" is neither Upheld nor Overturned (did you mean Upheld?).<<}\n',
      ),
      after.slice(0, 2000),
    );
    assert.equal(stripAnnotations(after), broken);
  });

  test('hover on an appeal annotation names the statutory ground and links to the statute', () => {
    const md = (
      hover(parseLetter(ANNOTATED), at(ANNOTATED, 'appeal-fact').start)!.contents as { value: string }
    ).value.replace(/\\(.)/g, '$1');
    assert.match(md, /Highlight · appeal-fact/);
    assert.match(md, /4610\.6\(h\)\(5\): the determination was the result of a plainly erroneous/);
    assert.match(
      md,
      /\(https:\/\/leginfo\.legislature\.ca\.gov\/faces\/codes_displaySection\.xhtml\?lawCode=LAB&sectionNum=4610\.6\)/,
    );
    assert.match(md, /Highlighted: instability/);
  });

  test('letter and annotation text in a hover renders as plain text: no links, command URIs, HTML or code', () => {
    const hostile = edit(
      VALID_LETTER,
      'No instability is',
      'No {==[see](command:workbench.action.quit)==}{>>question: <img src=x onerror=alert(1)> `rm -rf` [x](https://evil.example) **loud**<<} is',
    );
    const md = (hover(parseLetter(hostile), at(hostile, 'question').start)!.contents as { value: string }).value;
    for (const raw of [/(?<!\\)\]\(command:/, /(?<!\\)<img/, /(?<!\\)\]\(https:\/\/evil/, /(?<!\\)`rm/, /\*\*loud/])
      assert.doesNotMatch(md, raw);
    // Escaped, the reader still sees every character of what was written.
    const shown = md.replace(/\\(.)/g, '$1');
    for (const text of [
      '[see](command:workbench.action.quit)',
      '<img src=x onerror=alert(1)>',
      '`rm -rf`',
      '[x](https://evil.example)',
    ])
      assert.ok(shown.includes(text), `${text} not shown in: ${shown}`);
  });

  test('the outline lists annotations under the item they sit in, by kind and first words', () => {
    const issues = documentSymbols(parseLetter(ANNOTATED)).find((s) => s.name.startsWith('IMR issues'))!;
    const item = issues.children![0];
    assert.deepEqual(
      item.children!.map((c) => c.name),
      [
        'Claims Administrator guideline',
        'MAXIMUS guideline',
        'Decision rationale',
        'appeal-fact: the exam notes laxity',
      ],
    );
    const elsewhere = documentSymbols(
      parseLetter(
        edit(VALID_LETTER, 'CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMMARY {>>todo: get the full records<<}'),
      ),
    );
    assert.ok(
      elsewhere
        .find((s) => s.name === 'Clinical case summary')!
        .children!.some((c) => c.name === 'todo: get the full records'),
    );
  });

  test('completion: kinds after {>>, the annotation forms after {', () => {
    const kinds = annotationCompletions({ line: 0, character: 7 }, 'text {>>ap', kindVocabulary(['code-imaging']));
    assert.ok(kinds.some((k) => k.label === 'appeal-fact' && (k.textEdit as TextEdit).newText === 'appeal-fact: '));
    assert.ok(kinds.some((k) => k.label === 'code-imaging'));
    const forms = annotationCompletions({ line: 0, character: 5 }, 'text {', DEFAULT_KINDS);
    assert.deepEqual(forms.map((f) => f.label)[0], '{== highlight ==}{>> comment <<}');
    assert.deepEqual(annotationCompletions({ line: 0, character: 4 }, 'text', DEFAULT_KINDS), []);
  });
});
