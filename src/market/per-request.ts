// Cost of one request from a $ per million output tokens: the engine charges a deployment's whole
// cost per hour to the output tokens it produces (engine/economics.ts priceDeployment), so this
// includes the time spent on each request's prefill. Pure; the one place the conversion is written.

export function usdPerRequestAt(usdPerMillionOutputTokens: number, outputTokens: number): number {
  return (usdPerMillionOutputTokens * outputTokens) / 1e6;
}
