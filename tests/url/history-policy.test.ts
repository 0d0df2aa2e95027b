import { describe, expect, it } from 'vitest';
import { CONTINUOUS_EDIT_MS, HistoryPolicy, combine } from '../../src/app/history-policy';

describe('history policy', () => {
  it('pushes meaningful changes and replaces the later steps of one continuous edit', () => {
    const p = new HistoryPolicy();
    expect(p.decide({ type: 'set-view', view: 'chip-lab' }, 0)).toBe('push');
    expect(p.decide({ type: 'lab-set', param: 'tdp', value: 1 }, 10)).toBe('push');
    expect(p.decide({ type: 'lab-set', param: 'tdp', value: 2 }, 50)).toBe('replace');
    expect(p.decide({ type: 'lab-set', param: 'tdp', value: 3 }, 90)).toBe('replace');
    expect(p.decide({ type: 'lab-set', param: 'hbmCapacity', value: 3 }, 100)).toBe('push');
    expect(p.decide({ type: 'lab-set', param: 'hbmCapacity', value: 4 }, 100 + CONTINUOUS_EDIT_MS + 1)).toBe('push');
    expect(p.decide({ type: 'set-setting', field: 'inputTokens', value: 5 }, 5000)).toBe('push');
    expect(p.decide({ type: 'set-setting', field: 'inputTokens', value: 6 }, 5100)).toBe('replace');
    expect(p.decide({ type: 'toggle-chip', id: 'x', on: true }, 5200)).toBe('push');
    expect(p.decide({ type: 'toggle-chip', id: 'y', on: true }, 5201)).toBe('push');
  });

  it('never adds entries for the explanation panel; Back/Forward starts a new edit', () => {
    const p = new HistoryPolicy();
    expect(p.decide({ type: 'open-explain', hardwareId: 'a', key: 'b' }, 0)).toBe('replace');
    expect(p.decide({ type: 'close-explain' }, 1)).toBe('replace');
    expect(p.decide({ type: 'lab-set', param: 'tdp', value: 1 }, 2)).toBe('push');
    p.reset();
    expect(p.decide({ type: 'lab-set', param: 'tdp', value: 1 }, 3)).toBe('push');
  });

  it('actions written together push when any of them pushes', () => {
    expect(combine(null, 'replace')).toBe('replace');
    expect(combine('replace', 'push')).toBe('push');
    expect(combine('push', 'replace')).toBe('push');
  });
});
