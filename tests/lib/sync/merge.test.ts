import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../../lib/io/canonical';
import { formatStamp } from '../../../lib/sync/hlc';
import {
  DELETED,
  type FieldState,
  firstAuthor,
  isDeleted,
  latestChange,
  mergeAll,
  mergeStates,
  recordOf,
  stampLocalEdit,
} from '../../../lib/sync/merge';

const at = (ms: number, node = 'dev') => formatStamp(ms, 0, node);

const created = stampLocalEdit(null, null, { id: 's1', service: 'Netflix', amountMinor: 17900 }, at(100), 'anna');

describe('field-by-field last writer wins', () => {
  it('keeps both members’ edits of different fields', () => {
    const anna = stampLocalEdit(
      created,
      recordOf(created),
      { id: 's1', service: 'Netflix', amountMinor: 19900 },
      at(200, 'a'),
      'anna',
    );
    const ola = stampLocalEdit(
      created,
      recordOf(created),
      { id: 's1', service: 'Netflix Premium', amountMinor: 17900 },
      at(150, 'o'),
      'ola',
    );
    const merged = mergeStates(anna, ola);
    expect(recordOf(merged)).toEqual({ id: 's1', service: 'Netflix Premium', amountMinor: 19900 });
    expect(merged.b).toMatchObject({ amountMinor: 'anna', service: 'ola', id: 'anna' });
  });

  it('takes the later change when both edit the same field', () => {
    const early = stampLocalEdit(
      created,
      recordOf(created),
      { id: 's1', service: 'Netflix', amountMinor: 1 },
      at(200),
      'anna',
    );
    const late = stampLocalEdit(
      created,
      recordOf(created),
      { id: 's1', service: 'Netflix', amountMinor: 2 },
      at(300),
      'ola',
    );
    expect(recordOf(mergeStates(early, late))?.amountMinor).toBe(2);
    expect(recordOf(mergeStates(late, early))?.amountMinor).toBe(2);
    expect(latestChange(mergeStates(early, late))).toEqual({ stamp: at(300), by: 'ola' });
    expect(firstAuthor(mergeStates(early, late))).toBe('anna');
  });

  it('stamps only the fields that changed, and clears a field that was removed', () => {
    const withTrial = stampLocalEdit(
      created,
      recordOf(created),
      { ...recordOf(created), trialEnd: '2026-12-24' },
      at(200),
      'anna',
    );
    expect(withTrial.c.service).toBe(at(100));
    expect(withTrial.c.trialEnd).toBe(at(200));
    const cleared = stampLocalEdit(withTrial, recordOf(withTrial), recordOf(created), at(300), 'ola');
    expect(recordOf(cleared)).toEqual(recordOf(created));
    expect(cleared.c.trialEnd).toBe(at(300));
    expect('trialEnd' in cleared.f).toBe(false);
  });

  it('deletes when the deletion is the latest change, and brings the record back after a later edit', () => {
    const deleted = stampLocalEdit(created, recordOf(created), null, at(300), 'anna');
    expect(isDeleted(deleted)).toBe(true);
    expect(recordOf(deleted)).toBeNull();
    const editedBefore = stampLocalEdit(
      created,
      recordOf(created),
      { ...recordOf(created), amountMinor: 5 },
      at(250),
      'ola',
    );
    expect(recordOf(mergeStates(deleted, editedBefore))).toBeNull();
    const editedAfter = stampLocalEdit(
      created,
      recordOf(created),
      { ...recordOf(created), amountMinor: 5 },
      at(350),
      'ola',
    );
    expect(recordOf(mergeStates(deleted, editedAfter))).toEqual({ id: 's1', service: 'Netflix', amountMinor: 5 });
    // Undo on the deleting side: the record comes back whole.
    const restored = stampLocalEdit(deleted, null, recordOf(created), at(400), 'anna');
    expect(recordOf(restored)).toEqual(recordOf(created));
    expect(restored.f[DELETED]).toBe(false);
  });

  const stateArb = fc
    .array(
      fc.record({
        key: fc.constantFrom('a', 'b', 'c', DELETED),
        value: fc.oneof(fc.integer(), fc.string(), fc.constant(undefined), fc.boolean()),
        ms: fc.integer({ min: 0, max: 50 }),
        node: fc.constantFrom('x', 'y', 'z'),
        by: fc.constantFrom('anna', 'ola'),
      }),
      { maxLength: 6 },
    )
    .map((fields) => {
      const s: FieldState = { f: {}, c: {}, b: {} };
      for (const f of fields) {
        // One change per stamp per device, as the clock guarantees.
        const stamp = formatStamp(f.ms, 0, `${f.node}${f.key.replace('$', '')}`);
        s.c[f.key] = stamp;
        s.b[f.key] = f.by;
        if (f.value !== undefined) s.f[f.key] = f.value;
        else delete s.f[f.key];
      }
      return s;
    });

  it('is commutative, associative and idempotent (every device ends with the same record)', () => {
    fc.assert(
      fc.property(stateArb, stateArb, stateArb, (a, b, c) => {
        expect(canonical(mergeStates(a, b))).toBe(canonical(mergeStates(b, a)));
        expect(canonical(mergeStates(mergeStates(a, b), c))).toBe(canonical(mergeStates(a, mergeStates(b, c))));
        expect(canonical(mergeStates(a, a))).toBe(canonical(mergeAll([a])));
        expect(canonical(mergeAll([a, b, c]))).toBe(canonical(mergeAll([c, a, b])));
      }),
      { numRuns: 1000 },
    );
  });
});
