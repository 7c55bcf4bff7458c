import { describe, expect, it } from 'vitest';
import { toDateInput } from '@/lib/format';
import { cityToday, dayCount, periodProblems, periodSearch, presetOf, presetRange, readPeriod } from './period';

const today = new Date(2026, 4, 31); // 31 May 2026

describe('the dashboard period', () => {
  it('knows its presets: the last 30 days, the last quarter (91 days) and the last 12 months, today included', () => {
    expect(presetRange('last30', today)).toEqual({ from: '2026-05-02', to: '2026-05-31' });
    expect(presetRange('quarter', today)).toEqual({ from: '2026-03-02', to: '2026-05-31' });
    expect(presetRange('year', today)).toEqual({ from: '2025-06-01', to: '2026-05-31' });
    expect(dayCount('2026-03-02', '2026-05-31')).toBe(91);
    expect(dayCount('2026-05-02', '2026-05-31')).toBe(30);
  });

  it("ends the presets on the city's day, whatever the browser's zone", () => {
    // 23:30 UTC on 6 December is already 7 December in Brussels (UTC+1); 22:30 UTC is still the 6th.
    expect(toDateInput(cityToday(new Date('2026-12-06T23:30:00Z')))).toBe('2026-12-07');
    expect(toDateInput(cityToday(new Date('2026-12-06T22:30:00Z')))).toBe('2026-12-06');
    // Summer time (UTC+2): 22:30 UTC on 1 July is the 2nd in Brussels.
    expect(toDateInput(cityToday(new Date('2026-07-01T22:30:00Z')))).toBe('2026-07-02');
  });

  it('recognises a preset from its days, else says they are chosen', () => {
    expect(presetOf('2026-05-02', '2026-05-31', today)).toBe('last30');
    expect(presetOf('2025-06-01', '2026-05-31', today)).toBe('year');
    expect(presetOf('2026-01-01', '2026-03-31', today)).toBe('custom');
  });

  it('counts days across a change of daylight saving time', () => {
    expect(dayCount('2026-03-28', '2026-03-30')).toBe(3);
    expect(dayCount('2026-10-24', '2026-10-26')).toBe(3);
  });

  it('refuses a period the API would refuse, field by field', () => {
    expect(periodProblems('2026-03-01', '2026-05-31', '30')).toEqual({});
    expect(periodProblems('', '2026-05-31', '30')).toEqual({ from: 'required' });
    expect(periodProblems('2026-06-01', '2026-05-31', '30')).toEqual({ from: 'order' });
    expect(periodProblems('2024-05-30', '2026-05-31', '30')).toEqual({ from: 'tooLong' });
    expect(periodProblems('2024-05-31', '2026-05-31', '30')).toEqual({});
    expect(periodProblems('2026-03-01', '2026-05-31', '0')).toEqual({ waitingDays: 'waitingRange' });
    expect(periodProblems('2026-03-01', '2026-05-31', '366')).toEqual({ waitingDays: 'waitingRange' });
    expect(periodProblems('2026-03-01', '2026-05-31', '2.5')).toEqual({ waitingDays: 'waitingRange' });
  });

  it('is kept in the address bar, the default threshold left out', () => {
    expect(periodSearch({ from: '2026-03-01', to: '2026-05-31', waitingDays: 30 })).toBe('?from=2026-03-01&to=2026-05-31');
    expect(periodSearch({ from: '2026-03-01', to: '2026-05-31', waitingDays: 14 })).toBe('?from=2026-03-01&to=2026-05-31&waitingDays=14');
    expect(periodSearch({})).toBe('');
    expect(readPeriod(new URLSearchParams('from=2026-03-01&to=2026-05-31&waitingDays=14'))).toEqual({
      from: '2026-03-01',
      to: '2026-05-31',
      waitingDays: 14,
    });
    expect(readPeriod(new URLSearchParams('waitingDays=abc'))).toEqual({ from: undefined, to: undefined, waitingDays: undefined });
  });
});
