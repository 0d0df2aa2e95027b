import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli';
import { latencyLimitedNote } from '../../src/validation/latency-limited-accuracy';
import { CALIBRATION_SUMMARY } from '../../src/engine/calibration-summary';

const ROOT = new URL('../../', import.meta.url).pathname;
const profiles = readdirSync(join(ROOT, 'hardware-profiles')).filter((f) => f.endsWith('.json')).length;

const WORKLOAD = ['--model', 'llama-3.1-70b', '--precision', 'fp8', '--input-tokens', '2048', '--output-tokens', '256'];

function scenarioFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
  const file = join(dir, 's.json');
  writeFileSync(file, text);
  return file;
}

describe('simulate CLI', () => {
  it('runs as a script: npm run simulate prints a table and exits 0; bad input exits 2 (one spawn smoke test)', () => {
    const ok = spawnSync('npx', ['tsx', 'src/cli/simulate.ts', '--hardware', 'nvidia-h200-sxm', '--chips', '8', ...WORKLOAD], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('$ per million output tokens');
    const bad = spawnSync('npx', ['tsx', 'src/cli/simulate.ts', '--hardware', ','], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    // A reader that stops early (README: `| head -c 3000`) ends the run quietly, not with an EPIPE trace.
    const piped = spawnSync('bash', ['-c', 'npx tsx src/cli/simulate.ts --hardware all --format json | head -c 3000 > /dev/null; echo "${PIPESTATUS[0]}"'], { cwd: ROOT, encoding: 'utf8' });
    expect(piped.stdout.trim()).toBe('0');
    expect(piped.stderr).toBe('');
  });

  it('prints a readable table for one deployment', async () => {
    const r = await run('--hardware', 'nvidia-h200-sxm', '--chips', '8', ...WORKLOAD, '--max-tpot-ms', '50');
    expect(r.code).toBe(0);
    for (const label of ['deployment', 'TTFT', 'TPOT', 'memory per chip', 'batch limited by', 'decode step bottleneck', '$ per million output tokens', 'output tokens/s per $/hour']) {
      expect(r.out).toContain(label);
    }
  });

  it('a result the TPOT limit bounds says what such predictions have been worth; without the limit, nothing is said', async () => {
    const bound = await run('--hardware', 'nvidia-h200-sxm', '--chips', '8', ...WORKLOAD, '--max-tpot-ms', '50');
    expect(bound.out).toContain('batch limited by             TPOT limit');
    expect(bound.out).toContain(latencyLimitedNote());
    const compared = await run('--hardware', 'nvidia-h200-sxm,amd-mi300x', '--chips', '8', ...WORKLOAD, '--max-tpot-ms', '50');
    expect(compared.out).toContain(latencyLimitedNote());
    const free = await run('--hardware', 'nvidia-h200-sxm,amd-mi300x', '--chips', '8', ...WORKLOAD);
    expect(free.out).not.toContain('TPOT limit');
    expect(free.out).not.toContain(latencyLimitedNote());
    // Spec mode is the silicon limit, not a prediction: nothing to say about what predictions were worth.
    const spec = await run('--hardware', 'nvidia-h200-sxm', '--chips', '8', ...WORKLOAD, '--max-tpot-ms', '50', '--efficiency', 'spec');
    expect(spec.out).not.toContain(latencyLimitedNote());
  });

  it('prints one JSON object with the contract keys', async () => {
    const r = await run('--hardware', 'nvidia-h200-sxm', '--chips', '8', ...WORKLOAD, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    for (const key of ['outputTokensPerSecond', 'outputTokensPerSecondPerChip', 'tokensPerSecondPerUser', 'ttftSeconds', 'tpotSeconds',
      'costPerHourUsd', 'usdPerMillionOutputTokens', 'outputTokensPerSecondPerDollarPerHour', 'config', 'memory', 'bottleneck', 'warnings', 'explain']) {
      expect(j).toHaveProperty(key);
    }
    expect(j.config).toMatchObject({ chips: 8 });
    expect(Object.keys(j.memory as object)).toEqual(expect.arrayContaining(['capacityBytesPerChip', 'weightsBytesPerChip', 'kvCacheBytesPerChip']));
  });

  it('each JSON result carries the scenario it answers, and --scenario reads it back to the same result', async () => {
    const r = await run('--hardware', 'nvidia-h200-sxm', '--chips', '8', ...WORKLOAD, '--max-tpot-ms', '40', '--pricing', 'tco', '--format', 'json');
    const j = JSON.parse(r.out) as { scenario: Record<string, unknown>; usdPerMillionOutputTokens: number; config: unknown };
    expect(j.scenario).toMatchObject({ hardware: 'nvidia-h200-sxm', chips: 8, model: 'llama-3.1-70b', slo: { maxTpotSeconds: 0.04 }, economics: { pricing: 'tco' } });
    const again = JSON.parse((await run('--scenario', scenarioFile(JSON.stringify(j.scenario)), '--format', 'json')).out) as typeof j;
    expect(again.usdPerMillionOutputTokens).toBe(j.usdPerMillionOutputTokens);
    expect(again.config).toEqual(j.config);
    const many = JSON.parse((await run('--hardware', 'nvidia-h200-sxm,amd-mi300x', ...WORKLOAD, '--format', 'json')).out) as { results: { hardwareId: string; scenario: { hardware: string } }[] };
    for (const x of many.results) expect(x.scenario.hardware).toBe(x.hardwareId);
  });

  it('a comparison ranks as the page does: rank and the "=1" mark in the table, CSV and JSON; spec ranges claim no coverage', async () => {
    const r = await run('--hardware', 'nvidia-h200-sxm,amd-mi300x,groq-lpu', '--chips', '8', ...WORKLOAD, '--format', 'json');
    const j = JSON.parse(r.out) as { results: { hardwareId: string; rank: number | null; notDistinguishableFromLeader: boolean; uncertainty: { usdPerMillionOutputTokens: { low: number; high: number } | null } | null }[] };
    expect(j.results.map((x) => x.rank)).toEqual([1, 2, null]);
    const [lead, second] = j.results;
    const overlap = second!.uncertainty!.usdPerMillionOutputTokens!.low <= lead!.uncertainty!.usdPerMillionOutputTokens!.high;
    expect(second!.notDistinguishableFromLeader).toBe(overlap);
    const csv = (await run('--hardware', 'nvidia-h200-sxm,amd-mi300x,groq-lpu', '--chips', '8', ...WORKLOAD, '--efficiency', 'spec', '--format', 'csv')).out.trim().split('\n');
    const header = csv[0]!.split(',');
    const cells = csv.slice(1).map((l) => l.split(','));
    expect(cells.map((c) => c[header.indexOf('rank')])).toEqual(['1', '2', '']);
    // Spec mode's numbers are silicon limits: their ranges claim no coverage (an empty cell), as the page export says.
    expect(cells.map((c) => c[header.indexOf('rangeCoverage')])).toEqual(['', '', '']);
    const achieved = (await run('--hardware', 'nvidia-h200-sxm', ...WORKLOAD, '--format', 'csv')).out.trim().split('\n');
    expect(achieved[1]!.split(',')[achieved[0]!.split(',').indexOf('rangeCoverage')]).toBe('0.8');
  });

  it('--hardware all prints one CSV row per profile, best tokens per dollar first, infeasible rows with a reason', async () => {
    const r = await run('--hardware', 'all', ...WORKLOAD, '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.length).toBe(profiles + 1);
    const header = lines[0]!.split(',');
    const perDollar = header.indexOf('outputTokensPerSecondPerDollarPerHour');
    const feasible = header.indexOf('feasible');
    const rows = lines.slice(1).map((l) => l.split(','));
    const values = rows.filter((row) => row[feasible] === 'true').map((row) => Number(row[perDollar]));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(lines.some((l) => l.startsWith('groq-lpu') && l.includes('needs at least'))).toBe(true);
    // An infeasible row has no deployment: its performance cells are empty, not zeros (0 s TTFT reads as instant).
    const infeasible = rows.filter((row) => row[feasible] === 'false');
    expect(infeasible.length).toBeGreaterThan(0);
    for (const column of ['batch', 'tensorParallel', 'outputTokensPerSecond', 'outputTokensPerSecondLow', 'tokensPerSecondPerUser', 'ttftSeconds', 'tpotSeconds', 'bottleneck']) {
      const i = header.indexOf(column);
      expect(infeasible.map((row) => row[i]), column).toEqual(infeasible.map(() => ''));
    }
  });

  it('--weights, --activations and --kv-cache win over --precision in either order', async () => {
    for (const args of [['--precision', 'fp8', '--kv-cache', 'bf16'], ['--kv-cache', 'bf16', '--precision', 'fp8']]) {
      const r = await run('--hardware', 'nvidia-h200-sxm', '--model', 'llama-3.1-8b', ...args, '--format', 'json');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.out) as { scenario: { precision: unknown } }).scenario.precision).toEqual({ weights: 'fp8', activations: 'fp8', kvCache: 'bf16' });
    }
  });

  it('an infeasible "auto" row shows no chip count in the table (never a 0)', async () => {
    const r = await run('--hardware', 'nvidia-h200-sxm,nvidia-a100-sxm', '--model', 'llama-3.1-405b', '--precision', 'fp8', '--chips', 'auto', '--max-tpot-ms', '50');
    expect(r.code).toBe(0);
    // Columns: rank ("-": unranked), chip, evidence, chips.
    const a100 = r.out.split('\n').find((line) => line.split(/\s+/)[1]?.startsWith('nvidia-a100-sxm') === true)!;
    expect(a100).toContain('infeasible');
    expect(a100.split(/\s+/)[0]).toBe('-');
    expect(a100.split(/\s+/)[3]).toBe('-');
  });

  it('a disaggregated table counts both pools, says which pool bounds the output and shows the co-located result', async () => {
    const r = await run('--hardware', 'nvidia-h200-sxm', '--chips', '16', '--model', 'llama-3.1-70b', '--precision', 'fp8', '--serving', 'disaggregated', '--max-tpot-ms', '50', '--max-ttft-ms', '2000');
    expect(r.code).toBe(0);
    const j = JSON.parse((await run('--hardware', 'nvidia-h200-sxm', '--chips', '16', '--model', 'llama-3.1-70b', '--precision', 'fp8', '--serving', 'disaggregated', '--max-tpot-ms', '50', '--max-ttft-ms', '2000', '--format', 'json')).out) as
      { disaggregation: { prefill: { replicas: number; chipsPerReplica: number }; decode: { replicas: number; chipsPerReplica: number } } };
    const { prefill, decode } = j.disaggregation;
    expect(prefill.replicas * prefill.chipsPerReplica + decode.replicas * decode.chipsPerReplica).toBe(16);
    expect(r.out).toMatch(new RegExp(`deployment +16 chips = prefill pool ${prefill.replicas} replica\\(s\\) .* \\+ decode pool ${decode.replicas} replica\\(s\\)`));
    expect(r.out).toContain('prompts run in the prefill pool');
    expect(r.out).not.toContain('prompt chunks take');
    expect(r.out).toMatch(/co-located instead \(best in the budget\) +[\d,]+ tokens\/s/);
  });

  it('reads a scenario file; flags override it', async () => {
    const file = scenarioFile(JSON.stringify({ version: 1, hardware: 'nvidia-h100-sxm', chips: 2, model: 'llama-3.1-8b', workload: { inputTokens: 512, outputTokens: 128 } }));
    const r = await run('--scenario', file, '--chips', '4', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { hardwareId: string; config: { chips: number } };
    expect(j.hardwareId).toBe('nvidia-h100-sxm');
    expect(j.config.chips).toBe(4);
  });

  it('a chip marked "*" in the table lists its estimated specs in JSON (estimatedSpecs), used by the result or not', async () => {
    const ids = 'amd-mi355x,groq-lpu,nvidia-h200-sxm';
    const table = (await run('--hardware', ids)).out;
    const json = JSON.parse((await run('--hardware', ids, '--format', 'json')).out) as { results: { hardwareId: string; estimatedSpecs: string[] }[] };
    for (const r of json.results) {
      const starred = new RegExp(`\\s${r.hardwareId}\\*`).test(table);
      expect(r.estimatedSpecs.length > 0, r.hardwareId).toBe(starred);
    }
    expect(json.results.find((r) => r.hardwareId === 'amd-mi355x')!.estimatedSpecs[0]).toMatch(/^scaleUp\.bandwidthBytesPerSecondPerDirection: /);
  });

  it('enough chips for the weights but no layout of that count says so, not "needs 333 (have 334)"', async () => {
    const r = await run('--hardware', 'groq-lpu', '--chips', '334', '--model', 'llama-3.1-70b', '--precision', 'int8', '--format', 'json');
    const j = JSON.parse(r.out) as { feasible: boolean; reason: { code: string; text: string } };
    expect(j.feasible).toBe(false);
    expect(j.reason.code).toBe('engine.no-layout-of-count');
    expect(j.reason.text).toMatch(/^334 chips hold the weights \(333 would\), but no layout of 334 chips does/);
  });

  it('a saved result or a scenario given where it does not belong says what it is', async () => {
    const result = (await run('--hardware', 'nvidia-h200-sxm', ...WORKLOAD, '--format', 'json')).out;
    const asScenario = await run('--scenario', scenarioFile(result));
    expect(asScenario.code).toBe(2);
    expect(asScenario.err).toMatch(/is a saved result \(--format json\), not a scenario; its "scenario" field is one/);
    const asDesign = await run('--hardware-design', scenarioFile(JSON.stringify({ version: 2, hardware: 'nvidia-h200-sxm' })));
    expect(asDesign.code).toBe(2);
    expect(asDesign.err.trim().split('\n')).toHaveLength(1);
    expect(asDesign.err).toContain('is a scenario or a result, not a chip design');
  });

  it('--hardware-design prints the design file\'s notes (an unknown field is named, not dropped)', async () => {
    const design = JSON.parse(readFileSync(join(ROOT, 'hardware-profiles/designs/nvidia-h100-like.json'), 'utf8')) as Record<string, unknown>;
    const r = await run('--hardware-design', scenarioFile(JSON.stringify({ ...design, bogus: 1 })), '--model', 'llama-3.1-8b');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: .*bogus is not a known field and was ignored/);
    // Once, under the file's path: not again as hardware.design.bogus.
    expect(r.err.match(/bogus/g)).toHaveLength(1);
  });

  it('a comparison keeps each chip\'s warnings: below the table and in a CSV column', async () => {
    const args = ['--hardware', 'nvidia-h200-sxm,nvidia-b200', '--speculative', 'mtp', ...WORKLOAD];
    const table = await run(...args);
    expect(table.code).toBe(0);
    for (const id of ['nvidia-h200-sxm', 'nvidia-b200']) expect(table.out).toMatch(new RegExp(`warning: ${id}: Llama 3.1 70B ships no multi-token-prediction module`));
    const csv = (await run(...args, '--format', 'csv')).out.trim().split('\n');
    const column = csv[0]!.split(',').indexOf('warnings');
    expect(column).toBeGreaterThan(0);
    expect(csv.slice(1).every((line) => line.includes('multi-token-prediction'))).toBe(true);
  });

  it('CSV of a disaggregated run carries the prefill pool, so the layout adds up to the chips', async () => {
    const csv = (await run('--hardware', 'nvidia-h200-sxm', '--model', 'llama-3.1-8b', '--chips', '16', '--serving', 'disaggregated', '--format', 'csv')).out.trim().split('\n');
    const header = csv[0]!.split(',');
    const row = csv[1]!.split(',');
    const at = (name: string) => Number(row[header.indexOf(name)]);
    const decode = at('replicas') * at('tensorParallel') * at('pipelineParallel') * at('expertParallel');
    const prefill = at('prefillReplicas') * at('prefillTensorParallel') * at('prefillPipelineParallel') * at('prefillExpertParallel');
    expect(prefill).toBeGreaterThan(0);
    expect(decode + prefill).toBe(at('chips'));
  });

  it('a chip a scenario file defines has the evidence the catalog backs, not the evidence the file states', async () => {
    const h200 = JSON.parse(readFileSync(join(ROOT, 'hardware-profiles', 'nvidia-h200-sxm.json'), 'utf8')) as { id: string; name: string; compute: { denseFlopsPerSecond: Record<string, number> }; efficiency: { evidence: unknown; softwareStackFactor: number } };
    const faster = { ...h200, compute: { denseFlopsPerSecond: Object.fromEntries(Object.entries(h200.compute.denseFlopsPerSecond).map(([k, v]) => [k, v * 1.2])) } };
    const stranger = { ...faster, id: 'fake-chip', name: 'Fake', efficiency: { ...h200.efficiency, evidence: { basis: 'measured', rows: 999, from: null } } };
    const evidence = async (hardware: unknown) => {
      const r = await run('--scenario', scenarioFile(JSON.stringify({ version: 2, hardware, model: 'llama-3.1-8b' })), '--format', 'json');
      expect(r.code).toBe(0);
      return { evidence: (JSON.parse(r.out) as { evidence: unknown }).evidence, err: r.err };
    };
    const unknown = await evidence(stranger);
    expect(unknown.evidence).toMatchObject({ basis: 'claim', rows: 0 });
    expect(unknown.err).toContain('"fake-chip" is not a catalog chip, so its stated "measured" (999 rows) counts as "claim"');
    // Its fitted factors are H200's, fitted to H200's rows: a claim runs on the prior's, and says so.
    expect(unknown.err).toContain(`achieved mode uses the prior's (software-stack factor ${String(CALIBRATION_SUMMARY.prior.softwareStackFactor)}, stated ${String(h200.efficiency.softwareStackFactor)})`);
    const faked = await run('--scenario', scenarioFile(JSON.stringify({ version: 2, hardware: { ...stranger, compute: h200.compute }, model: 'llama-3.1-8b' })), '--format', 'json');
    const real = await run('--hardware', 'nvidia-h200-sxm', '--model', 'llama-3.1-8b', '--format', 'json');
    const perChip = (out: string) => (JSON.parse(out) as { outputTokensPerSecondPerChip: number }).outputTokensPerSecondPerChip;
    expect(perChip(faked.out)).toBeLessThan(perChip(real.out));
    const edited = await evidence(faster);
    expect(edited.evidence).toMatchObject({ basis: 'family', from: 'nvidia-h200-sxm' });
    expect(edited.err).toContain("differs from the catalog's chip of that id");
    // The catalog's own chip, unchanged, keeps its evidence without a word.
    const same = await evidence(h200);
    expect(same.evidence).toMatchObject({ basis: 'measured' });
    expect(same.err).not.toContain('evidence');
  });

  it('reads a scenario file that starts with a UTF-8 byte order mark', async () => {
    const file = scenarioFile(`\uFEFF${JSON.stringify({ version: 1, hardware: 'nvidia-h100-sxm', chips: 2, model: 'llama-3.1-8b' })}`);
    const r = await run('--scenario', file, '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { hardwareId: string }).hardwareId).toBe('nvidia-h100-sxm');
  });

  it('--draft-tokens tunes the speculative decoding of a scenario file, and needs some', async () => {
    const file = scenarioFile(JSON.stringify({ version: 1, hardware: 'nvidia-h200-sxm', model: 'llama-3.1-70b', speculative: { method: 'mtp', draftTokens: 2, acceptanceRate: 0.6 } }));
    const ok = await run('--scenario', file, '--draft-tokens', '4', '--format', 'json');
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    const alone = await run('--hardware', 'nvidia-h200-sxm', '--draft-tokens', '0');
    expect(alone.code).toBe(2);
    expect(alone.err).toBe('error: --draft-tokens needs speculative decoding: add --speculative mtp|MODEL_ID (or a scenario file with "speculative")\n');
    const zero = await run('--hardware', 'nvidia-h200-sxm', '--speculative', 'mtp', '--draft-tokens', '0');
    expect(zero.code).toBe(2);
    expect(zero.err).toMatch(/^error: --draft-tokens must be an integer from 1 to 16 tokens, got "0"\n$/);
  });

  it('JSON results carry what limits them and the market check (issue 11 item 8, issue 13 item 4)', async () => {
    const r = await run('--hardware', 'groq-lpu', '--chips', 'auto', '--model', 'llama-3.1-70b', '--input-tokens', '2048', '--output-tokens', '512', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { limitingResource: { resource: string | null }; marketCheck: { price: { provider: string; usdPerRequest: number }; ratio: number; mustHold: string[] } };
    expect(['compute', 'sramBandwidth', 'scaleUpBandwidth', null]).toContain(j.limitingResource.resource);
    // Groq's own API price per request: 2048 x $0.59/M + 512 x $0.79/M.
    expect(j.marketCheck.price.provider).toBe('Groq');
    expect(j.marketCheck.price.usdPerRequest).toBeCloseTo((2048 * 0.59 + 512 * 0.79) / 1e6, 12);
    expect(j.marketCheck.ratio).toBeGreaterThan(1);
    expect(j.marketCheck.mustHold.length).toBe(3);
    const table = await run('--hardware', 'groq-lpu,nvidia-h200-sxm', '--chips', 'auto');
    expect(table.out).toMatch(/vs API/);
    // A model without a public price says so, in JSON and in the table.
    const unpriced = await run('--hardware', 'nvidia-h200-sxm', '--model', 'gpt-oss-120b', '--format', 'json');
    const u = JSON.parse(unpriced.out) as { marketCheck: unknown; marketCheckNote: string };
    expect(u.marketCheck).toBeNull();
    expect(u.marketCheckNote).toMatch(/^No public API price of gpt-oss-120b /);
    expect((await run('--hardware', 'nvidia-h200-sxm', '--model', 'gpt-oss-120b')).out).toMatch(/^market: No public API price of gpt-oss-120b /m);
    expect(j).toHaveProperty('marketCheckNote', null);
    // A priced model asked for a request longer than every priced API takes is not called unpriced.
    const long = JSON.parse((await run('--hardware', 'nvidia-h200-sxm', '--model', 'llama-3.1-70b', '--input-tokens', '200k', '--format', 'json')).out) as
      { feasible: boolean; marketCheck: unknown; marketCheckNote: string };
    expect(long.feasible).toBe(false);
    expect(long.marketCheck).toBeNull();
    expect(long.marketCheckNote).toBe('No priced API of Llama 3.1 70B (or of a model with its architecture) takes a request of 200,256 tokens: '
      + 'their context windows are shorter, so there is no market price to set against this workload.');
  });

  it('a million unknown keys print a bounded number of warning lines', async () => {
    const raw: Record<string, unknown> = { version: 1, hardware: 'nvidia-h200-sxm' };
    for (let i = 0; i < 1_000_000; i++) raw[`k${i}`] = 1;
    const r = await run('--scenario', scenarioFile(JSON.stringify(raw)), '--format', 'json');
    expect(r.code).toBe(0);
    const lines = r.err.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(21);
    expect(lines.at(-1)).toMatch(/999981 more unknown fields were ignored/);
  }, 60_000);

  it('shows published figures for the chip and model next to the prediction (Etched claim)', async () => {
    const r = await run('--hardware', 'etched-sohu', '--chips', '8', '--model', 'llama-3.1-70b', '--input-tokens', '2048', '--output-tokens', '128');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Published figures for this chip and model');
    expect(r.out).toMatch(/published 500,000 tokens\/s; this engine [\d,]+ tokens\/s/);
    expect(r.out).toContain('beyond the profile');
  });

  it('a model too large for the chips is a result, not a crash', async () => {
    const r = await run('--hardware', 'groq-lpu', '--chips', '8', ...WORKLOAD, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { feasible: boolean; reason: { code: string; text: string } } & Record<string, unknown>;
    expect(j.feasible).toBe(false);
    expect(j.reason.code).toBe('engine.chips-for-weights');
    expect(j.reason.text).toMatch(/needs at least \d+ chips/);
    // No deployment, so no throughput, latency or layout: null, not zeros that read as instant.
    expect([j.outputTokensPerSecond, j.tokensPerSecondPerUser, j.ttftSeconds, j.tpotSeconds, j.bottleneck]).toEqual([null, null, null, null, null]);
    expect(j.config).toMatchObject({ batch: null, tensorParallel: null, replicas: null });
    expect(j.uncertainty).toMatchObject({ outputTokensPerSecond: null, tokensPerSecondPerUser: null, usdPerMillionOutputTokens: null });
  });

  it.each([
    [['--hardware', 'nvidia-h999'], /hardware.*not a known hardware id/],
    [['--hardware', ','], /--hardware needs a chip id, "all" or a comma-separated list of ids, got ","/],
    [['--hardware', ' , ,'], /--hardware needs a chip id/],
    [['--input-tokens', '-5'], /^error: --input-tokens must be an integer from 1 to 1,000,000 tokens, got "-5"$/m],
    [['--input-tokens', 'NaN'], /--input-tokens must be/],
    [['--output-tokens', '1e12'], /--output-tokens must be an integer from 1 to 1,000,000/],
    [['--input-tokens', '2kk'], /--input-tokens must be an integer from 1 to 1,000,000 tokens, got "2kk"$/m],
    [['--output-tokens', '1.0005k'], /--output-tokens must be an integer from 1 to 1,000,000 tokens, got "1.0005k"$/m],
    // A value with a comma in it is named under the flag, with what the page says of it.
    [['--input-tokens', '4,8'], /^error: --input-tokens: in "4,8" the comma does not group thousands \(did you mean 48\?\); must be an integer from 1 to 1,000,000 tokens$/m],
    [['--rental-usd-per-chip-hour', '4,8'], /^error: --rental-usd-per-chip-hour: in "4,8" the comma does not group thousands \(did you mean 48 or 4\.8\?\); must be a number from 0\.001/m],
    // In the flag's own unit, never the scenario's seconds nor its "or null".
    [['--max-tpot-ms', '1,5'], /^error: --max-tpot-ms: in "1,5" the comma does not group thousands \(did you mean 15 or 1\.5\?\); must be a number from 0\.1 to 60,000 ms \(or "none": no limit\)$/m],
    [['--capex-overhead', '1,5'], /^error: --capex-overhead: in "1,5" the comma does not group thousands \(did you mean 15 or 1\.5\?\); must be a number from 1 to 10$/m],
    // A point before three digits in a count: 1000 or 1 is a guess, so neither is taken.
    [['--input-tokens', '1.000'], /^error: --input-tokens: "1\.000" could be 1000 or 1 \(a point does not group thousands here: for 1000, type 1000 or 1,000\); must be an integer from 1 to 1,000,000 tokens$/m],
    // A flag cannot be typed as null: its range does not offer it.
    [['--rental-usd-per-chip-hour', '-1'], /^error: --rental-usd-per-chip-hour must be a number from 0\.001 to 100,000 USD\/chip-hour, got "-1"$/m],
    // A percentage typed without its sign: refused (a bare number is the share), saying how to type it.
    [['--prefix-cache-hit-rate', '56'], /--prefix-cache-hit-rate must be a number from 0 to 0\.99 \(0% to 99%\), got "56" \(a bare number is the share itself; for 56 %, type 56%\)$/m],
    [['--cost-of-capital', '6'], /--cost-of-capital must be a number from 0 to 1 per year, got "6" \(a bare number is the share itself; for 6 %, type 6%\)$/m],
    [['--prefix-cache-hit-rate', '150'], /--prefix-cache-hit-rate must be a number from 0 to 0\.99 \(0% to 99%\), got "150"$/m],
    [['--prefix-cache-hit-rate', 'x%'], /got "x%"$/m],
    [['--chips', 'lots'], /^error: --chips must be an integer from 1 to 100,000 chips or "auto", got "lots"$/m],
    [['--chips', 'abc'], /or "auto", got "abc"$/m],
    [['--max-ttft-ms', '0.5'], /--max-ttft-ms must be a number from 1 to 3,600,000 ms \(or "none": no limit\), got "0\.5"$/m],
    [['--max-tpot-ms', '-5'], /--max-tpot-ms must be a number from 0\.1 to 60,000 ms \(or "none": no limit\), got "-5"$/m],
    [['--precision', 'fp3'], /--precision: must be one of/],
    // A rule on the whole layout is named under the flag that set part of it.
    [['--tp', '16'], /^error: --tp: needs at least 16 chips \(TP x PP x EP\), more than the 8 chips available$/m],
    [['--frobnicate'], /unknown option "--frobnicate"/],
    // The next flag is not a value: it was taken as one and the flag after it read as stray text.
    [['--input-tokens', '--output-tokens', '5'], /^error: --input-tokens needs a value before "--output-tokens"$/m],
    [['--format', 'xml'], /--format must be table, json or csv, got "xml"/],
    [['--scenario', '/nonexistent/file.json'], /cannot read file/],
    // Decimal notation only: hex, binary and "Infinity" are not numbers a person means here.
    [['--chips', '0x10'], /or "auto", got "0x10"$/m],
    [['--max-tpot-ms', '0x32'], /--max-tpot-ms must be a number from 0\.1 to 60,000 ms \(or "none": no limit\), got "0x32"$/m],
    [['--input-tokens', '0b1000'], /--input-tokens must be/],
    [['--chips', 'Infinity'], /got "Infinity"$/m],
    // The value as typed, not as the parser re-prints the number.
    [['--chips', '1e99'], /--chips must be an integer from 1 to 100,000 chips or "auto", got "1e99"$/m],
    [['--hardware', 'nvidia-h200-sxm,'], /--hardware has an empty item in "nvidia-h200-sxm," \(a stray comma\?\)/],
    [['--hardware', 'nvidia-h200-sxm,,amd-mi300x'], /--hardware has an empty item/],
    // A repeated chip was dropped silently, hiding a typo for the chip meant.
    [['--hardware', 'nvidia-h200-sxm,amd-mi300x,nvidia-h200-sxm'], /^error: --hardware lists "nvidia-h200-sxm" twice in "nvidia-h200-sxm,amd-mi300x,nvidia-h200-sxm"; list each chip once$/m],
    [['--hardware-design', '/nonexistent/design.json'], /^error: --hardware-design: cannot read design file "\/nonexistent\/design\.json"$/m],
    // A second value, or a second flag for the same thing, would silently win.
    [['--chips', '8', '--chips', '4'], /^error: --chips is given twice; give it once$/m],
    // A switch given a value: "--frontier=no" turned the frontier on.
    [['--frontier=no'], /^error: --frontier is a switch and takes no value, got "no"/m],
    [['--help=no'], /^error: --help is a switch and takes no value/m],
    [['--batch', '64', '--objective', 'min-latency'], /^error: --batch and --objective cannot go together/],
    // A field the scenario's own checks refuse is named under the flag that set it.
    [['--chips', '8', '--tp', '3'], /^error: --tp: must divide Llama 3\.1 70B's 64 attention heads, got "3"$/m],
    // Closest ids first: the two H100s before every other nvidia-* id.
    [['--hardware', 'nvidia-h100'], /^error: --hardware: "nvidia-h100" is not a known hardware id \(did you mean nvidia-h100-pcie, nvidia-h100-sxm, /m],
    // Then the longest common start ("nvidia-h20"), and ids compared without case.
    [['--hardware', 'nvidia-h201'], /^error: --hardware: "nvidia-h201" is not a known hardware id \(did you mean nvidia-h200-sxm, /m],
    [['--speculative', 'nope'], /^error: --speculative: "nope" is not a known model id/m],
    [['--model', 'llama-3.1-70c'], /^error: --model: "llama-3\.1-70c" is not a known model id \(did you mean llama-3\.1-70b, /m],
    [['--scenario', scenarioFile('{}')], /^error: --scenario: ".*s\.json" has no "version"; add "version": 2/],
    [['--max-batch', '4', '--max-sequences', '8'], /^error: --max-batch and --max-sequences cannot go together: both set engine\.maxSequences/],
    [['--frontier', '--format', 'csv'], /^error: --frontier and --format csv cannot go together/],
    [['--model', ''], /^error: --model: "" is not a known model id \(it is empty\)$/m],
    [['--scheduler', 'per-rack'], /^error: --scheduler must be one of per-micro-batch, per-replica, got "per-rack"$/m],
    [['--hardware-design', 'hardware-profiles/designs/nvidia-h100-like.json', '--hardware', 'nvidia-h200-sxm'], /^error: --hardware-design and --hardware cannot go together/],
  ])('bad input %j exits 2 with one clear line', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('the table marks "*" only where a result uses an estimated spec, and says what limits the batch in words', async () => {
    const r = await run('--hardware', 'nvidia-h200-sxm,etched-sohu', '--chips', '8', ...WORKLOAD);
    expect(r.code).toBe(0);
    // Rows start with the rank ("2 =1" when the range overlaps the leader's), then the chip.
    const line = (id: string) => r.out.split('\n').find((l) => l.replace(/^\d+( =1)?\s+/, '').startsWith(id))!;
    // H200: only its price and link latencies are estimated; Sohu's FLOP/s and bandwidth are.
    expect(line('nvidia-h200-sxm').replace(/^\d+( =1)?\s+/, '').split(/\s+/)[0]).toBe('nvidia-h200-sxm');
    expect(line('etched-sohu').replace(/^\d+( =1)?\s+/, '').split(/\s+/)[0]).toBe('etched-sohu*!');
    expect(r.out).not.toMatch(/compute-saturation|tpot-limit|ttft-limit/);
  });

  it('the single-chip report lists the estimated specs behind "*" as the page tooltip does, then the other estimates used', async () => {
    const sohu = await run('--hardware', 'etched-sohu');
    expect(sohu.code).toBe(0);
    expect(sohu.out).toMatch(/^\* estimated spec: power\.tdpWatts: /m);
    expect(sohu.out).toMatch(/^other estimate used: price\.listPriceUsd: /m);
    expect(sohu.out).not.toMatch(/^\* estimated spec: price\./m);
    expect((await run('--hardware', 'nvidia-h200-sxm')).out).not.toMatch(/^\* estimated spec/m);
    // A purchase price the user sets replaces the estimated one: the estimate is not "used".
    const priced = await run('--hardware', 'etched-sohu', '--capex-usd-per-chip', '10000', '--pricing', 'tco');
    expect(priced.code).toBe(0);
    expect(priced.out).not.toMatch(/price\.listPriceUsd/);
  });

  it('reads token counts and shares as the page does: 2k, 2,048, 56%', async () => {
    const r = await run('--hardware', 'nvidia-h200-sxm', '--model', 'llama-3.1-8b', '--input-tokens', '2,048', '--output-tokens', '1.5k', '--prefill-chunk', '2k', '--prefix-cache-hit-rate', '56%', '--load-factor', '70%', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { scenario: { workload: Record<string, unknown>; economics: Record<string, unknown>; engine: Record<string, unknown> } };
    expect(j.scenario.engine).toMatchObject({ prefillChunkTokens: 2000 });
    expect(j.scenario.workload).toMatchObject({ inputTokens: 2048, outputTokens: 1500, prefixCacheHitRate: 0.56 });
    expect(j.scenario.economics).toMatchObject({ loadFactor: 0.7 });
    // Every number flag reads commas that group thousands, and counts read k.
    const grouped = await run('--hardware', 'nvidia-h200-sxm', '--model', 'llama-3.1-8b', '--chips', '1,000', '--capex-usd-per-chip', '25,000',
      '--max-ttft-ms', '2,000', '--max-sequences', '1k', '--format', 'json');
    expect(grouped.err).toBe('');
    const g = JSON.parse(grouped.out) as { scenario: { chips: number; economics: Record<string, unknown>; slo: Record<string, unknown>; engine: Record<string, unknown> } };
    expect([g.scenario.chips, g.scenario.economics.capexUsdPerChip, g.scenario.slo.maxTtftSeconds, g.scenario.engine.maxSequences]).toEqual([1000, 25000, 2, 1000]);
    expect((await run('--chips', '4,8')).err).toContain('--chips: in "4,8" the comma does not group thousands (did you mean 48?); must be an integer from 1 to 100,000 chips or "auto"');
  });

  it('reads keyword values whatever their case, as it reads "NONE"', async () => {
    const r = await run('--hardware', 'nvidia-h200-sxm', '--model', 'llama-3.1-8b', '--chips', 'AUTO', '--precision', 'FP8', '--pricing', 'TCO',
      '--objective', 'Max-Throughput', '--serving', 'Co-Located', '--format', 'json');
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as { scenario: Record<string, unknown> };
    expect(j.scenario).toMatchObject({ chips: 'auto', precision: { weights: 'fp8', activations: 'fp8', kvCache: 'fp8' }, objective: 'max-throughput', serving: 'co-located' });
    // The scenario's {"batch": N} objective is --batch here, and the refusal says so.
    const batch = await run('--objective', '{"batch": 4}');
    expect(batch.code).toBe(2);
    expect(batch.err).toMatch(/--objective must be max-throughput or min-latency \(for a fixed batch, --batch N\)/);
  });

  it.each([
    [['--model', 'evil\nline two\u001b[31mred\u001b[0m']],
    [['--hardware', 'x\u001b]0;title\u0007\ny']],
    [['--frobnicate\u001b[2J\nmore']],
    [['--format', 'a\r\nb\u009b31m']],
  ])('echoed values stay on one line without terminal escape codes: %j', async (args) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err.endsWith('\n')).toBe(true);
    expect(r.err.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(r.err).toMatch(/\\u001b|\\n|\\r|\\u009b/);
  });

  it('a scenario file with markup or escape codes in a chip name prints them escaped in the table', async () => {
    const raw = { version: 1, chips: 8, model: 'llama-3.1-8b', hardware: (await import('../app-state/helpers')).catalog.hardware.get('nvidia-h100-sxm') };
    const file = scenarioFile(JSON.stringify({ ...raw, hardware: { ...raw.hardware, id: 'odd-chip', name: 'Odd\u001b[31m\nchip' } }));
    const r = await run('--scenario', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Odd\\u001b[31m\\nchip');
    expect(r.out).not.toContain('\u001b');
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: npm run --silent simulate');
    // Its ranges are the ones a refused flag states, written the same way.
    expect(r.out).toContain('prompt tokens per request (1 to 1,000,000;');
    expect(r.out).toContain('time per output token (0.1 to 60,000;');
    const refused = await run('--input-tokens', '0');
    expect(refused.err).toContain('from 1 to 1,000,000 tokens');
  });
});

describe('choice flags read case-blind', () => {
  it.each([
    ['--format JSON and --hardware ALL are the lower-case choices, as --pricing TCO is',
      ['--format', 'JSON', '--hardware', 'ALL', '--model', 'llama-3.1-8b'], ['--format', 'json', '--hardware', 'all', '--model', 'llama-3.1-8b']],
    ['catalog ids read case-blind: --hardware NVIDIA-H200-SXM,AMD-MI300X and --model Llama-3.1-8B are the lower-case ids',
      ['--format', 'json', '--hardware', 'NVIDIA-H200-SXM,AMD-MI300X', '--model', 'Llama-3.1-8B'], ['--format', 'json', '--hardware', 'nvidia-h200-sxm,amd-mi300x', '--model', 'llama-3.1-8b']],
  ])('%s', async (_, upperArgs, lowerArgs) => {
    const [upper, lower] = await Promise.all([run(...upperArgs), run(...lowerArgs)]);
    expect(upper.code).toBe(0);
    expect(upper.out).toBe(lower.out);
  });

  it('a choice it does not know is refused whatever its case: --format XML', async () => {
    const bad = await run('--format', 'XML');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"XML"');
  });
});
