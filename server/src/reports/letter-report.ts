import { headerField } from '../letter/header';
import type { HeaderKey, Letter } from '../letter/model';
import type { Problem } from '../rules/rule';
import { pageOfLine } from '../pdf/reader';

/** One letter as data: what researchers and other tools read (`imr-lint --format json`). */
export function letterReport(file: string, letter: Letter, problems: Problem[], pages?: readonly number[]): object {
  const header = Object.fromEntries(
    (letter.header?.fields ?? []).map((f) => [f.key, f.value?.text ?? null]),
  ) as Partial<Record<HeaderKey, string | null>>;
  const reviewer = Object.fromEntries(letter.reviewer.fields.map((f) => [f.kind, f.value?.text ?? null]));
  return {
    file,
    layout: letter.layout.id,
    caseNumber: headerField(letter.header, 'caseNumber')?.value?.text ?? null,
    header,
    reviewer,
    items: letter.items.map((item) => ({
      name: item.name,
      title: item.title.text,
      decision: item.decision?.value ?? null,
      decisionAsWritten: item.decision?.text ?? null,
      associatedSurgicalService: item.associatedSurgicalService,
      modifiedRequest: item.modifiedRequest,
      line: item.title.range.start.line + 1,
      conclusion: item.conclusion
        ? item.conclusion.necessary
          ? 'medically necessary'
          : 'not medically necessary'
        : null,
      fields: Object.fromEntries(item.fields.map((f) => [f.kind, f.value?.text ?? null])),
      citations: item.fields.flatMap((f) =>
        (f.citations ?? []).map((c) => ({
          field: f.kind,
          kind: c.kind,
          text: c.span.text,
          guideline: c.entry?.id ?? null,
          guidelineName: c.entry?.name ?? null,
          mtus: c.entry?.mtus ?? null,
          sections: c.parts.map((p) => ({ text: p.span.text, id: p.entry?.id ?? null })),
          pages: c.pages.map((p) => [p.from, p.to]),
          statement: c.statement ?? null,
        })),
      ),
    })),
    annotations: letter.annotations
      .filter((a) => a.closed)
      .map((a) => ({
        form: a.form,
        kind: a.kind ?? null,
        note: a.note,
        quote: a.quote ?? null,
        proposed: a.proposed ?? null,
        line: a.range.start.line + 1,
      })),
    findings: problems.map((p) => ({
      rule: p.ruleId,
      severity: p.severity,
      line: p.range.start.line + 1,
      column: p.range.start.character + 1,
      message: p.message,
      // A PDF's: the page the line of its text came from.
      ...(pages ? { page: pageOfLine(pages, p.range.start.line) } : {}),
    })),
  };
}
