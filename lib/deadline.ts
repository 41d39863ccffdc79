import { tzOffset } from '@date-fns/tz';

export const TIME_ZONE = 'Europe/Copenhagen';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// A datetime-local value; seconds and milliseconds are optional because browsers emit them when the input's step allows.
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** Offset of Copenhagen from UTC in milliseconds at the given instant. */
function offsetMs(instant: number): number {
  // Rounded because tzOffset returns fractional minutes for pre-1894 local mean time.
  return Math.round(tzOffset(TIME_ZONE, new Date(instant)) * MINUTE_MS);
}

/** The instant shifted so that its UTC fields read as Copenhagen wall-clock time. */
function toWallClock(instant: Date): number {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid date');
  return time + offsetMs(time);
}

/**
 * Converts a datetime-local value ("2026-03-29T02:30"), read as Copenhagen time, to the instant.
 *
 * Throws a RangeError for malformed or impossible values and for wall-clock times skipped by the
 * spring-forward change (02:00–02:59 on the last Sunday of March). A time repeated by the autumn
 * change (02:00–02:59 on the last Sunday of October) resolves to its first occurrence (CEST), so an
 * ambiguous deadline never lands later than the user could have meant.
 */
export function copenhagenLocalToInstant(local: string): Date {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) throw new RangeError(`Invalid local date-time "${local}": expected YYYY-MM-DDTHH:mm`);
  const field = (index: number) => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [field(1), field(2), field(3), field(4), field(5), field(6)];
  const millisecond = Number((match[7] ?? '').padEnd(3, '0'));

  // setUTCFullYear avoids Date.UTC's mapping of years 0–99 to 1900–1999.
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, millisecond);
  // Out-of-range fields (month 13, 30 February, hour 24) roll over, so a mismatch exposes them.
  if (
    wall.getUTCFullYear() !== year ||
    wall.getUTCMonth() !== month - 1 ||
    wall.getUTCDate() !== day ||
    wall.getUTCHours() !== hour ||
    wall.getUTCMinutes() !== minute ||
    wall.getUTCSeconds() !== second
  ) {
    throw new RangeError(`Invalid local date-time "${local}": no such date or time`);
  }

  // Each offset in force within a day of the wall-clock time yields a candidate; it is a real
  // occurrence only if Copenhagen has that offset at the candidate instant.
  const wallMs = wall.getTime();
  const offsets = new Set([offsetMs(wallMs - DAY_MS), offsetMs(wallMs + DAY_MS)]);
  const occurrences = [...offsets]
    .map((offset) => wallMs - offset)
    .filter((instant) => wallMs - instant === offsetMs(instant))
    .sort((a, b) => a - b);
  const first = occurrences[0];
  if (first === undefined) {
    throw new RangeError(`Local time "${local}" does not exist in ${TIME_ZONE}: it falls in the daylight-saving gap`);
  }
  return new Date(first);
}

/**
 * The instant's Copenhagen wall-clock time as a Date whose UTC fields read that time, for
 * spreadsheet date cells: spreadsheets store a date without a zone, and show what is written.
 */
export function copenhagenWallClock(instant: Date): Date {
  return new Date(toWallClock(instant));
}

/** The instant as a datetime-local value in Copenhagen time ("YYYY-MM-DDTHH:mm"), for form fields. */
export function instantToCopenhagenLocal(instant: Date): string {
  return new Date(toWallClock(instant)).toISOString().slice(0, 16);
}

// Date and time are formatted separately and joined by hand because ICU versions disagree on the
// joiner ("at" vs ","); en-GB gives the day-month order and 24-hour clock expected in Denmark.
function copenhagenFormatter(locale: string, separator: string): (instant: Date) => string {
  const date = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (instant) => `${date.format(instant)}${separator}${time.format(instant)}`;
}

const FORMATTERS = {
  da: copenhagenFormatter('da', ' kl. '),
  en: copenhagenFormatter('en-GB', ', '),
};

/** Human-readable Copenhagen time: "27. november 2026 kl. 14.03" (da), "27 November 2026, 14:03" (en). */
export function formatCopenhagen(instant: Date, locale: 'da' | 'en'): string {
  return FORMATTERS[locale](instant);
}

/** The effective deadline of a party: the extension when one is granted, else the consultation's. */
export function effectiveDeadline(deadline: Date, extension: Date | null | undefined): Date {
  return extension ?? deadline;
}

/** Open strictly before the deadline: at the deadline instant itself it is closed (and an invalid date counts as closed). */
export function isBeforeDeadline(now: Date, deadline: Date): boolean {
  return now.getTime() < deadline.getTime();
}

/**
 * Copenhagen calendar days from now until the deadline, for reminders: 0 when the deadline is today,
 * negative after it. Counting calendar days rather than 24-hour spans keeps DST changes from
 * shifting the count.
 */
export function calendarDaysUntil(now: Date, deadline: Date): number {
  const dayNumber = (instant: Date) => Math.floor(toWallClock(instant) / DAY_MS);
  return dayNumber(deadline) - dayNumber(now);
}

/** A calendar day stored as midnight UTC (a council's decision), written out without a time. */
export function formatDay(day: Date, locale: 'da' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(day);
}
