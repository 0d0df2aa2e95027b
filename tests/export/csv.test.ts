import { describe, expect, it } from 'vitest';
import { rankResults } from '../../src/engine/analysis/compare';
import { simulate } from '../../src/engine/simulate';
import { COMPARE_CSV_HEADER, compareCsv, csvCell, resultsJson, toCsv } from '../../src/export/csv';
import { tinyScenario } from '../fixtures/tiny';

describe('csv', () => {
  it('quotes, escapes and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(Infinity)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });

  it('writes one row per result with the header columns', () => {
    const ranked = rankResults([simulate(tinyScenario())]);
    const csv = compareCsv(ranked, new Map([['tiny-chip', 'Tiny, Chip']]));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(COMPARE_CSV_HEADER.join(','));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Tiny, Chip"');
    expect(lines[1]!.startsWith('1,tiny-chip,')).toBe(true);
  });

  it('carries the table\'s "most sensitive to" once computed: the resource and the $/M change its +20% makes', () => {
    const ranked = rankResults([simulate(tinyScenario())]);
    const cells = (csv: string) => {
      const [head, row] = csv.trim().split('\r\n').map((l) => l.split(','));
      const at = (name: string) => row![head!.indexOf(name)];
      return [at('most_sensitive_resource'), at('most_sensitive_usd_per_million_fraction_change_at_plus_20_percent')];
    };
    expect(cells(compareCsv(ranked, new Map()))).toEqual(['', '']);
    const limits = new Map([['tiny-chip', { resource: 'compute' as const, elasticities: { compute: -0.5, hbmBandwidth: -0.1 } }]]);
    const [resource, change] = cells(compareCsv(ranked, new Map(), null, limits));
    expect(resource).toBe('compute');
    expect(Number(change)).toBeCloseTo(Math.pow(1.2, -0.5) - 1, 12);
  });

  it('JSON replaces non-finite numbers by null', () => {
    expect(JSON.parse(resultsJson('x', { a: Infinity, b: 1 }))).toEqual({ kind: 'x', generatedBy: 'tokencost', data: { a: null, b: 1 } });
  });
});
