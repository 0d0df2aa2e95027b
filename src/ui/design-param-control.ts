// One "Design from silicon" parameter: label, a box for typed values, slider and the reason an edit
// was refused. Whole-number parameters (dies, stacks, mm²) step by one per arrow key; the others run
// over the shared slider positions.

import type { DesignParamDef } from '../app-state/design-params';
import { parseDesignValue } from '../app-state/design-typing';
import { SLIDER_STEPS, positionToValue, valueToPosition } from '../app-state/slider-scale';
import type { ChipDesign } from '../records/chip-design';
import { displayNumber } from '../format/units';
import { messageNumber } from '../parse/fields';
import { el, setShownValue, showFieldMessage, syncValue, uid } from './dom';

export function designValueText(def: DesignParamDef, value: number): string {
  if (def.percent) return `${displayNumber(Math.round(value * 1000) / 10)}%`;
  // Past every slider's end (a typed value, refused) as messages write numbers: "1e9 mm²", not "1000000000 mm²".
  const number = Math.abs(value) >= 1e4 ? messageNumber(value) : def.unit === '' ? String(value) : displayNumber(value);
  return def.unit === '' ? number : `${number} ${def.unit}`;
}

export interface DesignParamControl {
  element: HTMLElement;
  sync(design: ChipDesign): void;
  /** Shows why the last edit was refused ('' clears it); a refused slider returns to the design's value, a refused typed text stays. */
  refuse(reason: string): void;
}

/**
 * `onValue`: applies a value (`typed`: from the box), true when the state took it. The box and the
 * slider's spoken value follow a slider at once: the page is redrawn when the results come
 * (app/controller.ts notifySoon).
 * A typed value applies on Enter or on leaving the box; text that is no value, or a value the
 * design refuses, stays in the box with the reason beside it until it is fixed, the value changes
 * from elsewhere, or Escape puts the design's value back.
 */
export function designParamControl(def: DesignParamDef, onValue: (value: number, typed: boolean) => boolean): DesignParamControl {
  const id = uid(`design-${def.id}`);
  const whole = def.integer && !def.slider.log;
  const text = el('input', {
    id,
    attrs: {
      type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
      'data-design-text': def.id, 'aria-describedby': `${id}-error`,
    },
  });
  const range = el('input', {
    attrs: {
      type: 'range', min: whole ? def.slider.min : 0, max: whole ? def.slider.max : SLIDER_STEPS, step: 1,
      'data-design-slider': def.id, 'aria-label': def.label, 'aria-describedby': `${id}-error`,
    },
  });
  const error = el('div', { class: 'error', id: `${id}-error`, attrs: { 'aria-live': 'polite' } });
  const help = def.help === undefined ? null : el('div', { class: 'hint', text: def.help });
  const position = (value: number) => String(whole ? Math.round(value) : valueToPosition(value, def.slider));
  let shown = 0;
  // While a typed text is refused, the design's value then: the text stays until it changes.
  let refusedAt: number | null = null;
  let typing = false;
  const dropRefusal = () => {
    refusedAt = null;
    showFieldMessage(text, error, '');
  };
  const showValue = (value: number) => {
    const textShown = designValueText(def, value);
    setShownValue(text, textShown);
    range.setAttribute('aria-valuetext', textShown);
  };
  range.addEventListener('input', () => {
    const raw = whole ? Number(range.value) : positionToValue(Number(range.value), def.slider);
    const value = def.integer ? Math.round(raw) : Math.round(raw * 1000) / 1000;
    dropRefusal();
    if (onValue(value, false)) {
      shown = value;
      showValue(value);
    }
  });
  text.addEventListener('change', () => {
    // The box's own text for the design's value commits nothing (as in the workload fields): typed back
    // after a refusal, it ends this box's refusal and is no edit that clears the other boxes' ones.
    if (text.value.trim() === designValueText(def, shown)) {
      dropRefusal();
      return;
    }
    const read = parseDesignValue(def, text.value);
    if (!read.ok) {
      refusedAt = shown;
      showFieldMessage(text, error, read.error);
      return;
    }
    typing = true;
    const taken = onValue(read.value, true);
    typing = false;
    if (taken) {
      // The design holds the value at once, but its render may come a moment later (the controller
      // waits up to NOTIFY_WAIT_MS for quick results): a refusal typed meanwhile is of this value.
      shown = read.value;
      dropRefusal();
      showValue(read.value);
    } else refusedAt = shown;
  });
  text.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    // Escape abandons the typed text: the box shows the design's value again, without a refusal.
    dropRefusal();
    showValue(shown);
  });
  return {
    element: el('div', { class: 'lab-param design-param', attrs: { 'data-design-param': def.id } }, [
      el('label', { text: def.label, attrs: { for: id } }), text, range, help, error,
    ]),
    sync(design) {
      const value = def.get(design);
      // A refused text stays while the value it was refused at holds.
      if (refusedAt !== null && refusedAt === value) {
        shown = value;
        return;
      }
      const valueText = designValueText(def, value);
      if (refusedAt !== null) {
        dropRefusal();
        setShownValue(text, valueText);
      }
      shown = value;
      syncValue(text, valueText);
      range.setAttribute('aria-valuetext', valueText);
      if (document.activeElement !== range) range.value = position(shown);
    },
    refuse(reason) {
      if (reason === '' && refusedAt !== null && !typing) {
        // Another edit was applied: a refused text gives way to the design's value.
        refusedAt = null;
        setShownValue(text, designValueText(def, shown));
      }
      // A refused slider step leaves the box showing the design's value: only typed text is marked invalid.
      showFieldMessage(text, error, reason, reason === '' || !typing);
      if (reason !== '') range.value = position(shown);
    },
  };
}
