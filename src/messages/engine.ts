// What the engine says about a result: warnings beside a feasible result and the reason a
// deployment is infeasible. Every entry is a named function with a stable code.

import { groupedInteger } from '../format/decimal';
import { message, type Message } from './message';

/** What limits the batch, in words (the explain dialog, "Why this deployment"). */
/** How explain cites a value set in the chip lab (a profile's `entered`), in the engine's sources and the dialog's. */
export function labSetText(entry: string): string {
  return `set in the chip lab: ${entry}`;
}

export const BATCH_LIMIT_WORDS: Readonly<Record<string, string>> = {
  memory: 'memory (no room for more KV cache)',
  'ttft-limit': 'the TTFT limit',
  'tpot-limit': 'the TPOT limit',
  'max-sequences': 'the sequence cap of the serving options',
  'max-tokens-per-step': 'the tokens-per-step cap of the serving options',
  objective: 'the serving option (objective)',
  'compute-saturation': 'throughput saturation (a larger batch adds no throughput)',
};

export const ENGINE = {
  rateFallback: (chip: string, wanted: string, used: string): Message =>
    message('engine.rate-fallback', `${chip} has no ${wanted} matrix rate; computing at its ${used} rate instead.`),
  draftModelMissing: (): Message =>
    message('engine.draft-model-missing', 'speculative decoding with a draft model needs a draft model; ignored.'),
  draftNotSmaller: (draft: string, target: string): Message =>
    message('engine.draft-not-smaller', `the draft model ${draft} is not smaller than ${target}: drafting costs as much as it saves, so speculation can only slow decoding down; pick a smaller draft model of the same tokenizer.`),
  draftVocabulary: (draft: string, draftVocab: number, target: string, targetVocab: number): Message =>
    message('engine.draft-vocabulary', `the draft model ${draft} has a ${draftVocab}-token vocabulary and ${target} ${targetVocab}: the target cannot verify tokens of another tokenizer; pick a draft model of the same tokenizer.`),
  noVendorClaim: (chip: string): Message =>
    message('engine.no-vendor-claim', `${chip} has no vendor efficiency claim: the vendor-claim setting computes it at the silicon limit, as spec mode does.`),
  draftContextWindow: (draft: string, window: number, tokens: number): Message =>
    message('engine.draft-context-window', `the draft model ${draft} reads at most ${groupedInteger(window)} tokens and the request is ${groupedInteger(tokens)}, so it cannot draft; speculative decoding ignored (pick a draft with a longer context window).`),
  overlapWithoutExperts: (model: string): Message =>
    message('engine.overlap-without-experts', `two-micro-batch overlap hides the all-to-alls of expert parallelism, and ${model} is dense (no experts): it changes nothing here.`),
  mtpModulesMissing: (model: string): Message =>
    message('engine.mtp-modules-missing', `${model} ships no multi-token-prediction module, so MTP speculative decoding cannot draft; ignored (use a draft model instead).`),
  noRentalPrice: (chip: string): Message =>
    message('engine.no-rental-price', `${chip} has no known rental price; priced by TCO instead.`),
  colocatedBetter: (colocatedPerChip: number, disaggregatedPerChip: number): Message =>
    message('engine.colocated-better', `Co-located serving on these chips gives more output tokens/s per chip (${groupedInteger(Math.round(colocatedPerChip))} against ${groupedInteger(Math.round(disaggregatedPerChip))} disaggregated): separate pools do not pay off for this workload.`),
  cliffMissesLimit: (limit: string, slowerPercent: number): Message =>
    message('engine.cliff-misses-limit', `The ${limit} limit sets the batch, and a chip ${slowerPercent}% slower than predicted (the range's slow end) could not meet it on this layout at any batch: the result sits on a cliff its range does not show.`),
  cliffWidensRange: (limit: string, slowerPercent: number, batch: number, times: number): Message =>
    message('engine.cliff-widens-range', `The ${limit} limit sets the batch: a chip ${slowerPercent}% slower than predicted (the range's slow end) meets it only at batch ${groupedInteger(batch)}, `
      + `so throughput's low end is ${times >= 10 ? Math.round(times) : times.toFixed(1)} times below the speed range's and $/M's high end as many times higher: the result sits near a cliff.`),
  slowEndNotRerun: (why: 'disaggregated' | 'unpredicted', limitMs: string, slowEndMs: string): Message =>
    message('engine.slow-end-not-rerun', `${why === 'disaggregated' ? 'Under disaggregated serving' : 'For a silicon limit or a vendor claim'} the range's slow end is not rerun: its TPOT (${slowEndMs}) passes the ${limitMs} limit, where a slower chip would cut its batch, so throughput's low end and $/M's high end are optimistic.`),
  rangeUndercovers: (chip: string, inside: number, rows: number, coveragePercent: number, medianErrorPercent: number): Message =>
    message('engine.range-undercovers', `${chip}'s own calibration rows, each predicted with its run left out of the fit, fell inside a range this wide ${inside} times in ${rows} (the range claims ${coveragePercent}%), `
      + `with a median error of ${medianErrorPercent > 0 ? '+' : ''}${medianErrorPercent}% (${medianErrorPercent < 0 ? 'predictions below' : 'predictions above'} the measurements): its range understates its uncertainty (Accuracy view).`),
  idlePoolChips: (idle: number, total: number, used: number): Message =>
    message('engine.idle-chips', `${idle} of ${total} chips stay idle: the best prefill and decode pools use ${used}. The cost counts all ${total} (a fixed chip count is paid whole); set the chips to auto to pay only for those in use.`),
  dpAttentionNeedsEp: (tp: number, pp: number, chips: number | null): Message =>
    message('engine.dp-attention-needs-ep', `DP attention (pinned on) runs attention data-parallel over the expert-parallel groups, so it needs EP >= 2: TP ${tp} x PP ${pp} x EP 2 is ${groupedInteger(2 * tp * pp)} chips${chips === null ? '' : `, more than the ${groupedInteger(chips)} available`}; lower TP, or set DP attention to off or auto`),
  idleChips: (idle: number, total: number, perReplica: number): Message =>
    message('engine.idle-chips', `${idle} of ${total} chips stay idle: the best layout uses ${perReplica} chips per replica. The cost counts all ${total} (a fixed chip count is paid whole); set the chips to auto to pay only for those in use.`),

  // Reasons a scenario is infeasible.
  contextWindow: (tokens: number, model: string, window: number): Message =>
    message('engine.context-window', `input + output = ${groupedInteger(tokens)} tokens exceeds ${model}'s context window of ${groupedInteger(window)} tokens.`),
  noLayoutHoldsModel: (): Message =>
    message('engine.no-layout-holds-model', 'no layout of these chips can hold the model'),
  chipsForWeights: (needed: number, have: number | null): Message =>
    message('engine.chips-for-weights', `needs at least ${groupedInteger(needed)} chips to hold the weights${have === null ? '' : ` (have ${groupedInteger(have)})`}`),
  noLayoutOfCount: (needed: number, have: number): Message =>
    message('engine.no-layout-of-count', `${groupedInteger(have)} chips hold the weights (${needed === have ? 'the fewest that do' : `${groupedInteger(needed)} would`}), but no layout of ${groupedInteger(have)} chips does: tensor parallelism must divide the attention heads and pipeline stages the layers; try a chip count with more such factors, or "auto"`),
  fixedBatchTooLarge: (batch: number, fits: number): Message =>
    message('engine.fixed-batch-too-large', `batch ${batch} needs more memory than the chips have (fits ${fits})`),
  fixedBatchOverSequenceCap: (batch: number, cap: number): Message =>
    message('engine.fixed-batch-over-sequence-cap', `batch ${batch} is above the engine's cap of ${cap} sequences (max sequences)`),
  fixedBatchOverStepCap: (batch: number, fits: number): Message =>
    message('engine.fixed-batch-over-step-cap', `batch ${batch} is above what the engine's tokens-per-step cap allows (fits ${fits})`),
  stepCapBelowOneSequence: (cap: number, needed: number): Message =>
    message('engine.step-cap-below-one-sequence', `the engine's tokens-per-step cap (${cap}) is below the ${needed} tokens one sequence needs per step (its decode token and its share of prompt chunks)`),
  fixedBatchMissesSlo: (detail: string): Message =>
    message('engine.fixed-batch-misses-slo', `the fixed batch misses the latency limits: ${detail}`),
  sloUnreachable: (detail: string): Message =>
    message('engine.slo-unreachable', `even one sequence misses the latency limits: ${detail}`),
  noLinkBandwidth: (link: string, what: string): Message =>
    message('engine.no-link-bandwidth', `the ${link} link has no bandwidth, and this layout needs it for ${what}`),
  nonFiniteResult: (what: string): Message =>
    message('engine.non-finite-result', `${what} is not finite: a rate this deployment depends on is zero or vanishing`),
  pinnedLayoutDoesNotFit: (layout: string, detail: string): Message =>
    message('engine.pinned-layout-does-not-fit', `the pinned layout ${layout} cannot hold the model: ${detail}`),
  noPrefillPool: (): Message =>
    message('engine.no-prefill-pool', 'no prefill pool meets the time-to-first-token limit'),
  noDecodePool: (): Message =>
    message('engine.no-decode-pool', 'no decode pool meets the time-per-output-token limit'),
  disaggregationChips: (needed: number, have: number): Message =>
    message('engine.disaggregation-chips', `disaggregation needs at least ${needed} chips (one decode and one prefill replica); have ${have}`),
} as const;
