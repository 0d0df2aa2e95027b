// Parametric models are named by their own parameter count, as the charts print it: the name and
// the tooltip's "total parameters" never disagree (issue 13 item 14: "6.69B" named, 6.68B counted).

import { describe, expect, it } from 'vitest';
import { paramsText } from '../../src/charts/chart-theme';
import { generateModel } from '../../src/engine/analysis/parametric-model';
import { sweepSizes, SWEEP_MAX_SIZES } from '../../src/engine/analysis/sweep-sizes';
import { countParameters } from '../../src/engine/parameters';

describe('parametric model names', () => {
  it.each(['dense', 'moe'] as const)('%s: the size in the name is the counted total, as charts print it', (kind) => {
    const sizes = new Set([...sweepSizes(13), ...sweepSizes(SWEEP_MAX_SIZES), 6.69e9, 6.7e9, 71e9, 1.234e12]);
    for (const size of sizes) {
      const model = generateModel(size, kind);
      const counted = countParameters(model).totalParams;
      expect(model.publishedParamsTotal).toBe(counted);
      expect(model.name.split(' ').at(-1), `${kind} ${size}`).toBe(paramsText(counted));
    }
  });
});
