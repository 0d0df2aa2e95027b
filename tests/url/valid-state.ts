// What "a valid app state" means for decoded links: every id resolves, every number is in range,
// every chip and model passes the catalog parsers, every count is within its cap.

import type { AppState } from '../../src/app-state/app-state';
import { MAX_CUSTOM, MAX_PICKS } from '../../src/app-state/update';
import type { Catalog } from '../../src/catalog/catalog';
import { parseHardwareProfile } from '../../src/records/hardware-profile';
import { parseModelArchitecture } from '../../src/records/model-architecture';
import { RANK_KEYS } from '../../src/engine/analysis/rank';
import { SWEEP_MAX_SIZES } from '../../src/engine/analysis/sweep-sizes';
import { formatIssue } from '../../src/parse/fields';
import { LIMITS } from '../../src/scenario/limits';
import { parseScenario } from '../../src/scenario/parse-scenario';
import { parseMarketOptions } from '../../src/market/options';

const validCount = (c: unknown) => c === 'auto' || (typeof c === 'number' && Number.isInteger(c) && c >= LIMITS.chips.min && c <= LIMITS.chips.max);

export function stateProblems(state: AppState, catalog: Catalog, views: ReadonlySet<string>): string[] {
  const p: string[] = [];
  if (JSON.stringify(JSON.parse(JSON.stringify(state))) !== JSON.stringify(state)) p.push('not JSON-serialisable');
  if (!views.has(state.view)) p.push(`view ${state.view}`);
  const { model, ...settings } = state.settings;
  const parsed = parseScenario({ ...settings, version: 1, hardware: 'nvidia-h100-sxm', chips: 1, model });
  p.push(...parsed.errors.map((e) => `settings: ${formatIssue(e)}`));
  const chipIds = new Set([...catalog.hardware.keys()]);
  const customIds = new Set<string>();
  if (state.customChips.length > 2 * MAX_CUSTOM) p.push('too many custom chips');
  if (state.customModels.length > 2 * MAX_CUSTOM) p.push('too many custom models');
  for (const c of state.customChips) {
    const r = parseHardwareProfile(c);
    if (r.errors.length > 0) p.push(`custom chip ${c.id}: ${formatIssue(r.errors[0]!)}`);
    if (chipIds.has(c.id) || customIds.has(c.id)) p.push(`custom chip id ${c.id} taken`);
    chipIds.add(c.id);
    customIds.add(c.id);
  }
  for (const m of state.customModels) {
    const r = parseModelArchitecture(m);
    if (r.errors.length > 0) p.push(`custom model ${m.id}: ${formatIssue(r.errors[0]!)}`);
    if (catalog.models.has(m.id) || customIds.has(m.id)) p.push(`custom model id ${m.id} taken`);
    customIds.add(m.id);
  }
  if (!catalog.models.has(model) && !state.customModels.some((m) => m.id === model)) p.push(`model ${model}`);
  if (state.compare.picks.length > MAX_PICKS) p.push('too many picks');
  const seen = new Set<string>();
  for (const pick of state.compare.picks) {
    if (!chipIds.has(pick.id)) p.push(`pick ${pick.id}`);
    if (seen.has(pick.id)) p.push(`duplicate pick ${pick.id}`);
    seen.add(pick.id);
    if (!validCount(pick.chips)) p.push(`pick count ${String(pick.chips)}`);
  }
  if (!Object.hasOwn(RANK_KEYS, state.compare.rankBy)) p.push('rankBy');
  if (!['perChip', 'usdPerMillion'].includes(state.compare.frontierMetric)) p.push('frontierMetric');
  if (!['dense', 'moe'].includes(state.modelSize.family)) p.push('family');
  if (!Number.isInteger(state.modelSize.sizes) || state.modelSize.sizes < 3 || state.modelSize.sizes > SWEEP_MAX_SIZES) p.push('sizes');
  const lab = parseHardwareProfile(state.lab.chip);
  if (lab.errors.length > 0) p.push(`lab chip: ${formatIssue(lab.errors[0]!)}`);
  if (!validCount(state.lab.chips)) p.push('lab chips');
  if (!chipIds.has(state.lab.breakEvenTargetId)) p.push(`target ${state.lab.breakEvenTargetId}`);
  if (state.lab.baseId !== null && (typeof state.lab.baseId !== 'string' || state.lab.baseId.length > 64)) p.push('lab base');
  const market = parseMarketOptions(state.market);
  if (market.errors.length > 0) p.push(`market: ${formatIssue(market.errors[0]!)}`);
  if (state.explain !== null && (typeof state.explain.hardwareId !== 'string' || typeof state.explain.key !== 'string')) p.push('explain');
  return p;
}
