// Day-number calendar arithmetic against the platform's own UTC calendar.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, daysBetween } from '../../src/engine/dates.js';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dateArb = fc.integer({ min: -25_000, max: 60_000 }).map((n) => iso(new Date(n * 86_400_000)));

describe('dates', () => {
  it('addDays and daysBetween agree with Date.UTC', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -800, max: 800 }), (start, n) => {
        const expected = iso(new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000));
        expect(addDays(start, n)).toBe(expected);
        expect(daysBetween(start, expected)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('addMonths keeps the day, or the month end when it does not exist', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-10-26', 6)).toBe('2028-04-26');
    expect(addMonths('2027-12-15', 1)).toBe('2028-01-15');
    expect(addMonths('2100-03-31', -1)).toBe('2100-02-28');
    expect(addMonths('2000-08-31', -6)).toBe('2000-02-29');
  });
});
