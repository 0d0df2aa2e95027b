// The views of the app, in navigation order. Adding a view = one entry here (id, label, channels,
// and a module exporting a MountView); the shell builds the navigation and routing from this list.

import { accuracyChannel, measuredChannel } from '../../app/accuracy-channels';
import { breakEvenChannel, compareChannel, labChannel, labGhostChannel, limitsChannel, sensitivityChannel, sweepChannel } from '../../app/channels';
import { marketDecompositionChannel, marketPointsChannel, marketPriceChannel } from '../../app/market-channels';
import { MESSAGES } from '../../messages/ui';
import { designSweepChannel } from '../../app/design-channels';
import { mountCompareView } from './compare-view';
import type { ViewDef } from './view';

export const VIEWS: readonly ViewDef[] = [
  {
    id: 'compare',
    label: MESSAGES.views.compare.label,
    channels: [compareChannel, measuredChannel, marketPriceChannel, limitsChannel],
    // The landing view ships in the main bundle: no extra request before the first chart.
    load: () => Promise.resolve(mountCompareView),
  },
  {
    id: 'model-size',
    label: MESSAGES.views.modelSize.label,
    channels: [sweepChannel],
    load: () => import('./model-size-view').then((m) => m.mountModelSizeView),
  },
  {
    id: 'chip-lab',
    label: MESSAGES.views.chipLab.label,
    channels: [labChannel, labGhostChannel, sensitivityChannel, breakEvenChannel, designSweepChannel],
    load: () => import('./chip-lab-view').then((m) => m.mountChipLabView),
  },
  {
    id: 'accuracy',
    // The view's other text loads with it (src/ui/accuracy-messages.ts).
    label: 'Accuracy',
    channels: [accuracyChannel],
    load: () => import('./accuracy-view').then((m) => m.mountAccuracyView),
  },
  {
    id: 'market',
    // The view's other text loads with it (src/messages/market-view.ts).
    label: 'Market',
    channels: [marketPointsChannel, marketDecompositionChannel],
    load: () => import('./market-view').then((m) => m.mountMarketView),
  },
];

const BY_ID: ReadonlyMap<string, ViewDef> = new Map(VIEWS.map((v) => [v.id, v]));

export function viewDef(id: string): ViewDef | undefined {
  return BY_ID.get(id);
}

export const VIEW_IDS: ReadonlySet<string> = new Set(VIEWS.map((v) => v.id));
