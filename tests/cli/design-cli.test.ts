import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './run-cli';
import { labRequest } from '../../src/app-state/requests';
import { optimumOf, sweepShares } from '../../src/design/matrix-share';
import { sweepMatrixShare } from '../../src/design/matrix-share-sweep';
import { DESIGN_PRESETS } from '../../src/design/presets';
import { encodeLink } from '../../src/url/link';
import { apply, catalog, fresh } from '../app-state/helpers';

const ROOT = new URL('../../', import.meta.url).pathname;
const H100 = 'hardware-profiles/designs/nvidia-h100-like.json';

const run = runScript;

function tempDesign(edit: (raw: Record<string, unknown>) => void): string {
  const raw = JSON.parse(readFileSync(join(ROOT, H100), 'utf8')) as Record<string, unknown>;
  edit(raw);
  const file = join(mkdtempSync(join(tmpdir(), 'design-')), 'd.json');
  writeFileSync(file, JSON.stringify(raw));
  return file;
}

describe('design CLI', () => {
  it('--format json prints {profile, derivation}; the H100-like bf16 peak is within 30% of 989 TFLOP/s', async () => {
    const r = await run('design', '--file', H100, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { profile: { origin: string; compute: { denseFlopsPerSecond: { bf16: number } } }; derivation: { key: string; low: number; high: number }[] };
    expect(Object.keys(j)).toEqual(['profile', 'derivation']);
    expect(j.profile.origin).toBe('design');
    expect(Math.abs(j.profile.compute.denseFlopsPerSecond.bf16 / 989.4e12 - 1)).toBeLessThan(0.3);
    expect(j.derivation.map((e) => e.key)).toEqual(expect.arrayContaining(['compute.denseFlopsPerSecond.bf16', 'memory.sramCapacityBytes', 'cost.buildUsd', 'price.listPriceUsd']));
  });

  it('prints a table; --set overrides a field before the checks', async () => {
    const r = await run('design', '--file', H100, '--set', 'areaShares.matrix=0.6', '--set', 'areaShares.sram=0.124');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Peak dense bf16 at 1.83 GHz');
    expect(r.out).toMatch(/Peak dense bf16 at 1\.83 GHz\s+1\.03 PFLOP\/s/);
  });

  it.each([
    ['shares not summing to 1', (r: Record<string, unknown>) => { (r.areaShares as Record<string, number>).io = 0.3; }, 'areaShares must sum to 1'],
    ['a die beyond the reticle', (r: Record<string, unknown>) => { r.dieAreaMm2 = 1200; }, 'dieAreaMm2 is 1,200 mm², beyond the reticle limit of 858 mm²'],
    ['an unknown node', (r: Record<string, unknown>) => { r.processNode = 'N1'; }, 'processNode must be one of N7, N5, N4, N3, N2, got "N1"'],
    ['stacks beyond the shoreline', (r: Record<string, unknown>) => { r.memory = { type: 'HBM3', count: 9 }; r.areaShares = { matrix: 0.4, sram: 0.1, vectorAndControl: 0.1, io: 0.4 }; }, 'memory.count 9 HBM3 stacks need'],
  ])('%s: exit 2 and a message naming the field', async (_name, edit, text) => {
    const r = await run('design', '--file', tempDesign(edit));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(text);
    expect(r.err.startsWith('error: ')).toBe(true);
  });

  it('unreadable files and bad flags exit 2', async () => {
    expect((await run('design', '--file', '/nonexistent.json')).code).toBe(2);
    expect((await run('design')).err).toContain('--file DESIGN.json or --url LINK is required');
    expect((await run('design', '--file', H100, '--hardware', 'x')).code).toBe(2);
  });

  it.each([
    [['--set', 'nosuchfield=1'], '--set nosuchfield: not a field of a design (a typo?); nothing was set'],
    [['--set', 'dieAreaMm2=800', '--set', 'dieAreaMm2=700'], '--set dieAreaMm2 is given twice; give it once'],
    // A refused --set value is blamed on the --set, not on the file it overrides.
    [['--set', 'dieAreaMm2=900'], 'error: --set dieAreaMm2: is 900 mm², beyond the reticle limit'],
    [['--points', '5'], '--points applies to --sweep-matrix-share only'],
    // The design's own flags once each: a second --file or --format was taken silently.
    [['--file', 'other.json'], '--file is given twice; give it once'],
    [['--sweep-matrix-share', '--points', '5', '--points', '7'], '--points is given twice; give it once'],
    [['--format', 'json', '--format', 'table'], '--format is given twice; give it once'],
    [['--calibration=no'], '--calibration is a switch and takes no value, got "no"'],
    [['--sweep-matrix-share', '--hardware-design', 'other.json'], '--hardware-design does not apply to a design (the design file is the hardware'],
    [['--model', 'llama-3.1-8b'], '--model is a workload flag: it applies to --sweep-matrix-share only'],
    [['--calibration', '--sweep-matrix-share'], '--calibration and --sweep-matrix-share cannot go together'],
    [['--sweep-matrix-share', '--pricing', 'rental'], 'the sweep prices by TCO at the derived price'],
    [['--sweep-matrix-share', '--chips', '0'], '--chips must be an integer from 1 to 100,000 chips or "auto", got "0"'],
    // A number JSON reads as Infinity is quoted as typed.
    [['--set', 'clockGHz=1e400'], 'error: --set clockGHz: must be a number from 0.1 to 6 GHz, got "1e400"'],
    [['--format', 'XML'], '--format must be table or json, got "XML"'],
    // An unknown model under the flag that named it, as simulate says it.
    [['--sweep-matrix-share', '--model', 'nope'], 'error: --model: "nope" is not a known model id'],
  ])('%j: exit 2 naming the flag, not dropped or reworded', async (args, text) => {
    const r = await run('design', '--file', H100, ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(text);
  });

  it('--calibration compares with the chip the design approximates', async () => {
    const r = await run('design', '--file', H100, '--calibration', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { approximates: string; rows: { quantity: string; error: number | null }[] };
    expect(j.approximates).toBe('nvidia-h100-sxm');
    expect(j.rows.map((x) => x.quantity)).toContain('build cost vs teardown estimate');
  });

  it('--sweep-matrix-share prints the sweep with its lowest $/M (small model, few points)', async () => {
    const r = await run('design', '--file', H100, '--sweep-matrix-share', '--points', '3', '--model', 'llama-3.1-8b', '--chips', '1', '--max-tpot-ms', '50', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { points: { matrixShare: number; usdPerMillionOutputTokens: number; flopsFormat: string }[]; lowest: { matrixShare: number }; lowestAtRangeEdge: string | null;
      withinOnePercent: { fromMatrixShare: number; toMatrixShare: number }; precision: { weights: string }; pricing: string; efficiencyMode: string };
    // What the sweep answers travels with it.
    expect(j).toMatchObject({ precision: { weights: 'fp8' }, pricing: 'tco at the derived price', efficiencyMode: 'achieved' });
    expect(new Set(j.points.map((p) => p.flopsFormat))).toEqual(new Set(['bf16']));
    expect(j.withinOnePercent.fromMatrixShare).toBeLessThanOrEqual(j.lowest.matrixShare);
    expect(j.withinOnePercent.toMatrixShare).toBeGreaterThanOrEqual(j.lowest.matrixShare);
    expect(j.points.map((p) => p.matrixShare)).toContain(0.579);
    expect(j.points.length).toBe(4);
    const cheapest = Math.min(...j.points.map((p) => p.usdPerMillionOutputTokens));
    expect(j.points.find((p) => p.matrixShare === j.lowest.matrixShare)?.usdPerMillionOutputTokens).toBe(cheapest);
    const shares = j.points.map((p) => p.matrixShare);
    expect(j.lowestAtRangeEdge).toBe(j.lowest.matrixShare === Math.max(...shares) ? 'largest' : j.lowest.matrixShare === Math.min(...shares) ? 'smallest' : null);
  });

  it('--sweep-matrix-share with a set purchase price prices every point at it and says so; the title names non-default settings', async () => {
    const args = ['--file', H100, '--sweep-matrix-share', '--points', '3', '--model', 'llama-3.1-8b', '--chips', '1', '--capex-usd-per-chip', '1000'];
    const j = JSON.parse((await run('design', ...args, '--format', 'json')).out) as { pricing: string; points: { priceUsd: number }[]; serving: string };
    expect(j.pricing).toBe('tco at the set price of $1,000 per chip');
    expect(j.points.every((p) => p.priceUsd === 1000)).toBe(true);
    expect(j.serving).toBe('co-located');
    const table = await run('design', ...args, '--efficiency', 'spec', '--serving', 'disaggregated');
    expect(table.out.split('\n')[0]).toMatch(/, spec mode, disaggregated serving; TCO at the set price of \$1,000 per chip$/);
    expect(table.out).not.toContain('derived price');
  });

  it('tables escape a design name\'s control characters; int8 rates are OP/s; dies are whole; one chip is "1 chip"', async () => {
    const file = tempDesign((raw) => { raw.name = 'EVIL\n\u001b[31mRED'; raw.matrixFormats = ['bf16', 'int8']; });
    for (const args of [[], ['--calibration'], ['--sweep-matrix-share', '--points', '3', '--model', 'llama-3.1-8b', '--chips', '1']]) {
      const r = await run('design', '--file', file, ...args);
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(r.out.split('\n')[0]).toContain('EVIL\\n\\u001b[31mRED');
      if (args[0] === '--sweep-matrix-share') expect(r.out.split('\n')[0]).toContain(', 1 chip, ');
    }
    const table = (await run('design', '--file', file)).out;
    expect(table).toMatch(/Peak dense int8 at [\d.]+ GHz\s+[\d.]+ POP\/s/);
    expect(table).toMatch(/Gross dies per wafer\s+\d+ dies\s+\d+ dies to \d+ dies/);
  });
});

describe('design --url: the page\'s design and workload', () => {
  const ORIGIN = 'http://127.0.0.1:5173/';
  const designState = () => apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'design-start', design: DESIGN_PRESETS.get('nvidia-h100-like')! },
    { type: 'design-set', param: 'clockGHz', value: 1.6 }, { type: 'set-setting', field: 'inputTokens', value: 4096 }, { type: 'lab-set-chips', chips: 4 });

  it('sweeps the link\'s design on the lab\'s workload and chips: the page\'s numbers', async () => {
    const state = designState();
    const url = `${ORIGIN}${await encodeLink(state, catalog)}`;
    const r = await run('design', '--url', url, '--sweep-matrix-share', '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { points: unknown[]; lowest: unknown; chips: unknown; workload: { inputTokens: number } };
    const { hardware: _h, chips, ...base } = labRequest(state, catalog).scenario!;
    const page = sweepMatrixShare(base, chips, state.design!, sweepShares(state.design!));
    expect(j.chips).toBe(4);
    expect(j.workload.inputTokens).toBe(4096);
    expect(j.points).toEqual(JSON.parse(JSON.stringify(page)));
    expect(j.lowest).toEqual(JSON.parse(JSON.stringify(optimumOf(page))));
  });

  it('derives the link\'s design (with --set on top); a link without a design, or with --file, exits 2', async () => {
    const url = `${ORIGIN}${await encodeLink(designState(), catalog)}`;
    expect((await run('design', '--url', url)).out).toContain('Peak dense bf16 at 1.6 GHz');
    const table = await run('design', '--url', url, '--set', 'clockGHz=1.5');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^H100-like design \(814 mm² N4\): derived from silicon area/);
    expect(table.out).toContain('Peak dense bf16 at 1.5 GHz');
    const plain = `${ORIGIN}${await encodeLink(apply(fresh(), { type: 'set-view', view: 'chip-lab' }), catalog)}`;
    const none = await run('design', '--url', plain);
    expect(none.code).toBe(2);
    expect(none.err).toContain('the link holds no chip design');
    expect((await run('design', '--url', url, '--file', H100)).err).toContain('--file and --url cannot go together');
  });
});

describe('simulate a design', () => {
  it('--hardware-design: Llama-3.1-70B on 8 chips of the H100-like design is feasible', async () => {
    const r = await run('simulate', '--hardware-design', H100, '--chips', '8', '--model', 'llama-3.1-70b', '--precision', 'fp8', '--max-tpot-ms', '50', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { feasible: boolean; hardwareId: string; pricingUsed: string; pricing: { rentalEstimated: boolean } };
    // A design has no market rental: in Rental mode it gets the estimated rental (≈), never the other basis.
    expect(j).toMatchObject({ feasible: true, hardwareId: 'nvidia-h100-like', pricingUsed: 'rental', pricing: { rentalEstimated: true } });
    // The repository's own design reads without a word (its derived profile was once re-read as a
    // design, with a warning for each of its 19 other fields).
    expect(r.err).toBe('');
  });

  it('a scenario whose hardware is {"design": {...}} simulates the design; a bad design exits 2 naming hardware.design.<field>', async () => {
    const design = JSON.parse(readFileSync(join(ROOT, H100), 'utf8')) as Record<string, unknown>;
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ version: 1, hardware: { design }, chips: 8, model: 'llama-3.1-70b' }));
    const r = await run('simulate', '--scenario', good, '--format', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { hardwareId: string }).hardwareId).toBe('nvidia-h100-like');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, hardware: { design: { ...design, clockGHz: 0 } } }));
    const b = await run('simulate', '--scenario', bad);
    expect(b.code).toBe(2);
    expect(b.err).toContain('hardware.design.clockGHz must be a number from 0.1 to 6 GHz, got 0');
    expect((await run('simulate', '--hardware-design', tempDesign((x) => { x.dieAreaMm2 = 900; }))).err).toContain('dieAreaMm2 is 900 mm²');
  });

  it('a scenario or design file that reads two ways is refused naming the key; a number past a double is quoted as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ambiguous-'));
    const twice = join(dir, 'twice.json');
    writeFileSync(twice, '{"version": 2, "model": "llama-3.1-8b", "workload": {"inputTokens": 512, "outputTokens": 64, "inputTokens": 4096}}');
    const t = await run('simulate', '--scenario', twice);
    expect(t.code).toBe(2);
    expect(t.err).toContain('"inputTokens" is given twice in "workload"');
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '{"version": 2, "chips": 1e400}');
    expect((await run('simulate', '--scenario', huge)).err).toContain('got "1e400"');
    const design = readFileSync(join(ROOT, H100), 'utf8').replace('{', '{"clockGHz": 1.1,');
    const designFile = join(dir, 'design.json');
    writeFileSync(designFile, design);
    const d = await run('design', '--file', designFile);
    expect(d.code).toBe(2);
    expect(d.err).toContain('"clockGHz" is given twice at the top level');
  });
});
