// Small labelled form controls. Each returns its element and a sync function that shows a value
// from the state without disturbing a control the user is editing.

import type { SettingsFieldDef } from '../app-state/settings-fields';
import type { WorkloadSettings } from '../app-state/app-state';
import { readSettingText } from '../app-state/settings-input';
import { el, setShownValue, showFieldMessage, syncValue, uid } from './dom';
import { displayNumber } from '../format/units';

/**
 * A workload or pricing field's value: a whole-number field shows every digit (32768 showed as
 * 32770 while the engine, the link and the export used 32768), the others 4 significant digits.
 */
function fieldNumber(value: number, integer: boolean): string {
  return integer && Number.isFinite(value) ? String(Math.round(value)) : displayNumber(value);
}


export interface Control<T> {
  element: HTMLElement;
  sync(value: T): void;
}

/** What a number field needs from a settings table (the workload's, the Market view's). */
export type NumberFieldDef<S> = Pick<SettingsFieldDef, 'label' | 'unit' | 'scale' | 'limit' | 'nullable' | 'nullText'> & {
  id: string; get(s: S): number | null; unusedNote?(s: S): string | null;
};

/**
 * A numeric setting from a settings table (label, unit, range); empty means null where allowed.
 * Typed text goes through readSettingText: a value it refuses is not applied, the field is marked
 * invalid with the reason beside it, and the text stays so it can be corrected (as in the chip lab).
 * `onChange` applies a value: true when the state took it.
 */
export function settingsNumberField<S = WorkloadSettings>(def: NumberFieldDef<S>, onChange: (value: number | null) => boolean): Control<S> {
  const id = uid(def.id);
  const errorId = `${id}-error`;
  const input = el('input', {
    id,
    attrs: {
      type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', 'data-field': def.id,
      placeholder: def.nullText ?? '', 'aria-describedby': errorId,
    },
  });
  const error = el('div', { class: 'error', id: errorId, attrs: { 'aria-live': 'polite', 'data-field-error': def.id } });
  // While the typed text is refused, the value the state had then: the text is kept until the
  // user fixes it or the state changes from elsewhere (a link, Back, a preset).
  let refusedAt: { value: number | null } | null = null;
  let committed = false;
  let current: number | null = null;
  /** The value a reading note is about: another value (a link, Back, a preset) clears the note. */
  let noted: number | null = null;
  const setError = (text: string, note = false) => {
    // A note says how an applied value was read: beside the field, but the field is valid.
    error.classList.toggle('note', note);
    showFieldMessage(input, error, text, text === '' || note);
  };
  /** The text the field shows for a value (display units). */
  const textOf = (v: number | null) => (v === null ? '' : fieldNumber(v / def.scale, def.limit.integer === true));
  const commit = () => {
    // The field's own text for the value in use commits nothing: a percent field shows 0.5 % as
    // "0.5", which typed fresh reads as the share 0.5 (50 %), so Enter on it changed the workload.
    const shown = textOf(current);
    if (input.value.trim() === shown) {
      // Typed back after a refusal, it is the value in use again: the refusal ends.
      if (refusedAt !== null) setError('');
      refusedAt = null;
      setShownValue(input, shown);
      return;
    }
    const read = readSettingText(def, input.value);
    if (!read.ok) {
      setError(read.error);
      refusedAt = { value: current };
      return;
    }
    setError(read.note ?? '', read.note !== undefined);
    noted = read.value;
    refusedAt = null;
    if (read.value === current) {
      setShownValue(input, textOf(current));
      return;
    }
    committed = true;
    // The state holds the value at once, but its render may come a moment later (the controller
    // waits up to NOTIFY_WAIT_MS for quick results): a refusal typed meanwhile is of this value.
    if (onChange(read.value)) current = read.value;
  };
  // Enter applies at once; the change event that may follow for the same text is not a second edit.
  let handled: string | null = null;
  input.addEventListener('input', () => {
    handled = null;
    // The refusal (or the note) quoted the old text; the typed text stays protected (refusedAt) until applied.
    if (refusedAt !== null || error.classList.contains('note')) setError('');
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // Escape abandons the typed text: the box shows the value in use again, without a refusal.
      refusedAt = null;
      setError('');
      setShownValue(input, textOf(current));
      handled = input.value;
      return;
    }
    if (event.key !== 'Enter') return;
    handled = input.value;
    commit();
  });
  input.addEventListener('change', () => { if (input.value !== handled) commit(); });
  const unused = el('div', { class: 'hint inactive', attrs: { 'data-field-unused': def.id, 'aria-live': 'polite' } });
  unused.hidden = true;
  const element = el('div', { class: 'field' }, [
    el('label', { text: def.label, attrs: { for: id } }),
    input,
    el('span', { class: 'unit', text: def.unit }),
    error,
    unused,
  ]);
  return {
    element,
    sync(settings) {
      const note = def.unusedNote?.(settings) ?? null;
      unused.textContent = note ?? '';
      unused.hidden = note === null;
      const v = def.get(settings);
      current = v;
      if (error.classList.contains('note') && v !== noted) setError('');
      // A change from elsewhere (Back, a link, a preset) ends a refusal: the box shows the value in
      // use again, focused or not, so it never shows refused text without its message.
      const refusalEnded = refusedAt !== null;
      if (refusedAt !== null) {
        if (refusedAt.value === v) return;
        refusedAt = null;
        setError('');
      }
      const text = textOf(v);
      // After a typed value is applied, show it normalised ("2,048" -> "2048") though the box has focus.
      if (committed || refusalEnded) setShownValue(input, text);
      else syncValue(input, text);
      committed = false;
    },
  };
}

/** A radio group styled as a segmented control (arrow keys move between options). */
export function segmented<T extends string>(label: string, options: readonly { value: T; label: string }[], onChange: (value: T) => void): Control<T> {
  const name = uid('seg');
  const inputs = options.map((o) => el('input', {
    attrs: { type: 'radio', name, value: o.value, 'data-option': o.value },
    on: { change: () => onChange(o.value) },
  }));
  const element = el('div', { class: 'group' }, [
    el('span', { text: label, attrs: { id: `${name}-label` } }),
    el('div', { class: 'segmented', attrs: { role: 'radiogroup', 'aria-labelledby': `${name}-label` } },
      options.map((o, i) => el('label', {}, [inputs[i]!, o.label]))),
  ]);
  return {
    element,
    sync(value) {
      for (const input of inputs) input.checked = input.value === value;
    },
  };
}

/** A labelled select over fixed options. */
export function selectField<T extends string>(
  label: string,
  options: readonly { value: T; label: string; group?: string }[],
  onChange: (value: T) => void,
  wide = false,
): Control<T> {
  const id = uid('sel');
  const select = el('select', { id, on: { change: () => onChange(select.value as T) } });
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const o of options) {
    const option = el('option', { text: o.label, attrs: { value: o.value } });
    if (o.group === undefined) select.appendChild(option);
    else {
      let g = groups.get(o.group);
      if (g === undefined) {
        g = el('optgroup', { attrs: { label: o.group } });
        groups.set(o.group, g);
        select.appendChild(g);
      }
      g.appendChild(option);
    }
  }
  const element = el('div', { class: wide ? 'field-wide' : 'field' }, [el('label', { text: label, attrs: { for: id } }), select]);
  return { element, sync: (value) => syncValue(select, value) };
}
