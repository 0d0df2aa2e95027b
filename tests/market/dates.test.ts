import { describe, expect, it } from 'vitest';
import { daysBetween, nextQuarterStart, parseDateText } from '../../src/market/dates';

describe('market dates', () => {
  it('reads every form the data uses as the span it can mean', () => {
    expect(parseDateText('2023-07-27')).toEqual({ start: '2023-07-27', end: '2023-07-27', precision: 'day' });
    expect(parseDateText('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29', precision: 'month' });
    expect(parseDateText('2022-Q4')).toEqual({ start: '2022-10-01', end: '2022-12-31', precision: 'quarter' });
    expect(parseDateText('2025-mid')).toEqual({ start: '2025-07-01', end: '2025-07-01', precision: 'mid-year' });
    expect(parseDateText('2023')).toEqual({ start: '2023-01-01', end: '2023-12-31', precision: 'year' });
    expect(parseDateText('2023/2026')).toEqual({ start: '2023-01-01', end: '2026-12-31', precision: 'span' });
  });

  it('rejects what is not a date', () => {
    for (const t of ['', '2023-13', '2023-02-30', '2023-Q5', 'soon', '2026/2023', '23-01-01']) expect(parseDateText(t), t).toBeNull();
  });

  it('finds the next quarter and counts days', () => {
    expect(nextQuarterStart('2022-12-31')).toBe('2023-01-01');
    expect(nextQuarterStart('2024-06-30')).toBe('2024-07-01');
    expect(nextQuarterStart('2025-07-01')).toBe('2025-10-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
});
