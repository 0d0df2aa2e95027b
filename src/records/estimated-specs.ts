// Which estimated profile fields are specs. Prices (most chips have no public list price) and link
// latencies (no vendor publishes them) are estimated for nearly every chip: a mark for those would
// sit on all 30 chips and tell a reader nothing. The "*" on a chip's name marks estimated specs.

import { estimateFieldName } from '../messages/estimate-fields';

/** Whether an `estimates` path is a spec: compute, memory, power or interconnect bandwidth. */
export function isSpecEstimate(path: string): boolean {
  return !(path.startsWith('price.') || path.endsWith('latencySeconds') || path.startsWith('packaging.') || path === 'releaseYear');
}

/** The estimated spec fields of a chip: what its "*" stands for. */
export function estimatedSpecs(p: { estimates: Readonly<Record<string, string>> }): string[] {
  return Object.keys(p.estimates).filter(isSpecEstimate);
}

/** The value an `estimates` path ("price.listPriceUsd") names in a profile (own fields only), or undefined. */
export function estimatedValue(profile: object, path: string): unknown {
  let node: unknown = profile;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The profile path of an estimate mark ("path: basis", as results and chip series list them). */
function markPath(mark: string): string {
  const colon = mark.indexOf(':');
  return colon < 0 ? mark : mark.slice(0, colon);
}

/** Whether an estimate mark ("path: basis") is of a spec: one behind the chip's "*". */
export function isSpecMark(mark: string): boolean {
  return isSpecEstimate(markPath(mark));
}

/** An estimate mark ("path: basis") as a reader sees it: "HBM bandwidth: basis". */
export function readableMark(mark: string): string {
  const path = markPath(mark);
  return `${estimateFieldName(path)}${mark.slice(path.length)}`;
}
