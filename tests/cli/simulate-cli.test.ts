import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const profiles = readdirSync(join(ROOT, 'hardware-profiles')).filter((f) => f.endsWith('.json')).length;

function run(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/simulate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const WORKLOAD = ['--model', 'llama-3.1-70b', '--precision', 'fp8', '--input-tokens', '2048', '--output-tokens', '256'];

describe('simulate CLI', () => {
  it('prints a readable table for one deployment', () => {
    const r = run('--hardware', 'nvidia-h200-sxm', '--chips', '8', ...WORKLOAD, '--max-tpot-ms', '50');
    expect(r.code).toBe(0);
    for (const label of ['deployment', 'TTFT', 'TPOT', 'memory per chip', 'batch limited by', 'decode step bottleneck', '$ per million output tokens', 'output tokens/s per $/hour']) {
      expect(r.out).toContain(label);
    }
  });

  it('prints one JSON object with the contract keys', () => {
    const r = run('--hardware', 'nvidia-h200-sxm', '--chips', '8', ...WORKLOAD, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    for (const key of ['outputTokensPerSecond', 'outputTokensPerSecondPerChip', 'tokensPerSecondPerUser', 'ttftSeconds', 'tpotSeconds',
      'costPerHourUsd', 'usdPerMillionOutputTokens', 'outputTokensPerSecondPerDollarPerHour', 'config', 'memory', 'bottleneck', 'warnings', 'explain']) {
      expect(j).toHaveProperty(key);
    }
    expect(j.config).toMatchObject({ chips: 8 });
    expect(Object.keys(j.memory as object)).toEqual(expect.arrayContaining(['capacityBytesPerChip', 'weightsBytesPerChip', 'kvCacheBytesPerChip']));
  });

  it('--hardware all prints one CSV row per profile, best tokens per dollar first, infeasible rows with a reason', () => {
    const r = run('--hardware', 'all', ...WORKLOAD, '--format', 'csv');
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
  });

  it('reads a scenario file; flags override it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify({ version: 1, hardware: 'nvidia-h100-sxm', chips: 2, model: 'llama-3.1-8b', workload: { inputTokens: 512, outputTokens: 128 } }));
    const r = run('--scenario', file, '--chips', '4', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { hardwareId: string; config: { chips: number } };
    expect(j.hardwareId).toBe('nvidia-h100-sxm');
    expect(j.config.chips).toBe(4);
  });

  it('shows published figures for the chip and model next to the prediction (Etched claim)', () => {
    const r = run('--hardware', 'etched-sohu', '--chips', '8', '--model', 'llama-3.1-70b', '--input-tokens', '2048', '--output-tokens', '128');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Published figures for this chip and model');
    expect(r.out).toMatch(/published 500,000 tokens\/s; this engine [\d,]+ tokens\/s/);
    expect(r.out).toContain('beyond the profile');
  });

  it('a model too large for the chips is a result, not a crash', () => {
    const r = run('--hardware', 'groq-lpu', '--chips', '8', ...WORKLOAD, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { feasible: boolean; reason: { code: string; text: string } };
    expect(j.feasible).toBe(false);
    expect(j.reason.code).toBe('engine.chips-for-weights');
    expect(j.reason.text).toMatch(/needs at least \d+ chips/);
  });

  it.each([
    [['--hardware', 'nvidia-h999'], /hardware.*not a known hardware id/],
    [['--input-tokens', '-5'], /workload\.inputTokens must be an integer from 1 to 1000000/],
    [['--input-tokens', 'NaN'], /workload\.inputTokens must be/],
    [['--output-tokens', '1e12'], /workload\.outputTokens must be an integer from 1 to 1000000/],
    [['--chips', 'lots'], /chips must be an integer from 1 to 100000 chips.*or "auto"/],
    [['--precision', 'fp3'], /precision\.weights must be one of/],
    [['--frobnicate'], /unknown option "--frobnicate"/],
    [['--scenario', '/nonexistent/file.json'], /cannot read file/],
  ])('bad input %j exits 2 with one clear line', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });
});
