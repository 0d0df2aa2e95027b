import { describe, expect, it } from 'vitest';
import { breakEvenPrice, withPrice } from '../../../src/engine/analysis/break-even';
import { simulate } from '../../../src/engine/simulate';
import { DEFAULT_ECONOMICS } from '../../../src/scenario/scenario';
import { fasterChip, h200, model, scenario } from './helpers';

describe('breakEvenPrice', () => {
  it('rental: the same chip rented at $2.00 breaks even at $2.00', () => {
    const target = scenario({ economics: { ...DEFAULT_ECONOMICS, rentalUsdPerChipHour: 2 } });
    const r = breakEvenPrice(scenario(), target);
    expect(r.status).toBe('ok');
    expect(r.priceKind).toBe('rental-usd-per-chip-hour');
    expect(r.breakEvenPrice).toBeCloseTo(2, 4);
    expect(r.currentPrice).toBe(h200().price.rentalUsdPerChipHour);
    expect(r.currentPriceEstimated).toBe(false);
  });

  it('rental: a chip without a market rental states today\'s price as the estimate it is ranked at', () => {
    const noRental = { ...h200(), price: { ...h200().price, rentalUsdPerChipHour: null } };
    const subject = scenario({ hardware: noRental });
    const r = breakEvenPrice(subject, scenario());
    expect(r.currentPriceEstimated).toBe(true);
    // The price the ranking's "≈" $/M uses: its chip-hour price times the hours per million tokens.
    const ranked = simulate(subject);
    expect(ranked.pricing.rentalEstimated).toBe(true);
    expect(r.currentPrice!).toBeCloseTo(ranked.costPerHourUsd! / ranked.config.chips, 9);
  });

  it('rental: a chip with twice the bandwidth may cost more per hour and still match', () => {
    const subject = scenario({ hardware: fasterChip(2) });
    const r = breakEvenPrice(subject, scenario());
    expect(r.status).toBe('ok');
    expect(r.breakEvenPrice!).toBeGreaterThan(h200().price.rentalUsdPerChipHour!);
    const check = simulate(withPrice(subject, r.breakEvenPrice!));
    expect(check.usdPerMillionOutputTokens).toBeCloseTo(r.targetUsdPerMillion!, 4);
  });

  it('TCO: solves for the purchase price, matching the target within tolerance', () => {
    const tco = { ...DEFAULT_ECONOMICS, pricing: 'tco' as const };
    const target = scenario({ economics: { ...tco, capexUsdPerChip: 20_000 } });
    const r = breakEvenPrice(scenario({ economics: tco }), target);
    expect(r.status).toBe('ok');
    expect(r.priceKind).toBe('purchase-usd-per-chip');
    expect(r.breakEvenPrice).toBeCloseTo(20_000, -1);
    expect(r.evaluations).toBeLessThanOrEqual(80);
  });

  it('TCO: unreachable when power and hosting alone cost more than the target', () => {
    const tco = { ...DEFAULT_ECONOMICS, pricing: 'tco' as const };
    const target = scenario({ hardware: fasterChip(50), economics: { ...tco, capexUsdPerChip: 1 } });
    expect(breakEvenPrice(scenario({ economics: tco }), target).status).toBe('unreachable');
  });

  it('reports an infeasible target or subject', () => {
    const impossible = { maxTtftSeconds: null, maxTpotSeconds: 1e-4 };
    const noTarget = breakEvenPrice(scenario(), scenario({ slo: impossible }));
    expect(noTarget.status).toBe('target-infeasible');
    expect(noTarget.targetReason).toBe(simulate(scenario({ slo: impossible })).reason!.text);
    const subject = scenario({ hardware: { ...h200(), memory: { ...h200().memory, hbmBandwidthBytesPerSecond: 1e9 } } });
    const slow = breakEvenPrice(subject, scenario());
    expect(slow.status).toBe('subject-infeasible');
    expect(slow.subjectReason).toBe(simulate(subject).reason!.text);
    // Whatever keeps it from serving is named, not assumed to be the latency limits: here, memory.
    const small = scenario({ model: model('llama-3.1-405b') });
    const tooSmall = breakEvenPrice(small, scenario());
    expect(tooSmall.status).toBe('subject-infeasible');
    expect(tooSmall.subjectReason).toMatch(/hold the weights/);
  });
});
