// What the engine's speed has been worth where a latency limit (TPOT or TTFT) set the batch of the
// deployment it chose: `npm run validate`'s summary.crossValidatedLatencyLimited, each row predicted
// by a fit without its submission. The comparison table quotes it where such a limit binds. The
// regression guard fails when the validation disagrees, so update it with the validation.
export const LATENCY_LIMITED_ACCURACY = {
  /** Cross-validated calibration rows where a latency limit set the engine's batch. */
  rows: 114,
  /** Their median predicted / measured - 1: + = the engine promised more than was measured. */
  medianSignedError: 0.111,
  /** Their median |error|. */
  medianAbsError: 0.175,
} as const;
