// Orders text without ICU: the first String.prototype.localeCompare loads ICU's collation data
// (50 ms here, on the way to the first chart). For this app's text (ids, file names, ISO dates,
// chip and vendor names in ASCII) this gives localeCompare's order: letters compared without case
// first, then lowercase before uppercase.

export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a === b ? 0 : a < b ? 1 : -1;
}
