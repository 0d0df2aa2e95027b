// Browser entry: load the bundled catalog, start the worker pool, mount the page, compute.

import { Controller } from './app/controller';
import { defaultAppState } from './app-state/defaults';
import { loadBundledCatalog } from './catalog/load-bundled';
import { loadVega } from './ui/chart-host';
import { mountShell } from './ui/shell';
import { VIEW_IDS, viewDef } from './ui/views/registry';
import { createComputePool } from './worker-client';
import './ui/styles.css';

// Fetch the chart library while the workers compute the first results.
void loadVega();
const { catalog, problems } = loadBundledCatalog();
const pool = createComputePool();
const controller = new Controller(catalog, pool, VIEW_IDS, (view) => viewDef(view)?.channels ?? [], defaultAppState(catalog));
const root = document.getElementById('app');
if (root !== null) {
  mountShell(root, controller, catalog, problems);
  controller.schedule();
}
