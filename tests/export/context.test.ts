// Exports say what they rank and what they were computed for: model, precision, tokens (raw
// numbers), SLO, serving options, pricing and efficiency mode; file names carry model and date.

import { describe, expect, it } from 'vitest';
import { exportContext } from '../../src/app/selectors';
import { rankResults } from '../../src/engine/analysis/compare';
import { simulate } from '../../src/engine/simulate';
import { contextHeader, exportCaption, exportFileName, labelCaption, labelFileName } from '../../src/export/context';
import { RANKED_BY, compareCsv, resultsJson, sweepCsv } from '../../src/export/csv';
import { apply, catalog, fresh } from '../app-state/helpers';
import { tinyScenario } from '../fixtures/tiny';
import { sweepChip } from '../../src/engine/analysis/model-size-sweep';
import { resolveScenario } from '../../src/scenario/resolve';
import { defaultScenario } from '../../src/scenario/scenario';

const DAY = new Date('2026-05-01T12:00:00Z');

function parseCsv(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trim().split('\r\n');
  const names = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [names[i]!, v])));
}

describe('export context', () => {
  const state = apply(fresh(), { type: 'set-setting', field: 'inputTokens', value: 4096 }, { type: 'set-pricing', pricing: 'tco' },
    { type: 'set-speculative', method: 'mtp' }, { type: 'set-rank-by', key: 'tokensPerSecondPerUser' });
  const context = exportContext(state, catalog, RANKED_BY[state.compare.rankBy], DAY);

  it('the compare CSV names the model, the input tokens as a raw number, SLO, pricing and efficiency mode, and what it ranks by', () => {
    const csv = compareCsv(rankResults([simulate(tinyScenario())]), new Map(), context);
    const [row] = parseCsv(csv);
    expect(row).toMatchObject({
      model_id: 'llama-3.1-70b', model: 'Llama 3.1 70B', weights: 'fp8', input_tokens: '4096', output_tokens: '512', max_ttft_s: '2', max_tpot_s: '0.05',
      pricing_mode: 'tco', efficiency_mode: 'achieved', ranked_by: 'tokens_per_s_per_user (highest first)', exported_on: '2026-05-01',
    });
    expect(row!.speculative).toBe('mtp; 3 tokens; acceptance 0.7');
    expect(csv.split('\r\n')[0]!.startsWith('rank,hardware_id,chip,feasible')).toBe(true);
  });

  it('the sweep CSV carries the workload without repeating the model columns', () => {
    const csv = sweepCsv([], new Map(), exportContext(state, catalog, null, DAY));
    expect(csv.split('\r\n')[0]!.split(',').filter((c) => c === 'model_id')).toHaveLength(1);
    expect(contextHeader(false)).not.toContain('model_id');
  });

  it('the sweep CSV carries each point\'s evidence and the 80% range of its numbers, as the compare CSV does', () => {
    const scenario = resolveScenario({ ...defaultScenario(), hardware: 'nvidia-h200-sxm', chips: 'auto' }, catalog).value!;
    const { hardware, chips, ...base } = scenario;
    const points = sweepChip(base, { hardware, chips }, 'dense', [8e9, 70e9], []);
    const rows = parseCsv(sweepCsv(points, new Map()));
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.evidence).toBe('measured');
      for (const k of ['output_tokens_per_s_per_usd_per_hour', 'usd_per_million_output_tokens', 'output_tokens_per_s_per_chip', 'tokens_per_s_per_user']) {
        expect(Number(r[`${k}_low`]), k).toBeLessThanOrEqual(Number(r[k]));
        expect(Number(r[`${k}_high`]), k).toBeGreaterThanOrEqual(Number(r[k]));
        expect(Number(r[`${k}_high`]), k).toBeGreaterThan(Number(r[`${k}_low`]));
      }
    }
  });

  it('JSON exports start with the context', () => {
    const json = JSON.parse(resultsJson('compare', { ranked: [] }, context)) as { context: { model: { id: string }; rankedBy: string; settings: { workload: { inputTokens: number } } } };
    expect(json.context.model.id).toBe('llama-3.1-70b');
    expect(json.context.rankedBy).toContain('tokens_per_s_per_user');
    expect(json.context.settings.workload.inputTokens).toBe(4096);
  });

  it('file names carry the model, the token lengths and the date; two workloads never share a name', () => {
    expect(exportFileName('compare', context, 'csv')).toBe('tokencost-compare_llama-3.1-70b_4096in-512out_2026-05-01.csv');
    const other = exportContext(apply(state, { type: 'set-model', model: 'llama-3.1-8b' }), catalog, null, DAY);
    expect(exportFileName('frontier', other, 'png')).toBe('tokencost-frontier_llama-3.1-8b_4096in-512out_2026-05-01.png');
    const odd = { ...context, modelId: 'My <b>model</b>/../x' };
    expect(exportFileName('compare', odd, 'csv')).toMatch(/^tokencost-compare_my-b-model-b-.-x_4096in-512out_2026-05-01\.csv$/);
  });

  it('the chart caption says model, precision, tokens, SLO, pricing, efficiency and options', () => {
    expect(exportCaption(context)).toBe('Llama 3.1 70B, fp8 · 4,096 in / 512 out · TTFT ≤ 2 s, TPOT ≤ 50 ms · TCO pricing, today\'s software · speculative mtp; 3 tokens; acceptance 0.7 · marks: * estimated spec, ● measured, ◐ family fit, ○ prior, ◇ claims only, ≈ rental estimated from TCO · tokencost, 2026-05-01');
    const plain = exportContext(fresh(), catalog, null, DAY);
    expect(exportCaption(plain)).toBe('Llama 3.1 70B, fp8 · 2,048 in / 512 out · TTFT ≤ 2 s, TPOT ≤ 50 ms · rental pricing, today\'s software · marks: * estimated spec, ● measured, ◐ family fit, ○ prior, ◇ claims only, ≈ rental estimated from TCO · tokencost, 2026-05-01');
  });

  it('the caption names the efficiency setting, claims included', () => {
    const s = fresh();
    const claim = exportContext({ ...s, settings: { ...s.settings, efficiencyMode: 'claim' } }, catalog, null, DAY);
    expect(exportCaption(claim)).toContain("rental pricing, vendors' claimed efficiencies");
  });

  it('a chart about one chip (the chip lab\'s) names it first; its file name does not change', () => {
    const lab = exportContext(fresh(), catalog, null, DAY, 'Chip lab: My chip');
    expect(exportCaption(lab)).toBe('Chip lab: My chip · Llama 3.1 70B, fp8 · 2,048 in / 512 out · TTFT ≤ 2 s, TPOT ≤ 50 ms · rental pricing, today\'s software · marks: * estimated spec, ● measured, ◐ family fit, ○ prior, ◇ claims only, ≈ rental estimated from TCO · tokencost, 2026-05-01');
    expect(exportFileName('lab-sensitivity', lab, 'png')).toBe(exportFileName('lab-sensitivity', exportContext(fresh(), catalog, null, DAY), 'png'));
  });

  it('a chart not about one workload (Accuracy, Market) is dated and says what it shows', () => {
    const label = { stem: ['1000in-250out'], caption: ['API prices and cost floors', 'floor request 1,000 in / 250 out'], date: '2026-05-01' };
    expect(labelFileName('market-prices', label, 'svg')).toBe('tokencost-market-prices_1000in-250out_2026-05-01.svg');
    expect(labelCaption(label)).toBe('API prices and cost floors · floor request 1,000 in / 250 out · tokencost, 2026-05-01');
  });
});
