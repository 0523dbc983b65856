/** A calendar date as letters write it: 11/09/2016, 10-13-16, 1/14/15, October 10, 2015. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Text that holds a date in one of the forms letters use, for finding dates in prose. */
export const DATE_PATTERN =
  '(?:\\d{1,2}[/-]\\d{1,2}[/-](?:\\d{4}|\\d{2})|(?:January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{1,2},?\\s+\\d{4})';

export function parseDate(text: string): CalendarDate | undefined {
  const numeric = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(text.trim());
  const named = /^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(text.trim());
  let date: CalendarDate | undefined;
  if (numeric) {
    const y = Number(numeric[3]);
    date = {
      month: Number(numeric[1]),
      day: Number(numeric[2]),
      year: numeric[3].length === 2 ? (y < 50 ? 2000 + y : 1900 + y) : y,
    };
  } else if (named && MONTHS.includes(named[1].toLowerCase())) {
    date = { month: MONTHS.indexOf(named[1].toLowerCase()) + 1, day: Number(named[2]), year: Number(named[3]) };
  }
  return date && isRealDate(date) ? date : undefined;
}

export function isRealDate({ year, month, day }: CalendarDate): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Negative when a is earlier than b. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatDate(d: CalendarDate): string {
  return `${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}/${d.year}`;
}
