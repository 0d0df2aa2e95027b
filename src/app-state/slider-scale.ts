// Slider position <-> value, linear or logarithmic. Sliders run over integer positions 0..STEPS so
// keyboard arrows move by a sensible amount on log ranges too.

export const SLIDER_STEPS = 1000;

export interface SliderRange {
  min: number;
  max: number;
  log: boolean;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function positionToValue(position: number, r: SliderRange): number {
  const t = clamp(Number.isFinite(position) ? position : 0, 0, SLIDER_STEPS) / SLIDER_STEPS;
  if (r.log && r.min > 0) return r.min * Math.pow(r.max / r.min, t);
  return r.min + (r.max - r.min) * t;
}

export function valueToPosition(value: number, r: SliderRange): number {
  if (!Number.isFinite(value)) return 0;
  let t: number;
  if (r.log && r.min > 0) t = value <= r.min ? 0 : Math.log(value / r.min) / Math.log(r.max / r.min);
  else t = (value - r.min) / (r.max - r.min);
  return Math.round(clamp(t, 0, 1) * SLIDER_STEPS);
}

/**
 * `value` moved by `positions` slider steps where the slider cannot show it (typed past its ends),
 * rounded as the slider rounds: the same ratio (log) or difference (linear) one step makes inside
 * the range, and at least one unit of the third significant digit (a linear step from far past the
 * end rounds away), so an arrow key from a typed 50 TB/s goes to 49.9, not to the slider's 20 TB/s end.
 */
export function stepBeyondRange(value: number, r: SliderRange, positions: number): number {
  const raw = r.log && r.min > 0 && value > 0 ? value * Math.pow(r.max / r.min, positions / SLIDER_STEPS)
    : value + ((r.max - r.min) * positions) / SLIDER_STEPS;
  const stepped = roundForSlider(raw);
  if (stepped !== value || value === 0 || positions === 0) return stepped;
  return roundForSlider(value + Math.sign(positions) * Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 2));
}

/** Whether the slider can show `value` (it pins values past its ends to them). */
export function insideSliderRange(value: number, r: SliderRange): boolean {
  return value >= r.min && value <= r.max;
}

/** Rounds a slider value to 3 significant digits, so dragging yields readable numbers. */
export function roundForSlider(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const digits = 3 - Math.ceil(Math.log10(Math.abs(value)));
  const f = Math.pow(10, digits);
  return Math.round(value * f) / f;
}
