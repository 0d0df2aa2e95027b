/** Link characteristics after efficiency: per chip, per direction. */
export interface LinkRates {
  bytesPerSecond: number;
  latencySeconds: number;
}

/**
 * Ring all-reduce: alpha x 2(n-1) steps would overstate NVSwitch-based all-reduce, which runs in
 * about one latency; we use alpha + 2(n-1)/n x bytes / bandwidth (MODEL.md section 3; Patarasuk &
 * Yuan 2009 for the bandwidth term).
 */
export function allReduceSeconds(bytes: number, participants: number, link: LinkRates): number {
  if (participants <= 1 || bytes <= 0) return 0;
  return link.latencySeconds + ((2 * (participants - 1)) / participants) * (bytes / link.bytesPerSecond);
}

/** Point-to-point activation hand-off between pipeline stages. */
export function sendSeconds(bytes: number, link: LinkRates): number {
  if (bytes <= 0) return 0;
  return link.latencySeconds + bytes / link.bytesPerSecond;
}

/** All-to-all (expert-parallel dispatch or combine): each chip sends (n-1)/n of its bytes. */
export function allToAllSeconds(bytes: number, participants: number, link: LinkRates): number {
  if (participants <= 1 || bytes <= 0) return 0;
  return link.latencySeconds + (((participants - 1) / participants) * bytes) / link.bytesPerSecond;
}
