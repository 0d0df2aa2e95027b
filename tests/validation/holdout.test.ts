// The hold-out rule of reference/README.md: the column agrees with the rule for every row, and no
// held-out row reaches a fit (stack factors, latency shape, uncertainty quantiles).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCalibrationCsv } from '../../src/validation/calibration-rows';
import { inTargetSet, usedForFit } from '../../src/validation/fit-rows';
import { fnv1a32, heldOutByRule, submissionKey } from '../../src/validation/holdout';
import { latencyShape } from '../../src/validation/mlperf-benchmarks';
import { planRows } from '../../src/validation/row-to-scenario';

const parsed = parseCalibrationCsv(readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8'));
const plans = planRows(parsed.rows);

describe('FNV-1a-32', () => {
  it('matches the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

describe('holdout column', () => {
  it('agrees with the rule on every row', () => {
    expect(parsed.errors).toEqual([]);
    for (const row of parsed.rows) expect(row.holdout, `row ${row.index}: ${submissionKey(row)}`).toBe(heldOutByRule(row));
  });

  it('holds out at least a third of the rows added for issue 11 (rows 115 on)', () => {
    const added = parsed.rows.filter((r) => r.index >= 115);
    expect(added.length).toBe(626);
    expect(added.filter((r) => r.holdout).length / added.length).toBeGreaterThanOrEqual(1 / 3);
  });

  it('keeps the runs of one submission together', () => {
    const byKey = new Map<string, boolean>();
    for (const row of parsed.rows) {
      const key = submissionKey(row);
      if (byKey.has(key)) expect(row.holdout).toBe(byKey.get(key));
      byKey.set(key, row.holdout);
    }
  });

  it('never lets a held-out row into a fit', () => {
    const fit = plans.filter(usedForFit);
    expect(fit.length).toBeGreaterThan(60);
    for (const p of fit) expect(p.row.holdout, `row ${p.row.index}`).toBe(false);
    expect(plans.filter(inTargetSet).filter((p) => p.row.holdout).length).toBeGreaterThanOrEqual(15);
  });

  it('keeps held-out rows out of the latency shape', () => {
    const flipped = parsed.rows.map((r) => (r.holdout ? { ...r, noteFields: { ...r.noteFields, mean_TPOT_ms: '1', p99_TPOT_ms: '1000' } } : r));
    expect(latencyShape(flipped)).toEqual(latencyShape(parsed.rows));
  });
});
