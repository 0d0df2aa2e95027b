// Numbered migrations of scenario files (and of the `settings` part of links, which is a scenario
// without its chip): migration N reads version N and writes N+1. A migration reads untrusted JSON
// and must not assume any field exists or has a type; parseScenario checks everything afterwards.

import { isRecord } from '../parse/fields';
import type { Migration } from '../schema/migrate';

export const SCENARIO_MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    description: 'maxBatchPerReplica became engine.maxSequences (the runtime cap is per serving engine)',
    renamed: { 'engine.maxSequences': 'maxBatchPerReplica' },
    // `s` is runMigrations' private clone: edited in place, so a file with a million unknown keys
    // is not copied once more (a rest spread of it cost 4 s).
    up: (s) => {
      const maxBatchPerReplica = s.maxBatchPerReplica;
      delete s.maxBatchPerReplica;
      s.version = 2;
      if (maxBatchPerReplica !== undefined) s.engine = { ...(isRecord(s.engine) ? s.engine : {}), maxSequences: maxBatchPerReplica };
      return s;
    },
  },
];
