// Golden outputs for review (issue 16 item 6): the CLI's `--hardware all` CSV for a few workloads,
// numbers rounded to 3 significant figures, committed under tests/golden/. An engine change then
// shows up as a diff a reviewer reads. Pure apart from running the CLI in-process.
import { main } from './simulate';

export interface GoldenCase {
  name: string;
  /** What the workload is, for the file's reader. */
  what: string;
  argv: string[];
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'default', what: 'the default scenario (Llama 3.1 70B, fp8, 2048 in / 256 out, 8 chips)', argv: ['--hardware', 'all'] },
  { name: 'prompt-32k', what: '32k-token prompts', argv: ['--hardware', 'all', '--input-tokens', '32768', '--output-tokens', '512'] },
  { name: 'deepseek-r1', what: 'DeepSeek-R1 on as many chips as each needs', argv: ['--hardware', 'all', '--model', 'deepseek-r1', '--chips', 'auto'] },
  { name: 'llama-1b', what: 'a 1B model', argv: ['--hardware', 'all', '--model', 'llama-3.2-1b'] },
  { name: 'sram-chips', what: 'SRAM-resident chips serving Llama 3.1 70B fast', argv: ['--hardware', 'groq-lpu,cerebras-cs3,d-matrix-corsair,matx-one', '--chips', 'auto', '--max-tpot-ms', '20'] },
];

/** A number to 3 significant figures as text; other cells unchanged. */
export function roundCell(cell: string): string {
  if (!/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(cell)) return cell;
  const v = Number(cell);
  return v === 0 || !Number.isFinite(v) ? cell : String(Number(v.toPrecision(3)));
}

function roundCsv(csv: string): string {
  // The CLI writes plain cells (no quoted commas in numeric columns); quoted text cells pass unchanged.
  return csv.split('\n').map((line) => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      if (ch === ',' && !quoted) {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    return cells.map(roundCell).join(',');
  }).join('\n');
}

export async function goldenOutput(c: GoldenCase): Promise<string> {
  let out = '';
  let err = '';
  const code = await main([...c.argv, '--format', 'csv'], { stdout: { write: (t: string) => { out += t; } }, stderr: { write: (t: string) => { err += t; } } });
  if (code !== 0) throw new Error(`golden case ${c.name} failed (${code}): ${err}`);
  return roundCsv(out);
}

/** Largest relative moves between two golden texts: (row key, column, old, new, relative change). */
export function largestMoves(before: string, after: string, limit = 10): { row: string; column: string; from: string; to: string; change: number }[] {
  const parse = (t: string) => t.trim().split('\n').map((l) => l.split(','));
  const [headA, ...rowsA] = parse(before);
  const [headB, ...rowsB] = parse(after);
  if (headA === undefined || headB === undefined) return [];
  const byKey = new Map(rowsA.map((r) => [r[0]!, r]));
  const moves: { row: string; column: string; from: string; to: string; change: number }[] = [];
  for (const r of rowsB) {
    const old = byKey.get(r[0]!);
    if (old === undefined) continue;
    headB.forEach((column, i) => {
      const j = headA.indexOf(column);
      const a = Number(old[j]);
      const b = Number(r[i]);
      if (j < 0 || old[j] === r[i] || !Number.isFinite(a) || !Number.isFinite(b) || old[j] === '' || r[i] === '') return;
      moves.push({ row: r[0]!, column, from: old[j]!, to: r[i]!, change: a === 0 ? Number.POSITIVE_INFINITY : b / a - 1 });
    });
  }
  return moves.sort((x, y) => Math.abs(y.change) - Math.abs(x.change)).slice(0, limit);
}
