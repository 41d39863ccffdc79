import { describe, expect, it } from 'vitest';
import {
  TIME_ZONE,
  calendarDaysUntil,
  copenhagenLocalToInstant,
  effectiveDeadline,
  formatCopenhagen,
  instantToCopenhagenLocal,
  isBeforeDeadline,
} from './deadline';

const utc = (iso: string) => new Date(iso);
const local = copenhagenLocalToInstant;

describe('copenhagenLocalToInstant / instantToCopenhagenLocal', () => {
  it('names the Copenhagen zone', () => {
    expect(TIME_ZONE).toBe('Europe/Copenhagen');
  });

  it('uses CET (UTC+1) in winter and round-trips', () => {
    expect(local('2026-01-15T10:00').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(instantToCopenhagenLocal(utc('2026-01-15T09:00:00Z'))).toBe('2026-01-15T10:00');
    expect(instantToCopenhagenLocal(local('2026-12-31T23:59'))).toBe('2026-12-31T23:59');
  });

  it('uses CEST (UTC+2) in summer and round-trips', () => {
    expect(local('2026-07-01T10:00').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(instantToCopenhagenLocal(utc('2026-07-01T08:00:00Z'))).toBe('2026-07-01T10:00');
    expect(instantToCopenhagenLocal(local('2026-06-30T23:30'))).toBe('2026-06-30T23:30');
  });

  it('shows the local date, which may differ from the UTC date', () => {
    expect(instantToCopenhagenLocal(utc('2026-07-01T22:30:00Z'))).toBe('2026-07-02T00:30');
  });

  it('drops seconds when producing a form value', () => {
    expect(instantToCopenhagenLocal(utc('2026-01-15T09:00:59.999Z'))).toBe('2026-01-15T10:00');
  });

  it('accepts the optional seconds a datetime-local input may emit', () => {
    expect(local('2026-01-15T10:00:30').toISOString()).toBe('2026-01-15T09:00:30.000Z');
    expect(local('2026-01-15T10:00:30.5').toISOString()).toBe('2026-01-15T09:00:30.500Z');
  });

  it('rejects local times in the spring-forward gap', () => {
    expect(() => local('2026-03-29T02:30')).toThrow(RangeError);
    expect(() => local('2026-03-29T02:00')).toThrow(/does not exist in Europe\/Copenhagen/);
    expect(() => local('2026-03-29T02:59')).toThrow(RangeError);
  });

  it('keeps the minutes around the gap one real minute apart', () => {
    const before = local('2026-03-29T01:59');
    const after = local('2026-03-29T03:00');
    expect(before.toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(after.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(after.getTime() - before.getTime()).toBe(60_000);
  });

  it('resolves the repeated autumn hour to its first (CEST) occurrence', () => {
    expect(local('2026-10-25T02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(local('2026-10-25T02:00').toISOString()).toBe('2026-10-25T00:00:00.000Z');
    // The second occurrence (CET) still displays as the same local time.
    expect(instantToCopenhagenLocal(utc('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30');
    expect(local('2026-10-25T03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('converts deadlines on the days of the changes', () => {
    expect(local('2026-10-25T12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(local('2026-03-29T12:00').toISOString()).toBe('2026-03-29T10:00:00.000Z');
  });

  it.each(['', 'abc', '2026-13-01T10:00', '2026-02-30T10:00', '2026-00-10T10:00', '2026-01-15T24:00', '2026-01-15T10:60', '2026-01-15 10:00', '2026-01-15', '2026-01-15T10:00Z', ' 2026-01-15T10:00'])(
    'rejects %j with a RangeError',
    (value) => {
      expect(() => local(value)).toThrow(RangeError);
    },
  );

  it('accepts 29 February only in leap years', () => {
    expect(local('2028-02-29T10:00').toISOString()).toBe('2028-02-29T09:00:00.000Z');
    expect(() => local('2026-02-29T10:00')).toThrow(RangeError);
  });

  it('rejects an invalid Date', () => {
    expect(() => instantToCopenhagenLocal(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('formatCopenhagen', () => {
  it('formats in Danish', () => {
    expect(formatCopenhagen(utc('2026-11-27T13:03:00Z'), 'da')).toMatch(/^27\. november 2026 kl\. 14[.:]03$/);
  });

  it('formats in English', () => {
    expect(formatCopenhagen(utc('2026-11-27T13:03:00Z'), 'en')).toMatch(/^27 November 2026, 14:03$/);
  });

  it('uses Copenhagen summer time and a 24-hour clock past midnight', () => {
    expect(formatCopenhagen(utc('2026-07-01T22:05:00Z'), 'da')).toMatch(/^2\. juli 2026 kl\. 00[.:]05$/);
    expect(formatCopenhagen(utc('2026-07-01T22:05:00Z'), 'en')).toMatch(/^2 July 2026, 00:05$/);
  });
});

describe('effectiveDeadline', () => {
  const deadline = utc('2026-11-27T13:00:00Z');
  const extension = utc('2026-12-04T13:00:00Z');

  it('uses the extension when one is granted', () => {
    expect(effectiveDeadline(deadline, extension)).toBe(extension);
  });

  it('falls back to the consultation deadline', () => {
    expect(effectiveDeadline(deadline, null)).toBe(deadline);
    expect(effectiveDeadline(deadline, undefined)).toBe(deadline);
  });
});

describe('isBeforeDeadline', () => {
  const deadline = local('2026-10-25T12:00');
  const at = (offsetMs: number) => new Date(deadline.getTime() + offsetMs);

  it('is open until the deadline and closed from the deadline instant on', () => {
    expect(isBeforeDeadline(at(-1000), deadline)).toBe(true);
    expect(isBeforeDeadline(at(-1), deadline)).toBe(true);
    expect(isBeforeDeadline(at(0), deadline)).toBe(false);
    expect(isBeforeDeadline(at(1000), deadline)).toBe(false);
  });

  it('treats an invalid date as closed', () => {
    expect(isBeforeDeadline(new Date(Number.NaN), deadline)).toBe(false);
    expect(isBeforeDeadline(at(-1000), new Date(Number.NaN))).toBe(false);
  });
});

describe('calendarDaysUntil', () => {
  it('counts calendar days across the autumn change (75 real hours → 3 days)', () => {
    const now = local('2026-10-23T10:00');
    const deadline = local('2026-10-26T12:00');
    expect((deadline.getTime() - now.getTime()) / 3_600_000).toBe(75);
    expect(calendarDaysUntil(now, deadline)).toBe(3);
  });

  it('counts calendar days across the spring change (just under 2 days real time → 2 days)', () => {
    const now = local('2026-03-28T12:00');
    const deadline = local('2026-03-30T11:30');
    expect((deadline.getTime() - now.getTime()) / 3_600_000).toBe(46.5);
    expect(calendarDaysUntil(now, deadline)).toBe(2);
  });

  it('rounds a partial day up', () => {
    expect(calendarDaysUntil(local('2026-11-26T23:59'), local('2026-11-27T00:01'))).toBe(1);
    expect(calendarDaysUntil(local('2026-11-20T14:00'), local('2026-11-27T09:00'))).toBe(7);
  });

  it('uses Copenhagen days, not UTC days', () => {
    // 22:30Z and 23:30Z on 1 July are both 2 July in Copenhagen.
    expect(calendarDaysUntil(utc('2026-07-01T21:30:00Z'), utc('2026-07-01T22:30:00Z'))).toBe(1);
    expect(calendarDaysUntil(utc('2026-07-01T22:30:00Z'), utc('2026-07-01T23:30:00Z'))).toBe(0);
  });

  it('is 0 on the day of the deadline, before and after it', () => {
    expect(calendarDaysUntil(local('2026-10-25T00:00'), local('2026-10-25T12:00'))).toBe(0);
    expect(calendarDaysUntil(local('2026-10-25T23:00'), local('2026-10-25T12:00'))).toBe(0);
  });

  it('is negative after the deadline day', () => {
    expect(calendarDaysUntil(local('2026-03-30T09:00'), local('2026-03-29T12:00'))).toBe(-1);
    expect(calendarDaysUntil(local('2026-10-27T09:00'), local('2026-10-23T12:00'))).toBe(-4);
  });
});
