// The validation as the app's workers run it: same numbers as `npm run validate`, plain data that
// survives structured cloning (postMessage), and the channels that ask for it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accuracyChannel, measuredChannel, measuredKey, measuredQuery } from '../../src/app/accuracy-channels';
import { defaultAppState } from '../../src/app-state/defaults';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { measuredOverlay, validateBundled } from '../../src/validation/app-jobs';
import { runValidation } from '../../src/validation/validate';
import { workerApi } from '../../src/worker-api';

const { catalog } = loadCatalogFromDisk();
const csv = readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8');

// One run per mode shared by the tests that only read it (each run takes ~10 s); the spec-mode run
// goes through the worker API, which the reachability test checks.
let achievedReport: ReturnType<typeof validateBundled> | undefined;
const achieved = () => (achievedReport ??= validateBundled(catalog, 'achieved'));
let specReport: ReturnType<typeof workerApi.validate> | undefined;
const spec = () => (specReport ??= workerApi.validate(catalog, 'spec'));

describe('validation in the workers', () => {
  it('gives the same report as the CLI, as structured-clonable data', () => {
    const app = achieved();
    const cli = runValidation(csv, catalog, { efficiencyMode: 'achieved' });
    expect(app.summary).toEqual(cli.summary);
    expect(app.rows.length).toBe(cli.rows.length);
    expect(app.excluded.length).toBe(cli.excluded.length);
    expect(structuredClone(app)).toEqual(app);
  });

  it('reruns at the silicon limit (software-stack factor 1): a different, more optimistic report', async () => {
    const report = await spec();
    expect(report.efficiencyMode).toBe('spec');
    expect(report.summary.target.medianSigned).toBeGreaterThan(achieved().summary.target.medianSigned);
  });

  it('is reachable through the worker API (lazy import)', async () => {
    const report = await spec();
    expect(report.rows.length).toBeGreaterThan(50);
    const overlay = await workerApi.measuredPoints({ modelId: 'llama-2-70b', inputTokens: 270, outputTokens: 294, hardwareIds: ['nvidia-h100-sxm'] });
    expect(overlay.points.length).toBeGreaterThan(3);
    expect(measuredOverlay(overlay.query)).toEqual(overlay);
  });
});

describe('accuracy channels', () => {
  const state = defaultAppState(catalog);

  it('keys the validation by efficiency mode only', () => {
    const a = accuracyChannel.plan(state, catalog)!;
    const b = accuracyChannel.plan({ ...state, settings: { ...state.settings, efficiencyMode: 'spec' } }, catalog)!;
    expect(a.key).not.toBe(b.key);
    expect(a.jobs).toEqual([{ method: 'validate', args: [catalog, 'achieved'] }]);
  });

  it('asks for measurements of the workload and the compared chips, and nothing without chips', () => {
    const q = measuredQuery(state)!;
    expect(q.modelId).toBe(state.settings.model);
    expect(q.inputTokens).toBe(state.settings.workload.inputTokens);
    expect(q.hardwareIds).toEqual(state.compare.picks.map((p) => p.id));
    expect(measuredChannel.plan(state, catalog)!.key).toBe(measuredKey(q));
    expect(measuredChannel.plan({ ...state, compare: { ...state.compare, picks: [] } }, catalog)).toBeNull();
  });
});
