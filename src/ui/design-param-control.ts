// One "Design from silicon" slider: label, value, slider and the reason an edit was refused.
// Whole-number parameters (dies, stacks, mm²) step by one per arrow key; the others run over the
// shared slider positions.

import type { DesignParamDef } from '../app-state/design-params';
import { SLIDER_STEPS, positionToValue, valueToPosition } from '../app-state/slider-scale';
import type { ChipDesign } from '../records/chip-design';
import { displayNumber } from '../format/units';
import { el, uid } from './dom';

export function designValueText(def: DesignParamDef, value: number): string {
  if (def.percent) return `${displayNumber(Math.round(value * 1000) / 10)}%`;
  return def.unit === '' ? String(value) : `${displayNumber(value)} ${def.unit}`;
}

export interface DesignParamControl {
  element: HTMLElement;
  sync(design: ChipDesign): void;
  /** Shows why the last edit was refused ('' clears it); a refused slider returns to the design's value. */
  refuse(reason: string): void;
}

/**
 * `onValue`: applies a value, true when the state took it. The readout and the slider's spoken
 * value follow at once: the page is redrawn when the results come (app/controller.ts notifySoon).
 */
export function designParamControl(def: DesignParamDef, onValue: (value: number) => boolean): DesignParamControl {
  const id = uid(`design-${def.id}`);
  const whole = def.integer && !def.slider.log;
  const output = el('output', { class: 'design-value', attrs: { for: id } });
  const range = el('input', {
    id,
    attrs: {
      type: 'range', min: whole ? def.slider.min : 0, max: whole ? def.slider.max : SLIDER_STEPS, step: 1,
      'data-design-slider': def.id, 'aria-describedby': `${id}-error`,
    },
  });
  const error = el('div', { class: 'error', id: `${id}-error`, attrs: { 'aria-live': 'polite' } });
  const help = def.help === undefined ? null : el('div', { class: 'hint', text: def.help });
  const position = (value: number) => String(whole ? Math.round(value) : valueToPosition(value, def.slider));
  let shown = 0;
  range.addEventListener('input', () => {
    const raw = whole ? Number(range.value) : positionToValue(Number(range.value), def.slider);
    const value = def.integer ? Math.round(raw) : Math.round(raw * 1000) / 1000;
    if (onValue(value)) showValue(value);
  });
  const showValue = (value: number) => {
    const shown = designValueText(def, value);
    output.textContent = shown;
    range.setAttribute('aria-valuetext', shown);
  };
  return {
    element: el('div', { class: 'lab-param design-param', attrs: { 'data-design-param': def.id } }, [
      el('label', { text: def.label, attrs: { for: id } }), output, range, help, error,
    ]),
    sync(design) {
      shown = def.get(design);
      showValue(shown);
      if (document.activeElement !== range) range.value = position(shown);
    },
    refuse(reason) {
      error.textContent = reason;
      if (reason !== '') range.value = position(shown);
    },
  };
}
