// Chips of one vendor stay apart: distinct colours (not four near-identical greens) and, in line
// charts, distinct dash patterns.

import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../../src/catalog/load-node';
import { DEFAULT_COMPARE_CHIPS } from '../../src/app-state/defaults';
import { chipColors, chipDashes } from '../../src/charts/vendor-colors';

const { catalog } = loadCatalogFromDisk();

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function distance(a: string, b: string): number {
  const [x, y] = [rgb(a), rgb(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

describe('vendor colours', () => {
  it('the landing NVIDIA and AMD chips differ visibly within their vendor', () => {
    const ids = ['nvidia-h100-sxm', 'nvidia-h200-sxm', 'nvidia-b200', 'nvidia-gb200-nvl72', 'amd-mi300x', 'amd-mi355x'];
    const colors = chipColors([...catalog.hardware.values()], DEFAULT_COMPARE_CHIPS);
    for (const group of [ids.slice(0, 4), ids.slice(4)]) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          expect(distance(colors.get(group[i]!)!, colors.get(group[j]!)!), `${group[i]} vs ${group[j]}`).toBeGreaterThan(40);
        }
      }
    }
  });

  it('dash patterns: solid for a vendor\'s first chip, another pattern for each next one', () => {
    const d = chipDashes([{ label: 'a', vendor: 'NVIDIA' }, { label: 'b', vendor: 'AMD' }, { label: 'c', vendor: 'nvidia' }, { label: 'd', vendor: 'NVIDIA' }]);
    expect(d.domain).toEqual(['a', 'b', 'c', 'd']);
    expect(d.range[0]).toEqual(d.range[1]);
    expect(new Set(d.range.filter((_, i) => i !== 1).map((x) => x.join())).size).toBe(3);
  });
});
