// The accuracy the engine achieves on reference/calibration.csv (achieved mode), stored in one
// place. tests/validation/regression-guard.test.ts fails when the validation gets worse than this.
// Only figures from predictions no fit saw are guarded: held-out rows and leave-one-submission-out
// cross-validation. Update deliberately (after `npm run calibrate -- --write` / an engine change),
// with the numbers `npm run validate` prints, and say why in the commit message.

export const ACCURACY_BASELINE = {
  /** When and how these numbers were obtained. */
  recorded: '2026-11-30 (second stop), after npm run calibrate -- --write with MLPerf runs simulated at their mean output (the decode context from the length spread, instead of a longer output that understated prefill) and NVIDIA families split by CUDA compute capability (B300/GB300 10.3 and RTX PRO 6000 12.0 apart from B200/GB200 10.0)',
  /** MLPerf + vendor benchmark rows the holdout column keeps out of every fit. */
  heldOutRows: 107,
  /** Median |predicted / measured - 1| on the held-out rows (issue target <= 0.10: not met). */
  heldOutMedianAbsError: 0.1116,
  /** Median |error| of every target row scored by a fit without its submission. */
  crossValidatedMedianAbsError: 0.1191,
  /**
   * Median |error| of MLPerf per-chip ratios to H100, cross-validated (issue target <= 0.08: not met).
   * 0.1459 -> 0.1383 (91 pairs) with the mean-output lengths and the families by compute capability
   * (the B300 runs against H100 come out 10-34% low: B300's factor also carries its Llama-3.1-8B runs).
   */
  crossValidatedRelativeMedianAbsError: 0.1383,
  /** Share of cross-validated predictions inside their 80% range. */
  coverage: 0.7870,
} as const;

/**
 * Allowed slack before the guard fails. The validation is deterministic, so any change comes from
 * the engine, the profiles, the models or the data; half a point on the medians absorbs a batch-search
 * tie broken differently, while catching a real regression of a group of rows.
 */
export const ACCURACY_TOLERANCE = {
  median: 0.005,
} as const;
