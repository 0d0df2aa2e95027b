// Browser entry. The workers start first and load while the rest of the page's code is fetched:
// Chromium starts a worker only while this thread is idle, and the workers' first results, not the
// page's own setup, are on the way to the first chart.

import { createComputePool } from './worker-client';
import './ui/styles.css';

const pool = createComputePool();
void import('./start-page').then((m) => m.startPage(pool));
