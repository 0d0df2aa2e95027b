// The accuracy the engine achieves on reference/calibration.csv (achieved mode), stored in one
// place. tests/validation/regression-guard.test.ts fails when the validation gets worse than this.
// Only figures from predictions no fit saw are guarded: held-out rows and leave-one-submission-out
// cross-validation. Update deliberately (after `npm run calibrate -- --write` / an engine change),
// with the numbers `npm run validate` prints, and say why in the commit message.

export const ACCURACY_BASELINE = {
  /** When and how these numbers were obtained. */
  recorded: '2026-11-30, after npm run calibrate -- --write with 20 MLPerf v6.0 rows added (MI300X, MI325X, RTX PRO 6000; 8 held out by the rule) the two DeepSeek-R1 Interactive runs excluded (MTP), the v6.0 Llama-3.1-405B Interactive run simulated disaggregated as it ran, and the software trend profiled on a 0.01/year grid',
  /** MLPerf + vendor benchmark rows the holdout column keeps out of every fit. */
  heldOutRows: 92,
  /** Median |predicted / measured - 1| on the held-out rows (issue target <= 0.10: not met). */
  heldOutMedianAbsError: 0.1927,
  /** Median |error| of every target row scored by a fit without its submission. */
  crossValidatedMedianAbsError: 0.1567,
  /**
   * Median |error| of MLPerf per-chip ratios to H100, cross-validated (issue target <= 0.08: not met).
   * 0.1266 -> 0.1743 with the v6.0 rows: the 43 earlier pairs are at 0.1281; the 18 new ones (RTX
   * PRO 6000 and MI300X against H100 rows of other rounds and stacks) are 0-49% off.
   */
  crossValidatedRelativeMedianAbsError: 0.1743,
  /** Share of cross-validated predictions inside their 80% range. */
  coverage: 0.7758,
} as const;

/**
 * Allowed slack before the guard fails. The validation is deterministic, so any change comes from
 * the engine, the profiles, the models or the data; half a point on the medians absorbs a batch-search
 * tie broken differently, while catching a real regression of a group of rows.
 */
export const ACCURACY_TOLERANCE = {
  median: 0.005,
} as const;
