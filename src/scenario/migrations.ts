// Numbered migrations of scenario files (and of the `settings` part of links, which is a scenario
// without its chip): migration N reads version N and writes N+1. A migration reads untrusted JSON
// and must not assume any field exists or has a type; parseScenario checks everything afterwards.

import { isRecord } from '../parse/fields';
import type { Migration } from '../schema/migrate';

export const SCENARIO_MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    description: 'maxBatchPerReplica became engine.maxSequences (the runtime cap is per serving engine)',
    up: (s) => {
      const { maxBatchPerReplica, ...rest } = s;
      if (maxBatchPerReplica === undefined) return { ...rest, version: 2 };
      const engine = isRecord(rest.engine) ? rest.engine : {};
      return { ...rest, version: 2, engine: { ...engine, maxSequences: maxBatchPerReplica } };
    },
  },
];
