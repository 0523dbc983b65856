import type { Rule } from './rule';

const DATE_KEYS = new Set(['dateAssigned', 'dateOfInjury', 'decisionDate', 'urDenialDate', 'applicationReceived']);

export const headerBadDate: Rule = {
  id: 'header.bad-date',
  description: 'A header date is not a real MM/DD/YYYY date.',
  severity: 'error',
  check(letter) {
    // 2013 notices print their date as M/D/YYYY.
    const shape = letter.layout.id === 'notice-2013' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/ : /^(\d{2})\/(\d{2})\/(\d{4})$/;
    return (letter.header?.fields ?? []).flatMap((f) => {
      if (!DATE_KEYS.has(f.key) || !f.value) return [];
      const m = shape.exec(f.value.text);
      if (m && isRealDate(+m[3], +m[1], +m[2])) return [];
      const why = m ? 'is not a real date' : 'is not of the form MM/DD/YYYY';
      return [{ range: f.value.range, message: `${f.label.text.replace(/:$/, '')} "${f.value.text}" ${why}.` }];
    });
  },
};

export function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
