import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Letter } from '../../server/src/letter/model';
import { parseLetter } from '../../server/src/letter/parse';
import { readPdf } from '../../server/src/pdf-reader/pdfjs';
import { PdfProblem, readPdfLetter } from '../../server/src/pdf/reader';
import { checkLetter } from '../../server/src/rules';

// The real letters live beside the project, not in it; a user's clone has none.
const DIR = join(__dirname, '..', '..', '..', 'shared', 'imr-letters');
const skip = existsSync(join(DIR, 'pdf'))
  ? false
  : `no real letter PDFs at ${join(DIR, 'pdf')} (they sit in ../shared beside the project)`;

/** White space as a reader sees it: any run is one space. */
const flat = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim();

/** Everything the letter model reads from a letter, without positions (line breaks and column padding may differ). */
function facts(letter: Letter) {
  return {
    recognized: letter.recognized,
    sections: letter.sections.map((s) => s.kind),
    header: letter.header?.fields.map((f) => [f.key, flat(f.label.text), flat(f.value?.text)]),
    reviewer: letter.reviewer.fields.map((f) => [f.kind, flat(f.value?.text)]),
    items: letter.items.map((item) => ({
      name: item.name,
      decision: item.decision?.value,
      associatedSurgicalService: item.associatedSurgicalService,
      modifiedRequest: item.modifiedRequest,
      fields: item.fields.map((f) => ({
        kind: f.kind,
        value: flat(f.value?.text),
        citations: f.citations?.map((c) => ({
          kind: c.kind,
          text: flat(c.span.text),
          entry: c.entry?.id,
          parts: c.parts.map((p) => p.entry?.id ?? flat(p.span.text)),
          pages: c.pages.map((p) => [p.from, p.to]),
        })),
      })),
      conclusion: item.conclusion && { necessary: item.conclusion.necessary, subject: flat(item.conclusion.subject) },
    })),
    findings: checkLetter(letter).map((p) => p.ruleId),
  };
}

describe('the shared PDFs read as their text files do', { skip }, () => {
  for (let n = 1; n <= 10; n++) {
    const name = String(n).padStart(3, '0');
    test(`${name}.pdf: header, reviewer, items with decisions and modified flags, fields, citations, conclusions and findings as ${name}.txt`, async () => {
      const read = await readPdfLetter(new Uint8Array(readFileSync(join(DIR, 'pdf', `${name}.pdf`))), readPdf);
      assert.ok(!(read instanceof PdfProblem), read instanceof PdfProblem ? read.message : '');
      const fromPdf = facts(parseLetter(read.text));
      const fromText = facts(parseLetter(readFileSync(join(DIR, `${name}.txt`), 'utf8')));
      assert.ok(
        fromText.items.length > 0 && fromText.header && fromText.header.length === 7,
        'the text letter is read in full (the comparison means something)',
      );
      assert.deepEqual(fromPdf, fromText);
    });
  }
});
