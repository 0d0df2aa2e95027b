// The explain dialog's content: short before the fold, each thing said once, no repository paths;
// the Deployment cell explains the layout (and shows the compared layouts when the engine gives them).

import { describe, expect, it } from 'vitest';
import { deploymentView } from '../../src/app/deployment-view';
import { explainView, KEY_INPUTS } from '../../src/app/explain-view';
import { readableSource } from '../../src/app/readable-source';
import { compareRequest } from '../../src/app-state/requests';
import { simulate } from '../../src/engine/simulate';
import type { SimulationResult } from '../../src/engine/types';
import { catalog, fresh } from '../app-state/helpers';

function h200(): { result: SimulationResult; profile: ReturnType<typeof catalog.hardware.get> } {
  const s = compareRequest(fresh(), catalog).scenarios.find((x) => x.hardware.id === 'nvidia-h200-sxm')!;
  return { result: simulate(s), profile: s.hardware };
}

/** This repository's paths (a third-party dataset's file name, e.g. "gpu_prices.csv", is a citation). */
const PATH = /(reference|scripts|src|hardware-profiles|models)\/[\w.-]+|\b[\w-]+\.ts\b|\.jsonl\b|calibration\.csv|hardware\.md/;

describe('explain view', () => {
  it('leads with at most five inputs and folds the rest', () => {
    const { result, profile } = h200();
    const tpot = result.explain.find((e) => e.key === 'tpotSeconds')!;
    expect(tpot.inputs.length).toBeGreaterThan(KEY_INPUTS);
    const v = explainView(tpot, result, profile);
    expect(v.keyInputs).toHaveLength(KEY_INPUTS);
    expect(v.keyInputs.length + v.moreInputs.length).toBe(tpot.inputs.length);
  });

  it('says the calibration note once and shows no repository path anywhere', () => {
    const { result, profile } = h200();
    for (const entry of result.explain) {
      const v = explainView(entry, result, profile);
      const everything = JSON.stringify([v.keyInputs, v.moreInputs, v.estimates, v.calibration, v.sources]);
      expect(everything, entry.key).not.toMatch(PATH);
      const note = v.calibration!.note.slice(0, 60);
      expect(everything.split(note).length - 1, entry.key).toBe(1);
    }
  });

  it('a lab chip\'s sources lead with the values set in the lab, and its calibration note says it is the original\'s', () => {
    const { result, profile } = h200();
    const edited = { ...profile!, entered: { 'memory.hbmBandwidthBytesPerSecond': `HBM bandwidth, replacing ${profile!.name}'s 4.8 TB/s` } };
    const cost = result.explain.find((e) => e.key === 'usdPerMillionOutputTokens')!;
    const v = explainView(cost, result, edited);
    const memory = v.sources.find((g) => g.group === 'memory')!;
    expect(memory.items[0]).toBe(`set in the chip lab: HBM bandwidth, replacing ${profile!.name}'s 4.8 TB/s`);
    expect(memory.items.slice(1)).toEqual(profile!.sources.memory);
    expect(v.calibration!.note).toMatch(/^.*\. Before the chip lab's edits \(the original chip's calibration\): /);
    expect(explainView(cost, result, profile).calibration!.note).not.toContain('chip lab');
  });

  it('readable sources name files by what they are', () => {
    expect(readableSource('../shared/reference/h200-kernel-timings.jsonl (measured on one H200)')).toBe('kernel timings (measured on one H200)');
    expect(readableSource('from reference/h200-kernel-timings.jsonl and reference/h200-kernel-timings-2.jsonl: shares')).toBe('from kernel timings: shares');
    expect(readableSource('Fitted by scripts/calibrate.ts on 2026-11-26 (reference/calibration.csv; rows 1-3)')).toBe('Fitted by the calibration script on 2026-11-26 (the calibration data (Accuracy view); rows 1-3)');
    expect(readableSource('capex overhead 1.4x per hardware.md section 6')).toBe('capex overhead 1.4x per the hardware notes section 6');
    expect(readableSource('see src/engine/foo.ts')).toBe('see project data');
  });
});

describe('deployment view', () => {
  it('says what the layout was chosen for and what limits the batch', () => {
    const { result } = h200();
    const v = deploymentView(result, 'max-throughput');
    expect(v.chosen.layout).toMatch(/^TP\d/);
    expect(v.why).toMatch(/most output tokens per second on these chips .*also the most per dollar/);
    expect(v.layoutsTried).toBeGreaterThan(0);
    expect(v.batchLimitedBy.length).toBeGreaterThan(3);
    expect(deploymentView(result, { batch: 32 }).why).toMatch(/fixed batch of 32/);
    expect(v.experts).toBeNull();
  });

  it('says how an expert-parallel layout splits the chips (TP 2 x EP 4 is TP 1 x EP 8 without DP-attention)', () => {
    const { result } = h200();
    const moe = (tp: number, ep: number, dp: boolean, pp = 1) => deploymentView({ ...result, config: { ...result.config, tensorParallel: tp, expertParallel: ep, pipelineParallel: pp, dataParallelAttention: dp } }, 'max-throughput').experts;
    expect(moe(2, 4, false)).toBe('Experts and attention are both split over the same 8 chips (TP 2 × EP 4): without DP-attention, every TP × EP with this product is the same layout.');
    expect(moe(2, 4, true)).toMatch(/^Experts are split over 8 chips \(TP 2 × EP 4\); attention runs data-parallel, each of the 4 groups of 2 chips/);
    expect(moe(1, 8, false, 2)).toMatch(/8 chips of each of the 2 pipeline stages/);
  });

  it('shows the layouts the engine compared, the chosen one first, with their numbers', () => {
    const { result } = h200();
    const v = deploymentView(result, 'max-throughput');
    expect(v.compared).not.toBeNull();
    const rows = v.compared!;
    expect(rows[0]!.chosen).toBe(true);
    expect(rows.filter((r) => r.chosen)).toHaveLength(1);
    expect(rows[0]!.usdPerMillionOutputTokens).toBeCloseTo(result.usdPerMillionOutputTokens!, 9);
    for (const r of rows) {
      if (r.feasible) expect(r.tpotSeconds).toBeCloseTo(1 / r.tokensPerSecondPerUser!, 9);
      else expect(r.reason).not.toBeNull();
    }
    expect(deploymentView({ ...result, alternatives: result.alternatives.slice(0, 1) }, 'max-throughput').compared).toBeNull();
  });
});
