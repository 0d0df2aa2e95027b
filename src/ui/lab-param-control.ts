// One chip-lab parameter: a slider for dragging and a text box for typed values with units.

import { labValueRefusal, type LabParamDef } from '../app-state/lab-params';
import { labEditRefusal } from '../app-state/lab-validity';
import { SLIDER_STEPS, insideSliderRange, positionToValue, roundForSlider, stepBeyondRange, valueToPosition } from '../app-state/slider-scale';
import type { HardwareProfile, RateClass } from '../engine/types';
import { parseQuantity } from '../scenario/parse-quantity';
import { displayQuantity } from '../app-state/lab-display';
import { el, setShownValue, showFieldMessage, syncValue, uid } from './dom';
import { MESSAGES } from '../messages/ui';

/**
 * The value a typed one stands for: the original chip's own value when the text shows the same as
 * the box showed for it (4 significant digits: "1,979 TFLOP/s" is the catalogue's 1,978.9...), so
 * typing the original back restores the chip exactly; otherwise the typed value.
 */
export function typedValue(def: LabParamDef, typed: number, original: number | null): number {
  return original !== null && displayQuantity(def, typed) === displayQuantity(def, original) ? original : typed;
}

export interface LabParamControl {
  element: HTMLElement;
  /** `note`: why editing this parameter changes nothing now (pricing mode, efficiency mode), or null. */
  sync(chip: HardwareProfile, original: HardwareProfile, rateClass: RateClass, note?: string | null): void;
  /** Drops a refusal, typed or dragged, and its message (Reset): the box shows the value in use again. */
  dropRefusal(): void;
}

/** Slider positions an arrow or page key moves (the browser's own steps: 1, and a tenth of the range). */
const KEY_STEPS: Readonly<Record<string, number>> = {
  ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: SLIDER_STEPS / 10, PageDown: -SLIDER_STEPS / 10,
};

/**
 * `onValue`: applies a value, true when the state took it. A slider's field and spoken value follow
 * at once: the page is redrawn when the results come (app/controller.ts notifySoon).
 */
export function labParamControl(def: LabParamDef, onValue: (value: number) => boolean): LabParamControl {
  const id = uid(`lab-${def.id}`);
  const label = el('label', { text: def.label, attrs: { for: id } });
  const text = el('input', { id, attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', 'data-lab-text': def.id, 'aria-describedby': `${id}-hint ${id}-error` } });
  const range = el('input', {
    attrs: { type: 'range', min: 0, max: SLIDER_STEPS, step: 1, 'aria-label': def.label, 'data-lab-slider': def.id },
  });
  const hint = el('div', { class: 'hint', id: `${id}-hint` });
  const error = el('div', { class: 'error', id: `${id}-error`, attrs: { 'aria-live': 'polite' } });
  // A share field reads a bare number two ways (0.65 or 65): the rule is stated where it is typed.
  const helpText = [def.help, def.quantity === 'fraction' ? MESSAGES.lab.fractionTyping : undefined].filter((t) => t !== undefined).join(' ');
  const help = helpText === '' ? null : el('div', { class: 'hint help', id: `${id}-help`, text: helpText });
  const inactive = el('div', { class: 'hint inactive', id: `${id}-note`, attrs: { 'data-param-note': def.id } });
  inactive.hidden = true;
  text.setAttribute('aria-describedby', [`${id}-hint`, help === null ? null : `${id}-help`, `${id}-note`, `${id}-error`].filter((x) => x !== null).join(' '));
  // After a typed value is applied, show it normalised (units) even though the box has focus.
  let committed = false;
  // While the typed text is refused, the parameter's value then: the text and its message stay
  // until the user fixes it or the value changes from elsewhere (the slider, Reset, a link), as in
  // the workload fields (controls.ts). Other edits redraw the lab without overwriting it.
  let refusedAt: { value: number | null } | null = null;
  let current: number | null = null;
  // The original chip's value: typed back as the box showed it, it is that value again.
  let originalValue: number | null = null;
  // The chip and rate class of the last sync: an edit is checked against the whole chip.
  let chipNow: HardwareProfile | null = null;
  let rateNow: RateClass = 'fp8';
  const wholeChipRefusal = (value: number) => (chipNow === null ? null : labEditRefusal(def, chipNow, value, rateNow));
  // The range a refusal quotes offers 0 only where the whole chip takes it (no HBM bandwidth while it has HBM capacity).
  const rangeDef = (): LabParamDef => (def.limit.allowZero === true && wholeChipRefusal(0) !== null ? { ...def, limit: { ...def.limit, allowZero: false } } : def);
  const clearError = () => {
    refusedAt = null;
    showFieldMessage(text, error, '');
  };
  range.addEventListener('input', () => applyStepped(roundForSlider(positionToValue(Number(range.value), def.slider))));
  // A value typed past the slider's ends sits at an end the thumb cannot leave gently: one arrow key
  // from a typed 50 TB/s set the slider's 20 TB/s. There, keys step from the value itself.
  range.addEventListener('keydown', (event) => {
    const move = KEY_STEPS[event.key];
    if (move === undefined || current === null || insideSliderRange(current, def.slider)) return;
    event.preventDefault();
    applyStepped(stepBeyondRange(current, def.slider, move));
  });
  function applyStepped(stepped: number): void {
    clearError();
    // A whole-number parameter (scale-up domain, chips) takes whole steps, at least one each way: an
    // arrow key once showed "7.94 chips" while the chip kept 8.
    const whole = Math.round(stepped);
    const value = def.limit.integer !== true ? stepped
      : current !== null && whole === current && stepped !== current ? current + Math.sign(stepped - current) : whole;
    const refusal = wholeChipRefusal(value);
    if (refusal !== null) {
      error.textContent = refusal;
      // The thumb goes back to the value in use: it must not point at one the chip refused.
      range.value = String(valueToPosition(current ?? def.slider.min, def.slider));
      return;
    }
    if (onValue(value)) {
      current = value;
      const shown = displayQuantity(def, value);
      syncValue(text, shown);
      range.setAttribute('aria-valuetext', shown || 'none');
    }
  }
  text.addEventListener('change', () => {
    const parsed = parseQuantity(text.value, def.quantity, def.scale);
    // A number past the float range ("Infinity", "1e999") is refused like 1e30, with the accepted range.
    const refusal = parsed.ok ? labValueRefusal(parsed.value === 0 ? def : rangeDef(), parsed.value, text.value) ?? wholeChipRefusal(parsed.value)
      : (parsed.beyond !== undefined ? labValueRefusal(rangeDef(), parsed.beyond, text.value) : null) ?? MESSAGES.lab.invalid(parsed.error);
    if (refusal !== null || !parsed.ok) {
      showFieldMessage(text, error, refusal ?? '', false);
      refusedAt = { value: current };
      return;
    }
    clearError();
    committed = true;
    // The chip holds the value at once, but its render may come a moment later (the controller
    // waits up to NOTIFY_WAIT_MS for quick results): a refusal typed meanwhile is of this value.
    const value = typedValue(def, parsed.value, originalValue);
    if (onValue(value)) current = value;
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') text.dispatchEvent(new Event('change'));
    // Escape abandons the typed text: the box shows the value in use again, without a refusal.
    if (event.key === 'Escape') {
      clearError();
      setShownValue(text, displayQuantity(def, current));
    }
  });
  // Typing again: the refusal quoted the old text, so it goes; the new text is checked when applied.
  text.addEventListener('input', () => showFieldMessage(text, error, ''));
  return {
    element: el('div', { class: 'lab-param', attrs: { 'data-param': def.id } }, [label, text, range, hint, help, inactive, error]),
    sync(chip, original, rateClass, note = null) {
      inactive.hidden = note === null;
      inactive.textContent = note ?? '';
      const value = def.get(chip, rateClass);
      current = value;
      chipNow = chip;
      rateNow = rateClass;
      if (def.id === 'compute') label.textContent = `${def.label} (${rateClass})`;
      // A change from elsewhere (Back, a link, a preset) ends a refusal: the box shows the value in
      // use again, focused or not, so it never shows refused text without its message.
      const refusalEnded = refusedAt !== null && refusedAt.value !== value;
      if (refusalEnded) clearError();
      if (refusedAt === null) {
        if (committed || refusalEnded) setShownValue(text, displayQuantity(def, value));
        else syncValue(text, displayQuantity(def, value));
      }
      committed = false;
      const pos = String(valueToPosition(value ?? def.slider.min, def.slider));
      if (document.activeElement !== range && range.value !== pos) range.value = pos;
      range.setAttribute('aria-valuetext', displayQuantity(def, value) || 'none');
      const before = def.get(original, rateClass);
      originalValue = before;
      // A zero the chip does not have (no SRAM bandwidth, no HBM) reads as none, not as "0 TB/s".
      const shownBefore = before === null || before === 0 ? MESSAGES.lab.none : displayQuantity(def, before);
      hint.textContent = before === value ? '' : MESSAGES.lab.originalValue(shownBefore);
    },
    dropRefusal() {
      clearError();
      setShownValue(text, displayQuantity(def, current));
    },
  };
}
