// Labels and sentences of the page, in one catalogue so that tests and the UI agree on wording.
// Messages with codes (engine, links, validation) live beside this file in src/messages/.
import { BATCH_LIMIT_WORDS } from './engine';
import type { Message } from './message';

/** What limits the batch, as the results table says it. */
const BATCH_LIMIT_TEXT: Record<string, string> = {
  'ttft-limit': 'TTFT limit',
  'tpot-limit': 'TPOT limit',
  memory: 'memory capacity',
  'max-sequences': 'max sequences',
  'max-tokens-per-step': 'max tokens per step',
  objective: 'objective',
  'compute-saturation': 'throughput saturation',
};
/** What limits a result's batch, in words ("throughput saturation" for "compute-saturation": the batch where tokens/s stop growing, whatever the bottleneck). */
export function batchLimitText(limit: string): string {
  return BATCH_LIMIT_TEXT[limit] ?? limit;
}

/** "1 chip", "8 chips". */
export function chipsText(n: number): string {
  return `${n} chip${n === 1 ? '' : 's'}`;
}

export const MESSAGES = {
  appTitle: 'tokencost',
  appTagline: 'What does a token cost on this chip?',
  skipToResults: 'Skip to results',
  toControls: 'Workload and chips ↓',
  toResults: 'Results ↑',
  toResultsBelow: 'Results ↓',
  views: {
    compare: { label: 'Compare vendors', title: 'Compare chips on one workload', intro: 'Best deployment of the workload on each chip under the latency limits. The table starts ranked by cost per token; click a column heading to rank by that column instead (the caption says which). Click any number in the table to see how it was computed.', controls: 'Workload and chips' },
    modelSize: {
      label: 'Model size', title: 'Tokens/s per dollar-hour across model sizes',
      intro: 'Where each chip wins: output tokens per second per dollar-per-hour, from 1B to 2T parameters, at the latency limits of the workload.',
      tableSummary: 'Show the numbers as a table',
      modelUnused: 'Not used here: this view sweeps a family of model sizes (and the catalog models as points); the other views use this model.',
      familyName: (family: 'dense' | 'moe') => (family === 'moe' ? 'Parametric mixture-of-experts models' : 'Parametric dense models'),
      tableCaption: (pricing: string, rental: boolean) => `Output tokens/s per $/hour (${pricing} pricing) per model and chip, on the chips one copy of the model needs (the fewest within 1% of the best tokens/s per chip; more copies add chips and tokens alike, so the figure holds at any count the comparison shows); — = the chip cannot serve the model (the cell's note says why: latency limits, memory or the model's context window); unbounded (free) = priced at $0 per chip-hour${rental ? '; ≈ = at an estimated rental (the chip\'s TCO x the median rental/TCO ratio), as in the compare table' : ''}.`,
      estimatedRental: 'Priced at an estimated rental: this chip has no market rental price, so its owning cost (TCO) x the median rental/TCO ratio of the chips with both prices.',
      // This view has no chip rows: the table of numbers has a column per chip, and "—" where a chip cannot serve a model.
      noneFeasible: 'No selected chip can serve any model of this family within the workload\'s limits. In the table of numbers below the chart, each "—" says why (hover it, or read it with a screen reader); relax the latency limits or add chips.',
      free: 'At $0 per chip-hour the chips are free: output tokens per dollar have no bound, so there is nothing to draw. Set a rental price (Price and TCO assumptions) or price by TCO.',
      tableModel: 'Model',
      tableSize: 'Total parameters',
      tableActive: 'Active parameters (per token)',
      tableChips: (n: number) => (n === 1 ? 'on 1 chip' : `on ${n.toLocaleString('en-US')} chips`),
      note: "The workload's own model is replaced by each size; its precision, tokens, latency limits and pricing apply to every point.",
    },
    chipLab: { label: 'Chip lab', chipPanel: 'Chip', frontierTitle: 'Throughput vs interactivity: edited chip vs original', frontierTitleShort: 'Edited chip vs original', title: 'Chip lab: tune a chip and watch the cost move', intro: 'Change any parameter with the slider or type a value with its unit ("4.8 TB/s", "192 GB", "$25k", "700 W"). The original chip stays on the charts as a grey ghost.', introDesign: 'Design from silicon: move the die\'s sliders and choices; the chip\'s specs, price and power are derived from them. The stock chip stays on the charts as a grey ghost. '
      + 'A designed chip has no measurements of its own: under "Achieved with today\'s software" it takes the prior software-stack factor, not the fitted one of the stock chip, so equal specs can cost more per token (spec mode compares the silicon alone).' },
  },
  controls: {
    rentalOverrideUnderTco: 'Not used now: Pricing is "Own it (TCO)", which prices every chip by purchase, power and hosting. Switch Pricing to "Rental" to use this rental price.',
    contextWindow: (reason: string) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)} No chip can serve this request: shorten the input or output, or choose a model with a longer window.`,
    ownCostUnderRental: 'Not used in the ranking now: Pricing is "Rental" (an estimated rental, ≈, uses the default assumptions). Only the chip lab\'s owning-vs-renting chart reads it; switch Pricing to "Own it (TCO)" to rank by it.',
    workload: 'Workload',
    model: 'Model',
    precision: 'Precision (weights, activations, KV cache)',
    perTensorPrecision: 'Per-tensor precision',
    weights: 'Weights',
    activations: 'Activations',
    kvCache: 'KV cache',
    slo: 'Latency limits (SLO)',
    pricing: 'Pricing',
    rental: 'Rental',
    tco: 'Own it (TCO)',
    efficiency: 'Efficiency',
    achieved: "Achieved with today's software",
    spec: 'Silicon limit (kernel benchmarks)',
    claim: "Vendors' claimed efficiencies",
    economics: 'Price and TCO assumptions',
    sloNote: 'A deployment meets the limits on its predicted TTFT and TPOT. Where a limit sets the batch, the range\'s slow end is re-planned to meet it too (a smaller batch); other ranges are not checked against the limits. Empty: no limit.',
    // MODEL.md section 6: the load factor scales power only; $/M charges every paid hour to the throughput shown.
    economicsNote: '$/M assumes the chips serve at the throughput shown every hour they are paid for; idle hours raise it in proportion. Power draw is the share of TDP drawn while serving: it sets the TCO power line and the energy per token.',
    chips: 'Chips',
    chipsCount: (picked: number, total: number) => `Chips (${picked} of ${total} selected)`,
    chipCount: 'Chips available',
    auto: 'auto (as needed)',
    selectAll: 'Select all',
    selectNone: 'Clear',
    family: 'Model family',
    dense: 'Dense',
    moe: 'Mixture of experts',
    frontierMetric: 'Frontier y axis',
    perChip: 'Output tokens/s per chip',
    usdPerMillion: '$ per million output tokens',
    startFrom: 'Start from',
    blank: 'Blank chip',
    chipName: 'Name',
    nameNeeded: (inUse: string) => `Not applied: a chip needs a name; it is still "${inUse}".`,
    addToComparison: 'Add to comparison',
    added: (name: string) => `Added "${name}" to the comparison.`,
    addedWithoutRefused: (n: number) => `It has the values last applied: not the ${n === 1 ? 'refused value' : `${n} refused values`} marked beside ${n === 1 ? 'its field' : 'their fields'}.`,
    reset: 'Reset to original',
    sramHoldsWeights: 'Weights may live in SRAM',
    breakEvenTarget: 'Match this chip',
    customChipRemove: 'Remove',
    modelName: 'Name of this imported model',
    modelNameEmpty: (kept: string) => `Not applied: a model needs a name; it is still "${kept}".`,
    removeModel: 'Remove this imported model',
    savedNotLoaded: (max: number) => `Saved in this browser, not loaded (at most ${max} custom chips at once; loading one unloads another, which stays saved):`,
    loadSaved: 'Load',
    addRefused: (max: number) => `Not added: ${max} custom chips are loaded, the most at once. Remove one from the chip list (Remove), then try again.`,
  },
  serving: {
    title: 'Serving options',
    intro: 'How the chips serve the workload. Links carry these options.',
    speculative: 'Speculative decoding',
    speculativeOff: 'Off',
    speculativeMtp: 'Multi-token prediction (MTP; models that ship MTP modules)',
    mtpNotInModel: (model: string) => `${model} ships no multi-token-prediction module, so MTP is ignored for it: choose "Draft model" to speculate.`,
    speculativeDraft: 'Draft model',
    draftModel: 'Draft model',
    serving: 'Prefill and decode',
    colocated: 'On the same chips (co-located)',
    disaggregated: 'Separate pools (disaggregated)',
    arrivals: 'Requests arrive',
    saturated: 'Back to back (every batch slot busy)',
    poisson: 'At random (Poisson; load kept where the batch fits at p99)',
    objective: 'Choose the deployment for',
    maxThroughput: 'Most tokens per dollar',
    minLatency: 'Lowest latency',
    fixedBatch: 'A fixed batch',
    /** What is on, after the summary's title (empty when all options are at their defaults). */
    summary: (s: { speculative: { method: string } | null; serving?: string; workload: { arrivals?: string }; objective: unknown }) => {
      const on: string[] = [];
      if (s.speculative !== null) on.push(s.speculative.method === 'mtp' ? 'MTP' : 'draft model');
      if (s.serving === 'disaggregated') on.push('disaggregated');
      if (s.workload.arrivals === 'poisson') on.push('Poisson');
      if (s.objective === 'min-latency') on.push('min latency');
      if (typeof s.objective === 'object') on.push('fixed batch');
      return on.length === 0 ? '' : `(${on.join(', ')})`;
    },
  },
  pricingNotes: {
    purchaseUnderRental: 'Not used now: Pricing is "Rental", which prices this chip by its rental price. Switch Pricing to "Own it (TCO)" to price it by purchase, power and hosting.',
    purchaseOverridden: 'Not used now: the Pricing panel sets one purchase price for all chips ("Price and TCO assumptions"). Clear it there to use this one.',
    rentalUnderTco: 'Not used now: Pricing is "Own it (TCO)", which prices this chip by purchase, power and hosting. Switch Pricing to "Rental" to use the rental price.',
    rentalEstimated: (ratio: string, n: number) => `No market rental price: under "Rental" this chip is priced at an estimated rental (≈), its owning cost (TCO) x ${ratio}, the median rental/TCO ratio of the ${n} chips with both prices. Type a rental price to use it instead.`,
    rentalOverridden: 'Not used now: the Pricing panel sets one rental price for all chips ("Price and TCO assumptions"). Clear it there to use this one.',
    rentalPaysPurchase: (rental: string, purchase: string, hours: string) => `Check this value: at ${rental} per chip-hour, renting costs the chip's purchase price (${purchase}) every ${hours} hours (market rentals take years). A purchase price typed as a rental?`,
    purchaseRepaidByRental: (purchase: string, rental: string, hours: string) => `Check this value: the chip's rental price (${rental} per chip-hour) would repay a purchase price of ${purchase} in ${hours} hours (market rentals take years). A rental typed as the purchase price, or the reverse?`,
    powerUnderRental: 'No effect on cost now: under "Rental" pricing the rental price covers power. It counts under "Own it (TCO)".',
    noHbm: (restoresBytesPerSecond: number | null) => `No HBM (capacity 0): its bandwidth is 0 and the weights live in SRAM (a chip without SRAM gets one Groq LPU's 230 MB at 80 TB/s).${restoresBytesPerSecond === null ? '' : ` A capacity above 0 brings back ${Number((restoresBytesPerSecond / 1e12).toPrecision(4))} TB/s.`}`,
    stackFactorInSpec: 'Not applied now: Efficiency is set to "Silicon limit (kernel benchmarks)", which assumes 100% unless the factor is above it (Pricing panel).',
    stackFactorInClaim: 'Not applied now: Efficiency is set to "Vendors\' claimed efficiencies", which assumes 100% unless the factor is above it (Pricing panel).',
    designHoldsTco: (setting: 'rental' | 'tco') => 'Design mode prices by owning cost (TCO): a design has no rental market, so its stock chip and the break-even target are priced the same way.'
      + (setting === 'rental' ? ' Your "Rental" setting still prices the other views, and the lab again when you leave design mode.' : ''),
    targetEstimatedRental: (name: string, ratio: string, n: number) => `${name} has no market rental price, so it is priced at an estimated rental (≈ in the compare table): its owning cost (TCO) x ${ratio}, the median rental/TCO ratio of the ${n} chips with both prices. The break-even is against that estimate.`,
    targetUnpriced: (name: string) => `${name} has no market rental price and no market ratio is known to estimate one, so it has no rental cost to match.`,
  },
  table: {
    caption: 'Best deployment per chip, ranked',
    /** The load every paid chip-hour is priced at (Serving options: requests arrive; Price and TCO assumptions). */
    loadKey: (arrivals: 'saturated' | 'poisson') => `$/M: every paid chip-hour serves at the speed shown, ${arrivals === 'saturated'
      ? 'requests back to back (every batch slot busy)' : 'requests at random (the load the batch holds at p99)'}; idle hours raise it in proportion. `
      + 'An API price also carries the provider\'s margin and idle capacity (market check below).',
    rankedBy: (caption: string, column: string, order: 'ascending' | 'descending') => `${caption} by ${column} (${order === 'ascending' ? 'lowest' : 'highest'} first)`,
    rank: '#',
    chip: 'Chip',
    chipsUsed: 'Chips used',
    layout: 'Layout',
    batch: 'Batch',
    // Output tokens only (prompt tokens are charged to them): vendors often quote all tokens.
    perChip: 'Output tokens/s per chip',
    perUser: 'Tokens/s per user',
    ttft: 'TTFT',
    tpot: 'TPOT',
    usdPerMillion: '$/M output tokens',
    perDollar: 'Output tokens/s per $/h',
    energy: 'Energy per output token',
    noPrice: 'no price on this basis',
    unbounded: 'unbounded (free)',
    notDistinguishable: '=1: not distinguishable from the leader at this evidence (the ranges overlap)',
    /** Spec and claim modes: the ranges are the engine's modelling spread, not predictions of measurements. */
    withinSpread: '=1: within the leader\'s modelling spread (the spreads overlap; silicon limits and claims are not predictions)',
    ttftRangeKey: 'TTFT range: the speed range, inverted; unchecked, as no calibration row measures TTFT',
    /** Where a latency limit set the batch ("batch: TPOT limit"), what such predictions have been worth. */
    latencyLimitedKey: (rows: number, medianSigned: number, medianAbs: number, rangeCoverage: number) =>
      `Bound by a TPOT or TTFT limit: where one set the batch, the engine promised a median ${Math.round(medianSigned * 100)}% more than measured `
      + `(typical error ${Math.round(medianAbs * 100)}%; ${rows} calibration runs, each predicted without its own data). `
      + `Such a result's range comes from those runs' errors, so it reaches further down; it held ${Math.round(rangeCoverage * 100)}% of them`,
    /** What the (low–high) beside a number is: a prediction's coverage, or a limit's spread (spec mode, vendor claims). */
    rangeKey: (coverage: number | null) => (coverage === null
      ? '(low–high): the engine\'s modelling spread around a limit, not a prediction: no coverage claimed'
      : `(low–high): the ${Math.round(coverage * 100)}% range, from predictions the fit did not see; wider for weaker evidence`),
    /** The batch's binding constraint, then the resource $/M depends on most (null: not computed yet; '': none moves it). */
    estimatedSpecs: (marks: readonly string[]) => `* estimated specs: ${marks.join('; ')}`,
    otherEstimatesUsed: (marks: readonly string[]) => `Other estimates this result uses: ${marks.join('; ')}`,
    boundBy: (limit: string, resource: string | null) => `batch: ${batchLimitText(limit)}`
      + (resource === null ? '' : resource === '' ? '; $/M moves with no single resource' : `; $/M most sensitive to ${resource}`),
    notes: 'Notes',
    sortBy: (label: string) => `Sort by ${label}`,
    infeasible: 'cannot meet the workload',
    explainHint: 'Show how this number was computed',
    deployment: 'Deployment',
    deploymentBoundBy: 'Deployment; what bounds it',
    /** `paid`: chips paid for; a fixed count larger than the layout uses is said (its idle chips are in the cost). */
    deploymentText: (chips: number, layout: string, batch: number, paid: number = chips) =>
      `${chipsText(chips)}${paid > chips ? ` (${paid} paid)` : ''}: ${layout}, batch ${batch}`,
    poolsText: (prefill: string, decode: string) => `prefill ${prefill}, decode ${decode}`,
    layoutText: (tp: number, pp: number, ep: number, replicas: number, attentionTp: number | null = null) =>
      `TP${tp}${pp > 1 ? ` × PP${pp}` : ''}${ep > 1 ? ` × EP${ep}` : ''}${attentionTp === null ? '' : ` (attention TP${attentionTp})`} × ${replicas} replica${replicas === 1 ? '' : 's'}`,
  },
  lab: {
    /** The tables under the lab's canvas charts (their text alternative). */
    chartTable: 'Show the numbers as a table',
    rooflineTable: {
      caption: (chip: string) => `Operators of one decode step and one prompt on ${chip}`,
      // The chart's tooltip names (instances, not calls).
      columns: ['Operator (phase)', 'Instances per step', 'Bound by', 'Arithmetic intensity (FLOP/byte)', 'Achieved', 'Time per instance'],
    },
    costTable: {
      caption: 'What pays for each million output tokens',
      columns: ['Basis · chip', 'Part', '$ per million output tokens', '$ per hour'],
    },
    sensitivityTable: {
      caption: (pct: number) => `$ per million output tokens with each parameter ${pct}% lower or higher`,
      columns: ['Parameter', 'Change', 'New $ per million output tokens', 'Change in $/M'],
    },
    edited: 'edited',
    original: ' (original)',
    /** "Start from" or Reset replaced a lab chip the user had edited: the edits can come back. */
    editsReplaced: (name: string) => `Your edits to "${name}" were replaced.`,
    undoReplace: 'Undo',
    breakEvenTitle: 'Break-even price',
    breakEvenIntro: 'The price of this chip at which its $ per million output tokens equals the chosen chip, on this workload and SLO.',
    breakEvenOk: (price: string, kind: string, target: string, usd: string) => `At ${price} ${kind}, this chip matches ${target} at ${usd} per million output tokens.`,
    breakEvenCurrent: (price: string) => `Its price today: ${price}.`,
    breakEvenOwnOriginal: 'The target is this chip\'s own original and the chip is not edited yet, so it breaks even at its own price: edit the chip, or pick another chip to match.',
    breakEvenCurrentEstimated: (price: string) => `Its price today: ${price}, estimated from its owning cost (it has no market rental price).`,
    breakEvenUnreachable: 'Even free, this chip costs more per token than the target (power and hosting alone exceed it).',
    breakEvenSubjectInfeasible: (reason: string | null) => `This chip cannot serve the workload, at any price${reason === null ? '.' : `: ${reason}`}`,
    breakEvenTargetInfeasible: (reason: string | null) => `The target chip cannot serve the workload${reason === null ? '.' : `: ${reason}`}`,
    rentalKind: 'per chip-hour (rental)',
    purchaseKind: 'per chip (purchase, TCO)',
    invalid: (error: string) => `Not applied: ${error}`,
    /** An edit each field allows but the chip as a whole does not (lab-validity.ts). */
    crossField: {
      compute: 'Not applied: a chip needs a matrix rate above 0.',
      hbmBandwidth: 'Not applied: HBM needs a bandwidth above 0 while the chip has HBM capacity (set HBM capacity to 0 for an SRAM-only chip).',
      scaleUpBandwidth: 'Not applied: a scale-up domain of more than one chip needs a link above 0 (set the domain to 1 chip for a chip without one).',
    } as Readonly<Record<string, string>>,
    notValid: (label: string, reason: string) => `Not applied: with this ${label} the chip is not valid (${reason}).`,
    /** An HBM bandwidth typed while the chip has no HBM: the capacity comes first. */
    bandwidthWithoutHbm: 'Not applied: the chip has no HBM (capacity 0); set HBM capacity above 0 first, which brings a bandwidth back.',
    shareFloor: (label: string, lowest: string, floor: string) =>
      `Not applied: the attention and MoE shares move with ${label}, and below ${lowest} one of them would fall under ${floor}; enter at least ${lowest}.`,
    originalValue: (value: string) => `original: ${value}`,
    fractionTyping: 'Type 65, 65% or 0.65: a bare number up to 1 is read as a share (1 = 100%), above 1 as a percent.',
    none: 'none',
    computing: 'Computing…',
    sensitivityEmpty: 'No sensitivity: the chip cannot serve this workload within the SLO.',
    /** The roofline draws the edited chip's operators: none when it cannot serve (the original may). */
    rooflineEmpty: "No operators to draw: the edited chip cannot serve this workload (its row in the table says why).",
    /** The caption line of the lab's exported charts starts with the chip they are about. */
    exportSubject: (chip: string) => `Chip lab: ${chip}`,
  },
  explain: {
    title: (label: string, chip: string) => `${label} on ${chip}`,
    formula: 'Formula',
    inputs: 'Inputs that matter most',
    moreInputs: (n: number) => `${n} more input${n === 1 ? '' : 's'}`,
    input: 'Input',
    value: 'Value',
    source: 'Source',
    efficiency: (evidence: string, note: string) => `${evidence}. ${note}`,
    estimates: (n: number) => `Estimated figures used (${n})`,
    sources: 'Where the chip\'s figures come from',
    // Not fitted: the software factor is the prior; an SRAM chip's fixed cost may still be fitted (the note below says so).
    calibration: (fitted: boolean) => `Calibration: software factor ${fitted ? 'fitted to published measurements' : 'not fitted to this chip (the prior)'}`,
    efficiencyFitted: 'fitted to measurements (see Calibration below)',
    efficiencyAssumed: 'the prior, no software factor fitted to this chip (see Calibration below)',
    fileKernelTimings: 'kernel timings',
    fileCalibration: 'the calibration data (Accuracy view)',
    fileCalibrate: 'the calibration script',
    /** A lab chip's calibration note is its original's, from before the lab's edits. */
    beforeLabEdits: (note: string) => `Before the chip lab's edits (the original chip's calibration): ${note}`,
    fileHardwareNotes: 'the hardware notes',
    fileOther: 'project data',
    close: 'Close',
    related: 'Other numbers of this result',
    missing: 'This number has no recorded derivation.',
    infeasible: (reason: string) => `No value: this chip cannot serve the workload (${reason}).`,
    range: (low: string, high: string, coverage: number | null) =>
      coverage === null ? `Range ${low} – ${high} (a limit's modelling spread, not a prediction: no coverage claimed)` : `${Math.round(coverage * 100)}% range: ${low} – ${high} (how it is set: "Range and evidence")`,
    ttftRange: (low: string, high: string) =>
      `Range ${low} – ${high}: the speed range (before any latency limit cuts the batch), inverted. No calibration row measures TTFT, so its coverage is not checked.`,
  },
  deployment: {
    label: 'Deployment',
    chosen: 'Chosen layout',
    why: 'Why this layout',
    whyMaxThroughput: 'The search keeps the layout and batch with the most output tokens per second on these chips (per chip when the count is "auto") that meet the latency limits; '
      + 'at one price per chip-hour that is also the most per dollar.',
    whyMinLatency: 'The search keeps the layout with the lowest time per output token (the "Lowest latency" serving option).',
    whyDisaggregated: 'Separate prefill and decode pools, as the serving option asks: the prefill pool computes the prompts and sends their KV cache to the decode pool. '
      + 'Each pool keeps its best layout, and the chips are split between the pools to serve the most output tokens per second. The co-located layouts of the same chips are listed below for comparison.',
    whyFixedBatch: (batch: number) => `The search keeps the best layout at the fixed batch of ${batch} sequences per replica (serving option).`,
    tried: (n: number, listed: number) => `${n} layouts of these chips were evaluated${listed < n ? `; the best ${listed} are listed below` : ''}.`,
    limitedBy: (what: string) => `The batch is limited by ${what}.`,
    /** Engine layout rule (engine/deployment.ts): attention over TP × EP chips, or TP with DP-attention. */
    experts: (tp: number, ep: number, pp: number, dpAttention: boolean) => {
      const where = `${tp * ep} chips${pp > 1 ? ` of each of the ${pp} pipeline stages` : ''} (TP ${tp} × EP ${ep})`;
      return dpAttention
        ? `Experts are split over ${where}; attention runs data-parallel, each of the ${ep} groups of ${tp} chip${tp === 1 ? '' : 's'} serving its own sequences.`
        : `Experts and attention are both split over the same ${where}: without DP-attention, every TP × EP with this product is the same layout.`;
    },
    batchLimitedBy: BATCH_LIMIT_WORDS,
    compared: 'Layouts compared',
    columns: ['Layout', 'Batch', 'Output tokens/s per chip', 'Tokens/s per user', 'TPOT', '$/M output tokens', ''],
    chosenMark: 'chosen',
  },
  export: {
    csv: 'CSV',
    json: 'JSON',
    png: 'PNG',
    svg: 'SVG',
    results: 'Export results',
    notReady: 'Nothing to export yet: the results are still computing; try again when they are shown.',
    chart: (kind: string) => `Download chart as ${kind}`,
  },
  import: {
    button: 'Import chip or model',
    title: 'Import a hardware profile or a model',
    intro: "Paste JSON or choose a file: a chip's hardware profile, a model architecture (both in the format of the built-in catalog; the chip lab's JSON export imports as its chip), or a Hugging Face config.json. It is checked by the same validators as the built-in chips and models.",
    textLabel: 'JSON to import',
    fileLabel: 'Or choose a file',
    submit: 'Validate and import',
    close: 'Close',
    notJson: (error: string) => `This is not valid JSON: ${error}`,
    tooLarge: (name: string, kb: number) => `"${name}" is larger than ${kb} kB and was not read; the text box is as it was.`,
    kindHardware: 'Hardware profile',
    kindModel: 'Model architecture',
    kindHf: 'Hugging Face config.json',
    rejected: 'Not imported: fix the errors below.',
    importedChip: (name: string) => `Imported chip "${name}"; it is now in the comparison and the chip lab's list.`,
    importedModel: (name: string) => `Imported model "${name}"; it is now the workload's model.`,
    notAddedChip: (name: string, max: number) => `Not added: "${name}" is valid, but ${max} custom chips are loaded, the most at once. Remove one from the chip list (Remove), then import again.`,
    /** An import that repeats what the user already has. */
    sameChip: (name: string) => `Not added: this chip has the same figures as "${name}", which is already in the chip list.`,
    sameModel: (name: string) => `Not added: this model has the same architecture as "${name}", which is already in the model list.`,
    sameName: (name: string, freeName: string) => `Added as "${freeName}": "${name}" was already in the list, with other figures.`,
    notAddedModel: (name: string, max: number) => `Not added: "${name}" is valid, but ${max} custom models are loaded, the most at once. Remove one (Workload: Remove model), then import again.`,
    errors: 'Errors',
    warnings: 'Warnings',
    lint: 'Plausibility checks',
  },
  share: {
    copy: 'Copy link',
    copyHint: 'Copy a link that reopens exactly this view, workload, chips and custom chips',
    copied: 'Link copied',
    /** Copied while fields show refused values: the link has the values last applied, not those. */
    copiedWithoutRefused: (n: number) => `Link copied, with the values last applied: not the ${n === 1 ? 'refused value' : `${n} refused values`} marked beside ${n === 1 ? 'its field' : 'their fields'}`,
    copyFailed: 'Could not copy automatically: select the link below and copy it.',
    linkLabel: 'Link to this view',
    noticeTitle: 'Some parts of this link could not be used:',
    noticeTitleUnreadable: 'This link could not be opened:',
    dismiss: 'Dismiss',
    swapIn: 'Swap them in',
    swapped: "Swapped in. The custom chips and models they replaced stay saved in this browser: the chip list shows them under 'Saved, not loaded'.",
    swapRefused: 'Nothing to swap in: those chips are already loaded.',
  },
  status: {
    computing: (done: number, total: number) => `Computing… ${done} of ${total}`,
    mainThread: 'Web Workers are unavailable: computing on the page (it may feel slower).',
    failed: (message: string) => `Computation failed: ${message}`,
    noChips: 'Select at least one chip to compare.',
    /**
     * Why no chip has a result, from the chips' reasons: the workload's own limit when every chip
     * hits it (no chip can fix a context window), the latency limits when those are what every chip
     * misses, else where to look.
     */
    noFeasible: (reasons: readonly (Message | undefined)[] = []): string => {
      const codes = new Set(reasons.map((r) => r?.code));
      if (codes.size === 1 && codes.has('engine.context-window')) {
        const text = reasons[0]!.text;
        return `${text.charAt(0).toUpperCase()}${text.slice(1)} No chip changes that: shorten the prompt or the output, or choose a model with a longer context window.`;
      }
      // No reasons given: nothing says the latency limits are to blame.
      if (codes.size > 0 && [...codes].every((c) => c === 'engine.slo-unreachable' || c === 'engine.fixed-batch-misses-slo')) {
        return 'No selected chip can serve this workload within the latency limits. Relax the SLO or add chips.';
      }
      return "No selected chip can serve this workload: each chip's row says why.";
    },
    catalogProblems: (n: number) => `${n} catalog file(s) failed validation and were skipped.`,
  },
} as const;
