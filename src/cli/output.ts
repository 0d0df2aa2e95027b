import type { SimulationResult } from '../engine/types';
import { oneLine } from '../messages/cli';
import { formatBytes, formatNumber, formatSeconds, formatUsd } from '../format/units';

/** One-deployment report: a two-column table a person can read in a terminal. */
export function formatResultTable(r: SimulationResult, hardwareName: string, modelName: string): string {
  const rows: [string, string][] = [];
  rows.push(['hardware', `${hardwareName} (${r.hardwareId})`]);
  rows.push(['model', `${modelName} (${r.modelId})`]);
  if (!r.feasible) {
    rows.push(['feasible', `no: ${r.reason?.text ?? 'unknown reason'}`]);
    return table(rows) + notes(r);
  }
  const c = r.config;
  rows.push(['deployment', `${c.chips} chips = ${c.replicas} replica(s) x TP ${c.tensorParallel} x PP ${c.pipelineParallel} x EP ${c.expertParallel}; batch ${c.batch} per replica`]);
  rows.push(['output tokens/s (total)', formatNumber(r.outputTokensPerSecond)]);
  rows.push(['output tokens/s per chip', formatNumber(r.outputTokensPerSecondPerChip)]);
  rows.push(['tokens/s per user', formatNumber(r.tokensPerSecondPerUser)]);
  rows.push(['TTFT', formatSeconds(r.ttftSeconds)]);
  rows.push(['TPOT', formatSeconds(r.tpotSeconds)]);
  rows.push(['memory per chip', `${formatBytes(r.memory.weightsBytesPerChip)} weights + ${formatBytes(r.memory.kvCacheBytesPerChip)} KV + ${formatBytes(r.memory.reserveBytesPerChip)} reserve of ${formatBytes(r.memory.capacityBytesPerChip)}${r.memory.weightsInSram ? ' (weights in SRAM)' : ''}`]);
  rows.push(['batch limited by', `${r.memory.batchLimitedBy} (memory fits ${formatNumber(r.memory.maxBatchThatFits)})`]);
  const b = r.decodeStepBreakdownSeconds;
  rows.push(['decode step bottleneck', `${r.bottleneck} (compute ${formatSeconds(b.compute)}, memory ${formatSeconds(b.memory)}, communication ${formatSeconds(b.communication)}, overheads ${formatSeconds(b.overhead)})`]);
  rows.push(['pricing used', r.pricingUsed]);
  rows.push(['$/hour', formatUsd(r.costPerHourUsd)]);
  rows.push(['$ per million output tokens', formatUsd(r.usdPerMillionOutputTokens)]);
  rows.push(['output tokens/s per $/hour', formatNumber(r.outputTokensPerSecondPerDollarPerHour)]);
  if (r.rental) rows.push(['rental', `${formatUsd(r.rental.costPerHourUsd)}/h, ${formatUsd(r.rental.usdPerMillionOutputTokens)}/M output tokens`]);
  if (r.tco) {
    rows.push(['TCO', `${formatUsd(r.tco.costPerHourUsd)}/h (capex ${formatUsd(r.tco.capexUsdPerHour ?? 0)}, power ${formatUsd(r.tco.powerUsdPerHour ?? 0)}, hosting ${formatUsd(r.tco.hostingUsdPerHour ?? 0)}), ${formatUsd(r.tco.usdPerMillionOutputTokens)}/M output tokens`]);
  }
  return table(rows) + notes(r);
}

function notes(r: SimulationResult): string {
  const lines: string[] = [];
  for (const w of r.warnings) lines.push(`warning: ${oneLine(w.text)}`);
  for (const m of r.estimateMarks) lines.push(`estimate*: ${oneLine(m)}`);
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${oneLine(v)}`).join('\n') + '\n';
}

export const CSV_COLUMNS = [
  'hardwareId', 'modelId', 'feasible', 'reason', 'chips', 'replicas', 'tensorParallel', 'pipelineParallel', 'expertParallel',
  'batch', 'outputTokensPerSecond', 'outputTokensPerSecondPerChip', 'tokensPerSecondPerUser', 'ttftSeconds', 'tpotSeconds',
  'costPerHourUsd', 'usdPerMillionOutputTokens', 'outputTokensPerSecondPerDollarPerHour', 'pricingUsed', 'bottleneck',
  'batchLimitedBy', 'weightsBytesPerChip', 'kvCacheBytesPerChip', 'estimates',
] as const;

export function csvRow(r: SimulationResult): string {
  const c = r.config;
  const values: (string | number | boolean)[] = [
    r.hardwareId, r.modelId, r.feasible, r.reason?.text ?? '', c.chips, c.replicas, c.tensorParallel, c.pipelineParallel, c.expertParallel,
    c.batch, r.outputTokensPerSecond, r.outputTokensPerSecondPerChip, r.tokensPerSecondPerUser, r.ttftSeconds, r.tpotSeconds,
    r.costPerHourUsd, r.usdPerMillionOutputTokens, r.outputTokensPerSecondPerDollarPerHour, r.pricingUsed, r.bottleneck,
    r.memory.batchLimitedBy, r.memory.weightsBytesPerChip, r.memory.kvCacheBytesPerChip, r.estimateMarks.length,
  ];
  return values.map(csvCell).join(',');
}

export function csvCell(value: string | number | boolean): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '') : String(value);
  // Quote, and defuse spreadsheet formulas in text cells (CSV injection).
  if (/[",\n]/.test(text) || /^[=+\-@]/.test(text) && typeof value === 'string') return `"${text.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"`;
  return text;
}

/** Multi-chip comparison table, best first. */
export function formatComparisonTable(results: SimulationResult[]): string {
  const header = ['hardware', 'chips', 'TPxPPxEP', 'batch', 'tok/s/chip', 'tok/s/user', 'TTFT', 'TPOT', '$/M out', 'tok/s per $/h', 'pricing', 'bottleneck'];
  const rows = results.map((r) => r.feasible
    ? [
      r.hardwareId + (r.estimateMarks.length > 0 ? '*' : ''), String(r.config.chips),
      `${r.config.tensorParallel}x${r.config.pipelineParallel}x${r.config.expertParallel}`, String(r.config.batch),
      formatNumber(r.outputTokensPerSecondPerChip), formatNumber(r.tokensPerSecondPerUser), formatSeconds(r.ttftSeconds),
      formatSeconds(r.tpotSeconds), formatUsd(r.usdPerMillionOutputTokens), formatNumber(r.outputTokensPerSecondPerDollarPerHour),
      r.pricingUsed, r.bottleneck,
    ]
    : [r.hardwareId + (r.estimateMarks.length > 0 ? '*' : ''), String(r.config.chips), '-', '-', '-', '-', '-', '-', '-', '-', '-', `infeasible: ${r.reason?.text ?? ''}`]);
  for (const row of rows) row.forEach((cell, i) => { row[i] = oneLine(cell); });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line), '', '* uses estimated figures (see --format json: estimateMarks)'].join('\n') + '\n';
}
