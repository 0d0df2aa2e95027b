// What the chip designer says about a design it cannot build (issue 15): each problem is a named
// function with a stable code, and its text names the field and the limit, so the CLI (exit 2),
// the chip lab and the link decoder report it alike.

import { groupedInteger } from '../format/decimal';
import { message, type Message } from './message';

const mm = (x: number) => `${Math.round(x * 10) / 10} mm`;
const mm2 = (x: number) => `${groupedInteger(x)} mm²`;
/** Area shares as the sliders show them. */
const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
const w = (x: number) => `${groupedInteger(x)} W`;

export const DESIGN = {
  sharesSum: (sum: number): Message => message('design.shares-sum',
    `must sum to 1 (matrix + sram + vectorAndControl + io), got ${Math.round(sum * 1e4) / 1e4}`),
  beyondReticle: (area: number, reticle: number): Message => message('design.beyond-reticle',
    `is ${mm2(area)}, beyond the reticle limit of ${mm2(reticle)} (one exposure field); split the silicon into more computeDies (e.g. ${Math.ceil(area / reticle)} dies of ${mm2(area / Math.ceil(area / reticle))})`),
  ioDieBeyondReticle: (area: number, reticle: number): Message => message('design.io-die-beyond-reticle',
    `is ${mm2(area)}, beyond the reticle limit of ${mm2(reticle)}; use more I/O dies`),
  shoreline: (count: number, type: string, needMm: number, edgeMm: number, fits: number, onIoDies: boolean): Message => message('design.shoreline',
    `${count} ${type} ${type.startsWith('HBM') ? 'stacks' : 'interfaces'} need ${mm(needMm)} of die edge; the ${onIoDies ? 'I/O dies' : 'compute dies'} offer ${mm(edgeMm)} facing memory, so at most ${fits} fit (add compute dies, enlarge the dies, use fewer, or move the PHYs to I/O dies: ioDies in a design file)`),
  ioArea: (haveMm2: number, needMm2: number, where: string): Message => message('design.io-area',
    `gives ${mm2(haveMm2)} of I/O area on the ${where}; the memory PHYs and link PHYs need ${mm2(needMm2)} (raise the I/O share or drop stacks or link bandwidth)`),
  sharesOverfull: (left: number): Message => message('design.shares-overfull',
    `would be ${pct(left)}: the matrix, SRAM and I/O shares take more than the whole die; lower one of them`),
  vectorFloor: (share: number, floor: number): Message => message('design.vector-floor',
    `is ${pct(share)}, below the ${pct(floor)} a die needs for its on-chip network and control (LLMCompass measured 5.2% on Aldebaran, 14.2% on GA100)`),
  noWeightsHome: (): Message => message('design.no-weights-home',
    'must be greater than 0 when memory.type is "none": the weights need somewhere to live'),
  countWithoutMemory: (): Message => message('design.count-without-memory', 'must be 0 when memory.type is "none"'),
  memoryWithoutCount: (type: string): Message => message('design.memory-without-count', `must be at least 1 for ${type}`),
  stackHeightNotHbm: (type: string): Message => message('design.stack-height-not-hbm', `applies to HBM stacks only, not to ${type}`),
  noCoreFormat: (core: string): Message => message('design.no-core-format', `needs at least one of ${core} (the engine runs LLM matrix products on these)`),
  duplicateFormat: (format: string): Message => message('design.duplicate-format', `lists ${format} twice`),
  tdpBelowFixed: (tdp: number, fixed: number): Message => message('design.tdp-below-fixed',
    `is ${w(tdp)}, below the ${w(fixed)} the memory and links draw on their own; no clock can meet it`),
  powerLimited: (watts: number, clock: number, limited: number): Message => message('design.power-limited',
    `is below the ${w(watts)} the design draws at ${clock} GHz with every engine at full rate; it sustains ${Math.round(limited * 1000) / 1000} GHz within it`),
  notDerivable: (detail: string): Message => message('design.not-derivable', `could not be derived (${detail})`),
  notAParameter: (id: string): Message => message('design.not-a-parameter', `"${id}" is not a design parameter or choice`),
} as const;

/** What opening a link says about its design (chip lab "Design from silicon"). */
export const DESIGN_LINK = {
  invalid: (problem: string): Message => message('link.invalid-design',
    `The chip design in this link is not valid (${problem}); the chip lab shows its chip without design mode.`),
  /** One refused field of a linked design: it takes the preset's value, the rest of the design stays. */
  fieldFromPreset: (problem: string, preset: string): Message => message('link.design-field-from-preset',
    `The chip design in this link has a value this version refuses (${problem}); that field takes the value of the '${preset}' design it starts from, and the rest of the design is kept.`),
  /** A field of a linked design that this version does not read. */
  fieldIgnored: (problem: string): Message => message('link.design-field-ignored',
    `The chip design in this link: ${problem}.`),
  unknownPreset: (id: string): Message => message('link.unknown-design-preset',
    `The chip design in this link starts from '${id}', which this version does not know; it was left out.`),
} as const;
