import { afterEach, describe, expect, it, vi } from 'vitest';
import { prebuiltReport, prebuiltReportFile } from '../../src/validation/prebuilt-report';

/** fetch answering every request with `body` (status 200 unless given). */
function answer(body: string, status = 200): ReturnType<typeof vi.fn> {
  const f = vi.fn(async () => new Response(body, { status }));
  vi.stubGlobal('fetch', f);
  return f;
}

const report = (mode: string) => JSON.stringify({ efficiencyMode: mode, rows: [], summary: {} });

describe('prebuiltReport', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it('outside a production build there is none: the worker computes the report', async () => {
    const f = answer(report('achieved'));
    expect(await prebuiltReport('achieved')).toBeNull();
    expect(f).not.toHaveBeenCalled();
  });

  it('in a production build it reads the shipped file of the mode, beside the script', async () => {
    vi.stubEnv('PROD', true);
    const f = answer(report('spec'));
    expect(await prebuiltReport('spec')).toEqual({ efficiencyMode: 'spec', rows: [], summary: {} });
    expect(String(f.mock.calls[0]![0])).toMatch(new RegExp(`/${prebuiltReportFile('spec')}$`));
  });

  it.each([
    ['a missing file', '', 404],
    ["a host's index page in its place", '<!doctype html><html></html>', 200],
    ["the other mode's report", report('spec'), 200],
    ['JSON that is not a report', '{"efficiencyMode":"achieved"}', 200],
  ])('%s is not the report: null, so the worker computes it', async (_what, body, status) => {
    vi.stubEnv('PROD', true);
    answer(body, status);
    expect(await prebuiltReport('achieved')).toBeNull();
  });

  it('a failed request is not an error', async () => {
    vi.stubEnv('PROD', true);
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('network'); }));
    expect(await prebuiltReport('achieved')).toBeNull();
  });
});
