// The accuracy the engine achieves on reference/calibration.csv (achieved mode), stored in one
// place. tests/validation/regression-guard.test.ts fails when the validation gets worse than this.
// Only figures from predictions no fit saw are guarded: held-out rows and leave-one-submission-out
// cross-validation. Update deliberately (after `npm run calibrate -- --write` / an engine change),
// with the numbers `npm run validate` prints, and say why in the commit message.

export const ACCURACY_BASELINE = {
  /** When and how these numbers were obtained. */
  recorded: '2026-12-03 (second): the partners\' own TensorRT-LLM config classes where they differ from NVIDIA\'s (Dell and Quanta ran Llama-3.1-405B Offline on H100 as TP8, Dell its Server as TP4 PP2; HPE and Cisco ran Llama-2-70B Server on H100 as TP2 with 2,048 tokens; HPE\'s H100 Interactive is TP2 at 256 tokens; Quanta\'s H100 PCIe, HPE\'s L40S Server and Cisco\'s and Quanta\'s B300 Llama-3.1-405B configs; reference/mlperf-trtllm-configs.md), and TensorRT-LLM runs keep their burst headroom over the replica\'s pooled slots (one capacity scheduler per replica; the new scenario setting engine.scheduler). Recalibrated: held-out 8.08% -> 7.95% (277), without a fit twin 14.28% -> 14.60% (142), cross-validated 8.10% -> 7.94% (593), ratios 9.00% -> 7.38% (374; 155 -> 198 pairs within 8%), coverage 80.1% -> 80.3%, cross-validated mean |log error| 0.1511 -> 0.1511. Before, 2026-12-03: MLPerf runs of TensorRT-LLM (NVIDIA\'s harness and the partners that reuse it) run with their configs\' runtime token budget per step, batch cap and layout (reference/mlperf-trtllm-configs.md; before, the engine chose the layout and ran with its own caps, so H200 took Llama-3.1-405B as TP1 PP8 where the configs run TP4 PP2 and TP8), and the engine\'s token budget applies per micro-batch under PP, as TensorRT-LLM schedules it. Recalibrated: held-out 8.43% -> 8.08% (277), without a fit twin 12.07% -> 14.28% (142; 81 -> 83 of them within 20%: the chips\' factors rose, so the fine-grained MoE factor fell from 0.691 to 0.603 and gpt-oss on B200 and GB200 moved from -3..-11% to -9..-19%), cross-validated 8.32% -> 8.10% (593), ratios 9.55% -> 9.00% (374; 150 -> 155 pairs within 8%), coverage 79.8% -> 80.1%, cross-validated mean |log error| 0.1496 -> 0.1511. Before, 2026-12-02 (fifth): the software factor may exceed 1 where stacks beat the kernel-timed shares (each share it multiplies stays <= 1; spec and claim take a factor above 1 too). Bounded at 1, H200 sat at the bound with its memory- and latency-bound rows 5-10% faster than predicted; fitted now H200 1.05, GH200 1.11, TPU v6e 1.07, H100 1.00, prior 0.779 -> 0.82. Recalibrated: held-out 9.09% -> 8.43% (277), without a fit twin 13.49% -> 12.07% (142), cross-validated 8.47% -> 8.32% (593), ratios 10.02% -> 9.55% (374), coverage 80.3% -> 79.8%, cross-validated mean |log error| 0.1513 -> 0.1496. Before, 2026-12-02 (fourth): achieved mode adds a 3 ms serving step cost (scheduling, sampling, output processing) to every kernel-launched chip, the value over 0.3-8 ms with the lowest cross-validated mean |log error| (0.1550 -> 0.1513), recalibrated: held-out 8.48% -> 9.09% (277), without a fit twin 13.21% -> 13.49% (142), cross-validated 8.62% -> 8.47% (593), ratios 9.91% -> 10.02% (374), coverage 78.9% -> 80.3% (latency-bound predictions with their own quantiles); where a latency limit set the batch (142 rows) the median |error| 17.0% -> 10.3%, and one system\'s Interactive / Offline throughput +20.6% -> +10.5%. Before, 2026-12-02 (third): pipelined replicas split each step\'s prompt chunks evenly over their micro-batches (Sarathi-Serve 4.3; the engine had put them all in one, so the other micro-batches waited behind it at every stage) and keep burst headroom per micro-batch (one scheduler per micro-batch, as vLLM\'s virtual engines): H100 now serves Llama-2-70B as TP1 PP2, the layout of NVIDIA\'s v5.0 configs, instead of TP2. Recalibrated: held-out 9.06% -> 8.48% (277), without a fit twin 12.88% -> 13.21% (142), cross-validated 8.68% -> 8.62% (593), ratios 15.02% -> 9.91% (374), coverage 79.3% -> 78.9%. Before, 2026-12-02 (second): 156 MLPerf v5.0 rows added (81 held out by the rule; H100 NVL, H200 NVL and the 96 GB GH200 have no profile), recalibrated: held-out 9.02% (206 rows) -> 9.06% (277), cross-validated 8.98% (458) -> 8.68% (593), ratios 15.09% (188 pairs) -> 15.02% (374), coverage 78.6% -> 79.3%. Before, 2026-12-02: SGLang\'s large-scale EP rows replayed with the two-batch overlap their software lists, and the SRAM chips\' fixed costs fitted per chip (11 third-party speeds added, not in these figures), recalibrated: held-out, cross-validated and ratio medians unchanged; coverage 79.0% -> 78.6% (the MoE quantiles\' high end 0.361 -> 0.354). Before, 2026-12-01 (fifth): the embedding and LM head at 16 bits in quantized checkpoints (ModelOpt, llm-compressor and Quark leave lm_head unquantized; the head was read and multiplied in the checkpoint\'s format), recalibrated. Before, 2026-12-01 (fourth): the residual stream\'s norms and adds at 16 bits whatever the GEMMs\' format (they were counted at the activation format: 1 byte under fp8, 0.56 under NVFP4; held-out 9.48%), then prompts computed whole every few steps where that costs less than spreading them over every step (MoE prompts spread thinly re-read most experts each step), recalibrated. Before, 2026-12-01 (third): 16-bit GEMMs at their own kernel-measured share (bf16 70.1% of its peak against fp8 64.6%: x1.085 of the profile\'s fp8 share), recalibrated. Before, 2026-12-01 (second): every valid closed MLPerf LLM run on L40S added (7 rows, 5 held out; 2 HPE v5.0 TensorRT rows in the fit: L40S factor 0.554 -> 0.501). Before: 16 held-out rows added (TensorRT-LLM v0.17 table, A100 and L40S; 9.2% on 185 rows before them). Fit from 2026-11-30 (second stop), after npm run calibrate -- --write with MLPerf runs simulated at their mean output (the decode context from the length spread), NVIDIA families by CUDA compute capability, 158 MLPerf runs of partner systems added (78 held out by the rule) and one software factor per chip with rows (its family\'s median, else the prior, for chips without)',
  /** MLPerf + vendor benchmark rows the holdout column keeps out of every fit. */
  heldOutRows: 277,
  /** Median |predicted / measured - 1| on the held-out rows (issue target <= 0.10: met). */
  heldOutMedianAbsError: 0.0795,
  /**
   * The held-out rows no fit row repeats (another partner's run of the same system, round and chip
   * count within 5%): 142 of the 277. The harder test; issue target <= 0.10: not met on these.
   */
  heldOutWithoutFitTwinRows: 142,
  heldOutWithoutFitTwinMedianAbsError: 0.1460,
  /** Median |error| of every target row scored by a fit without its submission. */
  crossValidatedMedianAbsError: 0.0794,
  /**
   * Median |error| of MLPerf per-chip ratios to H100, cross-validated (issue target <= 0.08: met).
   * 0.1459 (91 pairs) -> 0.1388 (181 pairs) -> 0.1465 (188 pairs: the L40S runs, two of vLLM 0.5.2 at a quarter of TensorRT's speed)
   * -> 0.1415 (16-bit GEMMs at their own share) -> 0.1414 (16-bit residual stream) -> 0.1416 (whole-prompt chunks)
   * -> 0.1509 (16-bit LM head: many pairs moved 1-2%, so the median moved a point)
   * -> 0.1502 (374 pairs: MLPerf v5.0 added; H100 runs of v5.0 and v5.1 run 27% faster per chip than NVIDIA's v4.1 run):
   * one factor per chip cannot align runs of different rounds and stacks.
   * -> 0.0991 (pipelined replicas without the prompt bubble: H100 takes v5.0's TP1 PP2; the median
   * errors of the 102 pairs against H100's v5.0 Offline and Server runs moved from +15.5% and +19.8% to +0.8% and +8.0%).
   * -> 0.1002 (the 3 ms serving step cost) -> 0.0955 (software factors above 1: H200 1.05)
   * -> 0.0900 (TensorRT-LLM runs at their configs' token budgets, batch caps and layouts)
   * -> 0.0738 (the partners' own config classes: most pairs divide by an H100 run whose config was
   * a partner's, and H100's 405B Offline reference moved from +26% to -4%, its Interactive one from
   * +21% to +11%; one capacity scheduler per TensorRT-LLM replica).
   */
  crossValidatedRelativeMedianAbsError: 0.0738,
  /**
   * Share of cross-validated predictions inside their 80% range. 0.789 -> 0.809: predictions whose
   * batch a latency limit set take those rows' own quantiles (69.0% -> 79.6% of them inside);
   * -> 0.803 with the serving step cost -> 0.798 with software factors above 1 -> 0.801 with the
   * TensorRT-LLM configs' caps -> 0.803 with the partners' own configs.
   */
  coverage: 0.803,
} as const;

/**
 * Allowed slack before the guard fails. The validation is deterministic, so any change comes from
 * the engine, the profiles, the models or the data; half a point on the medians absorbs a batch-search
 * tie broken differently, while catching a real regression of a group of rows.
 */
export const ACCURACY_TOLERANCE = {
  median: 0.005,
} as const;
