import { describe, expect, it } from 'vitest';
import { pruneEmpty } from '../../src/render/fhir/prune.js';
import { stableUuid } from '../../src/render/fhir/ids.js';

describe('pruneEmpty (FHIR JSON has no empty values)', () => {
  it('drops empty and blank strings, null, undefined, empty arrays and objects, bottom up', () => {
    expect(
      pruneEmpty({
        resourceType: 'CarePlan',
        title: '',
        blank: '  ',
        none: null,
        missing: undefined,
        note: [],
        period: {},
        extension: [{ url: 'u', valueString: '' }, { extension: [{ valueString: '' }] }],
        activity: [{ detail: { description: '', scheduledPeriod: { start: undefined } } }],
        nan: Number.NaN,
      }),
    ).toEqual({ resourceType: 'CarePlan', extension: [{ url: 'u' }] });
  });

  it('removes the control characters FHIR strings may not hold, keeping tab and line ends', () => {
    expect(pruneEmpty({ text: 'Ana\u001b[31m\u0007 L.\tx\r\ny', only: '\u0000\u001f' })).toEqual({ text: 'Ana[31m L.\tx\r\ny' });
  });

  it('keeps 0, false and text, and leaves its input as it was', () => {
    const input = { a: 0, b: false, c: 'x', d: [0, '', false], e: { f: '' } };
    expect(pruneEmpty(input)).toEqual({ a: 0, b: false, c: 'x', d: [0, false] });
    expect(input.e).toEqual({ f: '' });
  });
});

describe('stableUuid', () => {
  it('is a UUID, the same for the same parts and different for different ones', () => {
    const id = stableUuid('plan', 'Ana', 1);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('plan', 'Ana', 1)).toBe(id);
    expect(stableUuid('plan', 'Ana', 2)).not.toBe(id);
    // Parts are kept apart: ("ab", "c") is not ("a", "bc").
    expect(stableUuid('ab', 'c')).not.toBe(stableUuid('a', 'bc'));
  });
});
