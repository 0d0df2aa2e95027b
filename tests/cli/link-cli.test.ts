// `simulate --url LINK` prints the numbers the page shows for that link: the same decoder, the
// same resolved scenarios (app-state/requests.ts), the same engine, the page's ranking.

import { describe, expect, it } from 'vitest';
import { compareRequest, labRequest } from '../../src/app-state/requests';
import { DESIGN_PRESETS } from '../../src/design/presets';
import { rankResults } from '../../src/engine/analysis/rank';
import { simulate } from '../../src/engine/simulate';
import type { SimulationResult } from '../../src/engine/types';
import { reportedResult } from '../../src/export/reported-result';
import { decodeLink, encodeLink } from '../../src/url/link';
import { apply, catalog, fresh } from '../app-state/helpers';
import { runCli } from './run-cli';

const ORIGIN = 'http://127.0.0.1:5173/';

const run = runCli;

/** As the CLI prints results in JSON: without the frontier, through JSON. */
function printed(results: SimulationResult[]): unknown {
  return JSON.parse(JSON.stringify(results.map((r) => ({ ...reportedResult(r), frontier: undefined }))));
}

/** The CLI's own additions to each result (what limits it, the market check, its scenario, the chip's estimated specs) are checked elsewhere. */
function engineFields(out: Record<string, unknown>): Record<string, unknown> {
  const { limitingResource: _l, marketCheck: _m, marketCheckNote: _n, scenario: _s, rank: _r, notDistinguishableFromLeader: _d, estimatedSpecs: _e, ...rest } = out;
  return rest;
}

const model = { ...structuredClone(catalog.models.get('llama-3.1-8b')!), id: 'my-model', name: 'My <b>model</b>', numLayers: 40 };
const compareState = apply(fresh(),
  { type: 'set-view', view: 'chip-lab' }, { type: 'lab-set', param: 'hbmCapacity', value: 288e9 }, { type: 'lab-set', param: 'rentalPrice', value: 2.9 },
  { type: 'lab-set-name', name: 'H200 <img src=x onerror=alert(1)>' }, { type: 'lab-save' }, { type: 'set-view', view: 'compare' },
  { type: 'add-custom-model', model }, { type: 'set-setting', field: 'inputTokens', value: 4096 },
  { type: 'toggle-chip', id: 'groq-lpu', on: false }, { type: 'toggle-chip', id: 'cerebras-cs3', on: false },
  { type: 'set-chip-count', id: 'amd-mi300x', chips: 2 }, { type: 'set-chip-count', id: 'nvidia-h100-sxm', chips: 'auto' },
  { type: 'set-rank-by', key: 'tokensPerSecondPerUser' });

describe('simulate --url', () => {
  it('prints the comparison the page shows: every compared chip with its count, custom chips and model inline, page order', async () => {
    const url = `${ORIGIN}${await encodeLink(compareState, catalog)}`;
    const r = await run('--url', url, '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const decoded = await decodeLink(url, catalog);
    const ranked = rankResults(compareRequest(decoded.state, catalog).scenarios.map((s) => simulate(s)), decoded.state.compare.rankBy);
    const page = ranked.map((x) => x.result);
    expect(page.map((x) => x.hardwareId)).toContain('nvidia-h200-sxm-lab-2');
    expect(page.every((x) => x.modelId === 'my-model')).toBe(true);
    const results = (JSON.parse(r.out) as { results: Record<string, unknown>[] }).results;
    expect(results.map(engineFields)).toEqual(printed(page));
    // The page's ranks and "=1" marks.
    expect(results.map((x) => [x.rank, x.notDistinguishableFromLeader])).toEqual(ranked.map((x) => [x.rank, x.distinguishable === false]));
    const table = await run('--url', url);
    expect(table.code).toBe(0);
    // The metric the link ranks by, named above the table, in JSON and in CSV.
    expect(table.out.split('\n')[0]).toBe('ranked by tok/s/user (highest first)');
    expect(table.out.split('\n')[2]).toMatch(new RegExp(`^1\\s+${page[0]!.hardwareId}`));
    expect((JSON.parse(r.out) as { rankedBy: string }).rankedBy).toBe('tokensPerSecondPerUser');
    const csv = (await run('--url', url, '--format', 'csv')).out.split('\n');
    const column = csv[0]!.split(',').indexOf('rankedBy');
    expect(csv[1]!.split(',')[column]).toBe('tokensPerSecondPerUser');
    expect(table.out).toContain('nvidia-h200-sxm-lab-2');
    // --hardware may name the link's own chips, as the page lists them.
    const own = await run('--url', url, '--hardware', 'nvidia-h200-sxm-lab-2,nvidia-h100-sxm', '--format', 'json');
    expect(own.err).toBe('');
    expect((JSON.parse(own.out) as { results: { hardwareId: string }[] }).results.map((x) => x.hardwareId).sort()).toEqual(['nvidia-h100-sxm', 'nvidia-h200-sxm-lab-2']);
  });

  it('prints the chip lab\'s edited chip for a chip-lab link', async () => {
    const state = apply(compareState, { type: 'set-view', view: 'chip-lab' }, { type: 'lab-set', param: 'tdp', value: 900 }, { type: 'lab-set-chips', chips: 16 });
    const url = `${ORIGIN}${await encodeLink(state, catalog)}`;
    const r = await run('--url', url, '--format', 'json');
    expect(r.code).toBe(0);
    const decoded = await decodeLink(url, catalog);
    const scenario = labRequest(decoded.state, catalog).scenario!;
    const { published: _p, ...out } = JSON.parse(r.out) as Record<string, unknown>;
    expect(engineFields(out)).toEqual((printed([simulate(scenario)]) as unknown[])[0]);
    expect(out).toMatchObject({ hardwareId: 'nvidia-h200-sxm-lab', config: { chips: 16 } });
  });

  it('a design-mode link prices the lab by owning cost, as the page does', async () => {
    const h100Like = DESIGN_PRESETS.get('nvidia-h100-like')!;
    const state = apply(fresh(), { type: 'set-view', view: 'chip-lab' }, { type: 'design-start', design: h100Like });
    expect(state.settings.economics.pricing).toBe('rental');
    const url = `${ORIGIN}${await encodeLink(state, catalog)}`;
    const r = await run('--url', url, '--format', 'json');
    expect(r.code).toBe(0);
    const { published: _p, ...out } = JSON.parse(r.out) as Record<string, unknown>;
    expect(out.pricingUsed).toBe('tco');
    const decoded = await decodeLink(url, catalog);
    expect(engineFields(out)).toEqual((printed([simulate(labRequest(decoded.state, catalog).scenario!)]) as unknown[])[0]);
  });

  it('flags override the link; a broken link is one clear error line', async () => {
    const url = `${ORIGIN}${await encodeLink(compareState, catalog)}`;
    const r = await run('--url', url, '--output-tokens', '64', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(compareState.compare.picks.length + 1);
    // --hardware names the chips to run on the link's workload: one id is one row, not one per linked chip.
    const one = await run('--url', url, '--hardware', 'nvidia-b200', '--format', 'csv');
    expect(one.code).toBe(0);
    expect(one.out.trim().split('\n').slice(1).map((line) => line.split(',')[0])).toEqual(['nvidia-b200']);
    const both = await run('--url', url, '--scenario', 'tests/fixtures/does-not-matter.json');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--url and --scenario cannot go together');
    const bad = await run('--url', url.slice(0, url.length - 12));
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/^error: --url: The link is damaged or truncated/);
    // A link whose check fails, or that lost only its check, may not be the one shared: refused too.
    const dot = url.lastIndexOf('.');
    const altered = await run('--url', `${url.slice(0, dot + 1)}${url.endsWith('zz') ? 'yy' : 'zz'}`);
    expect(altered.code).toBe(2);
    expect(altered.err).toMatch(/^error: --url: The link was changed after it was made/);
    const unchecked = await run('--url', url.slice(0, dot));
    expect(unchecked.code).toBe(2);
    expect(unchecked.err).toMatch(/^error: --url: The link has lost its end/);
  });

  it('the page\'s bare address (what "Copy link" gives on the landing scenario) runs the landing comparison, and says so', async () => {
    const landing = await encodeLink(fresh(), catalog);
    const [bare, hashed] = await Promise.all([run('--url', ORIGIN, '--format', 'csv'), run('--url', `${ORIGIN}${landing}`, '--format', 'csv')]);
    expect(bare.code).toBe(0);
    expect(bare.out).toBe(hashed.out);
    expect(bare.err).toContain('the link holds no scenario (#s=…): it opens the page\'s landing scenario');
    // Text that is no address is still an error.
    const text = await run('--url', 'not a link');
    expect(text.code).toBe(2);
    expect(text.err).toMatch(/^error: --url: the link holds no scenario/);
  });
});
