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

/** Rounds a slider value to 3 significant digits, so dragging yields readable numbers. */
export function roundForSlider(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const digits = 3 - Math.ceil(Math.log10(Math.abs(value)));
  const f = Math.pow(10, digits);
  return Math.round(value * f) / f;
}
