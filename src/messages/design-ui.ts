// Text of the chip lab's "Design from silicon" mode (issue 15), kept apart from ui.ts so it loads
// with the chip lab.

/** "bf16 TFLOP/s"; integer formats count operations ("int8 TOP/s"). */
export function rateHeader(format: string): string {
  return `${format} ${format.startsWith('int') ? 'TOP/s' : 'TFLOP/s'}`;
}

/** What bounds a lowest $/M found at an end of the matrix-share sweep (design/matrix-share.ts optimumEdge). */
export const SWEEP_EDGE = {
  largest: ', the largest share the die allows (vector units and control at their least share); $/M was still falling at that end of the range',
  smallest: ', the smallest share swept; $/M was still falling at that end of the range',
  none: '',
} as const;

export const DESIGN_UI = {
  title: 'Design from silicon',
  offIntro: 'Or start from silicon: die area, process node and how the area is shared between matrix math, SRAM and I/O. The specs, the build cost, the price and $/M are derived from sourced per-node constants.',
  onIntro: 'The chip is derived from the design below; the stock chip is the grey ghost. Every derived spec has its formula, inputs, sources and range under "How?".',
  start: 'Design from silicon',
  startFrom: 'Start from design',
  exit: 'Edit the derived chip by hand',
  node: 'Process node',
  memoryType: 'Memory type',
  sram: 'SRAM organisation',
  sramChoices: { cache: 'cache (L2; weights in DRAM)', scratchpad: 'scratchpad (may hold weights)' } as Record<string, string>,
  vectorShare: (pct: string) => `Vector units and control take the rest: ${pct}`,
  memoryCountBack: (count: number) => `Memory stacks set to ${count}, the starting design's count (with no memory there were none).`,
  /** Typed into a design parameter's box (app-state/design-typing.ts). */
  typedEmpty: 'Enter a value.',
  typedNotShare: (text: string) => `"${text}" is not a share: type 35, 35% or 0.35 (a bare number up to 1 is a share, above 1 a percent).`,
  typedNotNumber: (text: string, unit: string) => `"${text}" is not a number${unit === '' ? '' : ` of ${unit}`}: type ${unit === 'GHz' ? '1.8, 1.8 GHz or 1800 MHz' : unit === 'mm²' ? '700 or 700 mm²' : 'a number such as 8'}.`,
  typedNotWhole: (text: string) => `"${text}" is not a whole number; this parameter counts whole units.`,
  /** A digit-group refusal (messages/fields.ts), a sentence fragment, as a sentence. */
  typedUnreadable: (detail: string) => `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`,
  typedNegative: (text: string) => `"${text}" is negative; this parameter cannot be.`,
  typedClockInMhz: (text: string) => `"${text}" GHz is far above any chip's clock; for megahertz type "${text} MHz".`,
  /** A typed value the design would have stored otherwise (a share capped by what the die leaves): refused, never changed silently. */
  typedBeyondBound: (bound: string, atMost: boolean) => `this design takes ${atMost ? 'at most' : 'at least'} ${bound} here; type that or ${atMost ? 'less' : 'more'}.`,
  /** A slider's refused value, named: the slider itself returns to the design's value. */
  refusedValue: (value: string, reason: string) => `Not applied (${value}): ${reason}`,
  specsCaption: (stock: string) => `Derived specs vs the stock ${stock} (ghost)`,
  columns: ['Spec', 'Derived', 'Range from the constants', 'Stock'],
  /** The results' ranges in the range column, which otherwise holds the constants' spread. */
  predictionRangeNote: (pct: number) => `${pct}% prediction range`,
  spreadNote: 'modelling spread',
  how: 'How?',
  howLabel: (spec: string) => `How was ${spec} derived?`,
  costPerMillion: '$ per million output tokens',
  tokensPerUser: 'Tokens/s per user',
  pricing: (setPrice: string | null) => (setPrice === null
    ? 'A design has no rental market: $/M is the owning cost (TCO) at its derived price; the stock chip is priced the same way.'
    : `A design has no rental market: $/M is the owning cost (TCO) at the purchase price set for all chips, ${setPrice}, not the derived price; the stock chip is priced the same way.`),
  sweepLabel: 'Cost per million output tokens and tokens/s per user against the share of the die given to matrix math',
  sweepComputing: 'Sweeping the matrix share in a background worker…',
  /** No share serves the workload: why, at this design's share (or the first one tried). */
  sweepEmpty: (share: string, reason: string | null) => `No matrix share serves this workload on these chips${reason === null ? '.' : `. At ${share}: ${reason}`}`,
  sweepSummary: (best: string, usd: string, current: string, currentUsd: string | null, flat: { from: string; to: string } | null, edge: 'largest' | 'smallest' | null) =>
    `Lowest $/M at ${best} of the die for matrix math (${usd} per million output tokens)${SWEEP_EDGE[edge ?? 'none']}; this design gives it ${current}${currentUsd === null ? '' : ` (${currentUsd})`}.`
    + (flat === null ? '' : ` Every share from ${flat.from} to ${flat.to} is within 1% of the lowest: across that range the matrix share barely matters for this workload.`),
  sweepInfeasible: (share: string, reason: string) => `At ${share}: ${reason}`,
} as const;
