/**
 * Mean concurrency a replica with `slots` batch slots can carry under Poisson arrivals while the
 * concurrency stays within the slots 99% of the time. Requests in service form an M/G/infinity
 * population, which is Poisson-distributed with mean L (Kleinrock, Queueing Systems vol. 1, 3.10);
 * we take the largest L whose 99th percentile fits: P(Poisson(L) <= slots) >= 0.99.
 */
export function poissonSafeConcurrency(slots: number, quantile = 0.99): number {
  if (slots <= 0) return 0;
  if (slots > 200) {
    // Normal approximation with continuity correction: L + z sqrt(L) = slots + 0.5.
    const z = 2.3263478740408408; // standard normal 99th percentile
    const root = (-z + Math.sqrt(z * z + 4 * (slots + 0.5))) / 2;
    return root * root;
  }
  let lo = 0;
  let hi = slots;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (poissonCdf(slots, mid) >= quantile) lo = mid;
    else hi = mid;
  }
  return lo;
}

function poissonCdf(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= mean / i;
    sum += term;
  }
  return sum;
}
