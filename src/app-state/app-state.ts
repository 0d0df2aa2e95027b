// Every piece of view state, in one plain JSON-serialisable object (issue 6 will put it in the URL
// hash). Nothing about what the user sees lives anywhere else: the DOM is rebuilt from this.

import type { FrontierMetric, RankKey } from '../engine/analysis/rank';

export type { FrontierMetric };
import type { ModelFamily } from '../engine/analysis/model-size-sweep';
import type { HardwareProfile, ModelArchitecture } from '../engine/types';
import type { MarketSelection } from '../market/options';
import type { Scenario } from '../scenario/scenario';
import type { ChipDesign } from '../records/chip-design';

export const APP_STATE_VERSION = 1;

/** The scenario fields shared by every view: a Scenario without its chip, with the model by id. */
export type WorkloadSettings = Omit<Scenario, 'version' | 'hardware' | 'chips' | 'model'> & { model: string };

export type ChipCount = number | 'auto';

export interface ChipPick {
  /** Catalog or custom chip id. */
  id: string;
  chips: ChipCount;
}

export interface LabState {
  /** Profile the lab started from (its original is the ghost); null = blank chip. */
  baseId: string | null;
  /** The chip being edited: a full profile, so it survives without the catalog. */
  chip: HardwareProfile;
  chips: ChipCount;
  /** Chip the break-even solver matches. */
  breakEvenTargetId: string;
  /** HBM bandwidth the chip had when its HBM capacity was set to 0: a capacity above 0 brings it back. */
  hbmBandwidthBeforeRemoval?: number;
}

export interface AppState {
  version: typeof APP_STATE_VERSION;
  /** Id of a view in the registry (src/ui/views/registry.ts). */
  view: string;
  settings: WorkloadSettings;
  compare: { picks: ChipPick[]; rankBy: RankKey; frontierMetric: FrontierMetric };
  modelSize: { family: ModelFamily; sizes: number };
  lab: LabState;
  /** The Market view: its workload, tier and the two points of its decomposition (issue 14). */
  market: MarketSelection;
  /** Chips and models the user imported or saved from the chip lab. */
  customChips: HardwareProfile[];
  customModels: ModelArchitecture[];
  /** Chip lab "Design from silicon" mode: the design whose derived profile is the lab chip; null = off. */
  design: ChipDesign | null;
  /** The derivation panel, when open. */
  explain: { hardwareId: string; key: string } | null;
}
