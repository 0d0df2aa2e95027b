// The frozen base of every shipped link version (add bases/vN.json here when version N ships) and
// the migrations that bring an older link to the current version: what only an older link needs,
// so decodeLink loads this module on demand and the page's first load carries just the current
// base (link-format.ts).

import v1 from './bases/v1.json';
import v2 from './bases/v2.json';
import v3 from './bases/v3.json';
import v4 from './bases/v4.json';
import v5 from './bases/v5.json';
import v6 from './bases/v6.json';
import v7 from './bases/v7.json';
import v8 from './bases/v8.json';
import v9 from './bases/v9.json';
import v10 from './bases/v10.json';
import v11 from './bases/v11.json';
import v12 from './bases/v12.json';
import v13 from './bases/v13.json';
import v14 from './bases/v14.json';
import v15 from './bases/v15.json';
import type { LinkBase } from './link-format';

export { MIGRATIONS } from './migrations';

export const LINK_BASES: ReadonlyMap<number, LinkBase> = new Map([
  [1, v1 as unknown as LinkBase], [2, v2 as unknown as LinkBase], [3, v3 as unknown as LinkBase], [4, v4 as unknown as LinkBase],
  [5, v5 as unknown as LinkBase], [6, v6 as unknown as LinkBase], [7, v7 as unknown as LinkBase],
  [8, v8 as unknown as LinkBase], [9, v9 as unknown as LinkBase], [10, v10 as unknown as LinkBase], [11, v11 as unknown as LinkBase], [12, v12 as unknown as LinkBase],
  [13, v13 as unknown as LinkBase], [14, v14 as unknown as LinkBase], [15, v15 as unknown as LinkBase],
]);

