// `--url LINK`: the page's own decoder turns a shared link into the scenarios the page computes:
// every compared chip with its chip count (compare and model-size views: the comparison the link
// shows), or the edited chip (chip lab). Custom chips and models travel inline, so the numbers
// are the page's: same engine, same resolved scenarios (app-state/requests.ts builds them alike).

import type { AppState } from '../app-state/app-state';
import { labPricedState } from '../app-state/lab-pricing';
import { findChip, findModel, withInlineDraft } from '../app-state/lookup';
import type { Catalog } from '../catalog/catalog';
import type { RankKey } from '../engine/analysis/rank';
import type { HardwareProfile } from '../engine/types';
import type { ChipDesign } from '../records/chip-design';
import { SCENARIO_VERSION, type Scenario } from '../scenario/scenario';
import { decodeLink } from '../url/link';

export interface LinkScenarios {
  /** One scenario per chip the page shows, in the page's order before ranking. */
  scenarios: Scenario[];
  /** The page's ranking of the comparison; null for the chip lab (one chip). */
  rankBy: RankKey | null;
  view: string;
  /** What the link could not restore (the page shows the same messages). */
  warnings: string[];
  /** The chip lab's design ("Design from silicon"), when the link carries one. */
  design: ChipDesign | null;
  /** The chip lab's scenario (its chip, chip count and workload), whatever the view. */
  lab: Scenario;
}

function scenarioFor(state: AppState, catalog: Catalog, hardware: HardwareProfile, chips: Scenario['chips']): Scenario {
  const model = findModel(state, catalog, state.settings.model);
  return {
    ...withInlineDraft(state.settings, state, catalog),
    version: SCENARIO_VERSION,
    hardware: catalog.hardware.get(hardware.id) === hardware ? hardware.id : hardware,
    chips,
    model: model === undefined || catalog.models.has(model.id) ? state.settings.model : model,
  };
}

const LANDING_NOTE = 'the link holds no scenario (#s=…): it opens the page\'s landing scenario, which this run reproduces';
const CLI_LINK_CUT = 'The link is damaged or truncated: it was cut short, so it holds only part of its scenario (the page opens that part with a notice); copy the whole link.';
const CLI_LINK_ALTERED = 'The link was changed after it was made: its check does not match its data, so it may hold another scenario than the one shared (the page opens it with a notice); copy the link again.';
const CLI_LINK_UNCHECKED = 'The link has lost its end (its check), so it cannot be confirmed as the link that was shared (the page opens it with a notice); copy the whole link.';

/** An http(s) or file address with no fragment: what the page's "Copy link" gives on its landing scenario. */
function isPageAddress(text: string): boolean {
  try {
    const u = new URL(text.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:') && u.hash === '';
  } catch {
    return false;
  }
}

export async function scenariosFromLink(url: string, catalog: Catalog): Promise<{ value: LinkScenarios | null; error: string | null }> {
  const decoded = await decodeLink(url, catalog, undefined, { views: null });
  // The page copies its bare address while it shows the landing scenario: that address opens it.
  const landing = decoded.status === 'none' && isPageAddress(url);
  if (decoded.status === 'none' && !landing) return { value: null, error: 'the link holds no scenario (expected …#s=<version>.<data>, as copied from the page)' };
  if (decoded.status === 'unreadable') {
    // The page's message, without what the page does about it.
    return { value: null, error: (decoded.messages[0]?.text ?? 'the link could not be read').replace(/[.;] [Ss]howing the default scenario\.$/, '.') };
  }
  // A script asked for the link's scenario: one cut short (the page opens its first part, with a
  // notice) would run another scenario, so the CLI refuses it.
  // Likewise one whose check fails or is missing.
  const codes = new Set(decoded.messages.map((m) => m.code));
  if (codes.has('link.altered')) return { value: null, error: CLI_LINK_ALTERED };
  if (codes.has('link.cut-short')) return { value: null, error: CLI_LINK_CUT };
  if (codes.has('link.unchecked')) return { value: null, error: CLI_LINK_UNCHECKED };
  const { state } = decoded;
  // The lab prices as the page's lab does: design mode holds it at owning cost (TCO).
  const lab = scenarioFor(labPricedState(state), catalog, state.lab.chip, state.lab.chips);
  const warnings = [...(landing ? [LANDING_NOTE] : []), ...decoded.messages.map((m) => m.text)];
  const common = { view: state.view, warnings, design: state.design, lab };
  if (state.view === 'chip-lab') return { value: { ...common, scenarios: [lab], rankBy: null }, error: null };
  const scenarios: Scenario[] = [];
  for (const pick of state.compare.picks) {
    const chip = findChip(state, catalog, pick.id);
    if (chip !== undefined) scenarios.push(scenarioFor(state, catalog, chip, pick.chips));
  }
  if (scenarios.length === 0) return { value: null, error: 'the link compares no chips' };
  return { value: { ...common, scenarios, rankBy: state.compare.rankBy }, error: null };
}
