// `npm run market`: the JSON contract of issue 14, CSV and table output, exit code 2 on bad input,
// and every engine factor of the decomposition rerun through `simulate --scenario`.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Decomposition } from '../../src/market/decomposition';
import type { MarketPoint } from '../../src/market/points';

import { runScript } from './run-cli';

const market = (...args: string[]) => runScript('market', ...args);

let cached: { points: MarketPoint[]; workload: Record<string, number>; decomposition: Decomposition } | null = null;
async function json() {
  if (cached === null) {
    const r = await market('--format', 'json');
    expect(r.code, r.err).toBe(0);
    cached = JSON.parse(r.out) as NonNullable<typeof cached>;
  }
  return cached;
}

describe('market CLI', () => {
  it('prints the JSON of issue 14: at least 12 points over 3 years, floors in 4 eras, a decomposition whose factors multiply to the total', async () => {
    const j = await json();
    expect(j.points.length).toBeGreaterThanOrEqual(12);
    const years = j.points.map((p) => Number(p.date.slice(0, 4)));
    expect(Math.max(...years) - Math.min(...years)).toBeGreaterThanOrEqual(3);
    expect(new Set(j.points.map((p) => p.era)).size).toBeGreaterThanOrEqual(4);
    for (const p of j.points) {
      for (const key of ['date', 'provider', 'model', 'capabilityScore', 'apiUsdPerMillionInputTokens', 'apiUsdPerMillionOutputTokens',
        'servedAsModelId', 'standIn', 'hardwareId', 'era', 'precision', 'apiUsdPerRequest', 'floorUsdPerRequest', 'marginRatio']) {
        expect(p, `${p.id} ${key}`).toHaveProperty(key);
      }
      expect(p.apiUsdPerRequest).toBeGreaterThan(0);
      expect(p.floorUsdPerRequest).toBeGreaterThan(0);
    }
    expect(j.workload).toMatchObject({ inputTokens: 1000, outputTokens: 250, maxTtftSeconds: 2, maxTpotSeconds: 0.05 });
    const d = j.decomposition;
    for (const key of ['from', 'to', 'totalRatio', 'factors']) expect(d).toHaveProperty(key);
    const product = d.factors.reduce((x, f) => x * f.ratio, 1);
    expect(Math.abs(product / d.totalRatio - 1)).toBeLessThan(0.01);
    for (const f of d.factors) for (const key of ['factor', 'ratio', 'shapleyRatio', 'before', 'after', 'explanation']) expect(f).toHaveProperty(key);
  });

  it('every engine factor\'s before and after scenarios, rerun with simulate --scenario, reproduce its ratio within 2%', async () => {
    const d = (await json()).decomposition;
    const dir = mkdtempSync(join(tmpdir(), 'market-factors-'));
    const engine = d.factors.filter((f) => f.factor !== 'margin');
    expect(engine).toHaveLength(4);
    const rerun = async (scenario: unknown, name: string): Promise<number> => {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(scenario));
      const r = await runScript('simulate', '--scenario', file, '--format', 'json');
      expect(r.code, r.err).toBe(0);
      const result = JSON.parse(r.out) as { feasible: boolean; usdPerMillionOutputTokens: number };
      expect(result.feasible).toBe(true);
      const outputTokens = (scenario as { workload: { outputTokens: number } }).workload.outputTokens;
      return (result.usdPerMillionOutputTokens * outputTokens) / 1e6;
    };
    for (const f of engine) {
      const before = await rerun(f.before.scenario, `${f.factor}-before`);
      const after = await rerun(f.after.scenario, `${f.factor}-after`);
      expect(Math.abs(before / f.before.floorUsdPerRequest - 1), `${f.factor} before`).toBeLessThan(0.02);
      expect(Math.abs((before / after) / f.ratio - 1), f.factor).toBeLessThan(0.02);
    }
  }, 180_000);

  it('prints one CSV row per point with its id, and a table with the decomposition and the dominant factor', async () => {
    const csv = await market('--format', 'csv', '--tier', '64.8', '--from', '2023');
    expect(csv.code, csv.err).toBe(0);
    // Lines end as the compare CSV's do (RFC 4180), so one reader takes both exports.
    expect(csv.out.endsWith('\r\n')).toBe(true);
    expect(csv.out.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = csv.out.trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['id', 'date', 'provider']);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines.slice(1)) expect(line.slice(0, 4) >= '2023').toBe(true);
    const table = await market('--to', '2024-12');
    expect(table.code, table.err).toBe(0);
    for (const text of ['served as', 'Decomposition:', 'Shapley', 'explains the most', 'Eras:']) expect(table.out).toContain(text);
    // Each chip with its own first day, as the page's era table lists it (H200 joins the 2024 era in July).
    expect(table.out).toMatch(/MI300X from 2024-01-01, H200 from 2024-07-01/);
  }, 60_000);

  it('a window with no price point says so and where the data lies, not an empty table', async () => {
    const table = await market('--from', '2030');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^no price point falls in these dates: the data runs from 2021-\d\d-\d\d to 20\d\d-\d\d-\d\d$/m);
    expect(table.out).not.toMatch(/date\s+model\s+MMLU/);
    // The tier empties it: the note says how many dates matched and the best score among them.
    const json = JSON.parse((await market('--tier', '99', '--format', 'json')).out) as { points: unknown[]; notes: { code: string; text: string }[] };
    expect(json.points).toEqual([]);
    expect(json.notes.find((n) => n.code === 'market.no-points')?.text).toMatch(/^\d+ price points in the data, none with an MMLU score of 99 or more: the best of them scores \d+/);
    const dated = JSON.parse((await market('--tier', '99', '--from', '2024', '--format', 'json')).out) as { notes: { code: string; text: string }[] };
    expect(dated.notes.find((n) => n.code === 'market.no-points')?.text).toMatch(/^\d+ price points fall in these dates, none/);
    // CSV keeps its header for a program, and says why there are no rows on stderr.
    const csv = await market('--from', '2030', '--format', 'csv');
    expect(csv.out).toBe(`${csv.out.split('\r\n')[0]}\r\n`);
    expect(csv.err).toMatch(/no price point falls in these dates/);
    // Counts and shares read as on the page.
    const counts = JSON.parse((await market('--input-tokens', '2k', '--prefix-cache-hit-rate', '50%', '--format', 'json')).out) as { workload: Record<string, number> };
    expect(counts.workload).toMatchObject({ inputTokens: 2000, prefixCacheHitRate: 0.5 });
  }, 60_000);

  it('--max-ttft-ms none / --max-tpot-ms none: floors without latency limits, and the table says so', async () => {
    const r = await market('--max-ttft-ms', 'none', '--max-tpot-ms', 'none');
    expect(r.code).toBe(0);
    expect(r.out).toContain('no TTFT limit, no TPOT limit');
  }, 60_000);

  it('exits 2 with one line naming the field on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['--tier', 'high'], /^error: --tier must be a number from 0 to 100 MMLU %, got "high"/],
      [['--from', 'last year'], /^error: --from must be a date/],
      [['--input-tokens', '0'], /^error: --input-tokens must be an integer from 1/],
      // Under the flag, in its own unit: not the option's field in seconds.
      [['--max-tpot-ms', '0'], /^error: --max-tpot-ms must be a number from 0\.1 to 60,000 ms \(or "none": no limit\), got "0"$/m],
      [['--from-point', 'no-such-point'], /^error: --from-point: "no-such-point" is not a price point/],
      // Two picked points that make no decomposition exit 2, as a reversed window does.
      [['--from-point', '2021-11-20-openai-gpt-3-175b-davinci', '--to-point', '2021-11-20-openai-gpt-3-175b-davinci'], /^error: --from-point and --to-point: the two points are the same/],
      [['--from-point', '2023-03-01-openai-gpt-3-5-turbo-0301', '--to-point', '2021-11-20-openai-gpt-3-175b-davinci'], /^error: --from-point and --to-point: the from point \(2023-03-01\) is later/],
      [['--format', 'xml'], /^error: --format must be table, json or csv/],
      [['--colour'], /^error: unknown option "--colour"/],
      [['--tier', '60', '--tier', '80'], /^error: --tier is given twice; give it once\n$/],
    ];
    for (const [args, pattern] of cases) {
      const r = await market(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(pattern);
    }
  }, 60_000);
});
