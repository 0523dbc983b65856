import type { Conclusion } from './model';
import type { Region } from './text/region';
import { collapseWhite } from './text/spaces';

// "is not medically necessary", "was determined to be not medically necessary", "is considered not
// medically necessary", "is deemed medically appropriate", "was medically necessary, medically appropriate, and indicated".
const VERDICT = /\b(?:is|was|are|were)\s+((?:[a-z]+\s+){0,4}?)medically\s+(?:necessary|appropriate)\b|\bis\s+(not\s+)?a\s+medical\s+necessity\b/gi;
const NEGATION = /\b(?:not|non|no)\b/i;
// The treatment a conclusion names: "the request for X is ...", "The requested X is ...", "The X is ...".
const SUBJECT = /(?:^|[.;]\s+|,\s+)(?:(?:Therefore|Thus|Hence|Given the above|As such|Consequently|Accordingly|In conclusion|Based on [^,]{0,80}),?\s+)?(?:(?:No|Yes),\s+)?(?:the\s+(?:request(?:ed)?\s+(?:for\s+)?|use\s+of\s+)?|The\s+(?:request(?:ed)?\s+(?:for\s+)?|use\s+of\s+)?)?([^.;]{2,200}?)\s*,?\s*$/i;

/**
 * The rationale's conclusion: its last sentence saying the treatment is (or is not) medically
 * necessary, whether it says so, and the treatment it names when it names one.
 */
export function findConclusion(region: Region): Conclusion | undefined {
  const text = region.text;
  let last: RegExpExecArray | undefined;
  VERDICT.lastIndex = 0;
  for (let m = VERDICT.exec(text); m; m = VERDICT.exec(text)) last = m;
  if (!last) return undefined;
  const necessary = !NEGATION.test(last[1] ?? '') && !last[2];
  const sentenceStart = Math.max(text.lastIndexOf('. ', last.index) + 2, 0);
  const before = text.slice(sentenceStart, last.index);
  const subject = SUBJECT.exec(before)?.[1]?.trim();
  const generic = !subject || /^(?:request|it|this|this request|treatment|requested treatment|the request|this treatment|service)$/i.test(subject);
  return {
    span: { range: region.range(sentenceStart, last.index + last[0].length), text: collapseWhite(text.slice(sentenceStart, last.index + last[0].length)) },
    necessary,
    subject: generic ? undefined : collapseWhite(subject),
  };
}
