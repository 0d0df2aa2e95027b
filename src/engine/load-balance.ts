// How unevenly work lands on parallel ranks. The busiest rank sets the step time.

/**
 * Expected load of the busiest of `bins` bins when `items` land uniformly at random:
 * m + sqrt(2 m ln n), m = items / bins (Raab & Steger 1998, "Balls into bins", for m >> ln n).
 * The H200 grouped-GEMM timings (h200-kernel-timings-2.jsonl, max_tokens_per_expert) are within
 * ~5% of it for 256 experts at 1-32k tokens. Never above the total, never below the mean.
 */
export function busiestBinLoad(items: number, bins: number): number {
  if (bins <= 1 || items <= 0) return Math.max(0, items);
  const mean = items / bins;
  // Whole items: the busiest bin holds at least one of them.
  return Math.min(items, Math.max(Math.min(items, 1), mean + Math.sqrt(2 * mean * Math.log(bins))));
}

/**
 * Real routers are not uniform: even with EPLB's redundant experts a batch hits ranks unevenly;
 * rebalancing each batch recovers +0.8% to +7.3% of throughput on DeepSeek-V3/R1 (LMSYS,
 * "Improving DeepEP MoE Load Balance in SGLang with Waterfill and LPLB", 2026-06-26). We take the
 * busiest rank's expert work 10% above the uniform-routing estimate, the middle of that range
 * doubled for the share of the step the expert GEMMs take. An assumption, stated in the explain trace.
 */
export const ROUTER_SKEW = 1.1;
