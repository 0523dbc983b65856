import { isRealDate } from '../letter/dates';
import type { Rule } from './rule';

const DATE_KEYS = new Set(['dateAssigned', 'dateOfInjury', 'decisionDate', 'urDenialDate', 'applicationReceived']);

export const headerBadDate: Rule = {
  id: 'header.bad-date',
  description: 'A header date is not a real MM/DD/YYYY date.',
  why: 'A date that does not exist cannot start or end a deadline.',
  example: '`Decision Date: 02/30/2017`.',
  severity: 'error',
  check(letter) {
    // 2013 notices print their date as M/D/YYYY.
    const shape =
      letter.layout.id === 'notice-2013' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/ : /^(\d{2})\/(\d{2})\/(\d{4})$/;
    return (letter.header?.fields ?? []).flatMap((f) => {
      if (!DATE_KEYS.has(f.key) || !f.value) return [];
      const m = shape.exec(f.value.text);
      if (m && isRealDate({ year: +m[3], month: +m[1], day: +m[2] })) return [];
      const why = m ? 'is not a real date' : 'is not of the form MM/DD/YYYY';
      return [{ range: f.value.range, message: `${f.label.text.replace(/:$/, '')} "${f.value.text}" ${why}.` }];
    });
  },
};
