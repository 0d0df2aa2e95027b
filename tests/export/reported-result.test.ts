import { describe, expect, it } from 'vitest';
import { rankResults } from '../../src/engine/analysis/compare';
import { simulate } from '../../src/engine/simulate';
import { COMPARE_CSV_HEADER, compareCsv } from '../../src/export/csv';
import { reportedResult } from '../../src/export/reported-result';
import { tinyChip, tinyScenario } from '../fixtures/tiny';

/** The tiny model's 480 bytes of bf16 weights do not fit in 100 bytes of memory. */
const tooSmall = () => tinyScenario({ hardware: tinyChip({ memory: { ...tinyChip().memory, hbmCapacityBytes: 100 } }) });

describe('reportedResult', () => {
  it('reports a feasible result as it is, its TTFT and TPOT ranges added', () => {
    const r = simulate(tinyScenario());
    expect(r.feasible).toBe(true);
    const { uncertainty, ...rest } = reportedResult(r);
    const { uncertainty: own, ...ownRest } = r;
    expect(rest).toEqual(ownRest);
    expect(uncertainty).toMatchObject(own!);
    for (const key of ['ttftSeconds', 'tpotSeconds'] as const) {
      expect(uncertainty![key]!.low).toBeLessThanOrEqual(r[key]);
      expect(uncertainty![key]!.high).toBeGreaterThanOrEqual(r[key]);
    }
  });

  it('an infeasible result has null throughput, latency, layout and memory plan, and keeps what it knows', () => {
    const r = simulate(tooSmall());
    expect(r.feasible).toBe(false);
    const before = structuredClone(r);
    const rep = reportedResult(r);
    expect(r).toEqual(before);
    for (const v of [rep.outputTokensPerSecond, rep.outputTokensPerSecondPerChip, rep.tokensPerSecondPerUser, rep.ttftSeconds,
      rep.tpotSeconds, rep.bottleneck, rep.prefillShareOfStep, rep.decodeStepBreakdownSeconds]) expect(v).toBeNull();
    expect(Object.values(rep.config)).toEqual(Object.values(rep.config).map(() => null));
    expect(rep.memory).toMatchObject({ capacityBytesPerChip: 100, weightsBytesPerChip: null, maxBatchThatFits: null, batchLimitedBy: null });
    expect(rep.uncertainty).toMatchObject({ basis: 'measured', outputTokensPerSecond: null, tokensPerSecondPerUser: null });
    expect(rep.reason).toEqual(r.reason);
    expect(rep.evidence).toEqual(r.evidence);
  });

  it("the page's CSV leaves an infeasible row's deployment cells empty", () => {
    const csv = compareCsv(rankResults([simulate(tinyScenario()), simulate(tooSmall())]), new Map());
    const [header, ...rows] = csv.trim().split('\r\n').map((l) => l.split(','));
    expect(header).toEqual([...COMPARE_CSV_HEADER]);
    const feasible = header!.indexOf('feasible');
    const infeasible = rows.find((r) => r[feasible] === 'false')!;
    const ok = rows.find((r) => r[feasible] === 'true')!;
    for (const column of ['chips_used', 'chips_paid', 'batch_per_replica', 'output_tokens_per_s', 'ttft_s', 'tpot_s', 'bottleneck', 'output_tokens_per_s_low', 'batch_limited_by', 'tpot_s_low', 'output_tokens_per_s_per_chip_high']) {
      const i = header!.indexOf(column);
      expect(infeasible[i], column).toBe('');
      expect(ok[i], column).not.toBe('');
    }
  });
});
