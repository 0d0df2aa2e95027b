// Import a hardware profile, a model architecture or a Hugging Face config.json. Loaded on demand;
// validation is the catalog's own (src/app/import-file.ts); every finding is shown as text.

import { importedChipDuplicate, importedModelDuplicate, type ImportDuplicate } from '../app-state/import-duplicate';
import { MAX_CUSTOM } from '../app-state/update';
import { IMPORT_MAX_BYTES, interpretImport, type ImportOutcome } from '../app/import-file';
import { evidenceBackedBy } from '../catalog/chip-evidence';
import { evidenceNotBacked } from '../messages/evidence';
import { el, replaceChildren, uid } from './dom';
import { MESSAGES } from '../messages/ui';
import type { ViewContext } from './views/view';

const I = MESSAGES.import;

function list(title: string, items: string[], cls: string): HTMLElement[] {
  return items.length === 0 ? [] : [el('h3', { text: title }), el('ul', { class: cls }, items.map((t) => el('li', { text: t })))];
}

function kindLabel(outcome: ImportOutcome): string {
  return outcome.kind === 'hardware' ? I.kindHardware : outcome.kind === 'hf-config' ? I.kindHf : outcome.kind === 'model' ? I.kindModel : '';
}

/**
 * Adds an imported chip or model unless the user already has its figures; under a numbered name
 * when only its name is taken. The lines say what happened, not what was asked.
 */
function addImported<T extends { name: string }>(item: T, duplicate: ImportDuplicate | null, add: (item: T) => boolean,
  text: { same: (name: string) => string; imported: (name: string) => string; notAdded: (name: string, max: number) => string }): HTMLElement[] {
  const refused = (line: string) => el('p', { class: 'bad', attrs: { 'data-import-refused': '' }, text: line });
  if (duplicate?.kind === 'same-figures') return [refused(text.same(duplicate.name))];
  const named = duplicate === null ? item : { ...item, name: duplicate.freeName };
  // A 21st custom chip is refused, and says so.
  if (!add(named)) return [refused(text.notAdded(named.name, MAX_CUSTOM))];
  const added = el('p', { class: 'good', text: text.imported(named.name) });
  return duplicate === null ? [added] : [added, el('p', { attrs: { 'data-import-renamed': '' }, text: I.sameName(duplicate.name, duplicate.freeName) })];
}

export function openImportDialog(ctx: ViewContext): void {
  const textId = uid('import-text');
  const fileId = uid('import-file');
  const reportId = uid('import-report');
  const textarea = el('textarea', { id: textId, class: 'import-area', attrs: { spellcheck: 'false', 'data-control': 'import-text', 'aria-describedby': reportId } });
  const file = el('input', { id: fileId, attrs: { type: 'file', accept: '.json,application/json', 'data-control': 'import-file', 'aria-describedby': reportId } });
  const report = el('div', { id: reportId, class: 'issues', attrs: { 'aria-live': 'polite', 'data-import-report': '' } });
  const submit = el('button', { class: 'primary', text: I.submit, attrs: { type: 'button', 'data-control': 'import-submit' } });
  const close = el('button', { class: 'secondary', text: I.close, attrs: { type: 'button' } });
  const dialog = el('dialog', { attrs: { 'aria-labelledby': 'import-title', 'data-dialog': 'import' } }, [
    el('div', { class: 'dialog-head' }, [el('h2', { id: 'import-title', text: I.title }), close]),
    el('div', { class: 'dialog-body' }, [
      el('p', { class: 'view-intro', text: I.intro }),
      el('div', { class: 'field-wide' }, [el('label', { text: I.textLabel, attrs: { for: textId } }), textarea]),
      el('div', { class: 'field-wide' }, [el('label', { text: I.fileLabel, attrs: { for: fileId } }), file]),
      el('div', { class: 'toolbar' }, [submit]),
      report,
    ]),
  ]);
  let fileName = '';
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    // What the report says was about the text before this file: it goes with it.
    replaceChildren(report, []);
    textarea.removeAttribute('aria-invalid');
    if (f === undefined) return;
    if (f.size > IMPORT_MAX_BYTES) {
      // The picker lets the refused file go, so that it no longer names a file the text box does not hold.
      file.value = '';
      replaceChildren(report, [el('p', { class: 'bad', text: I.tooLarge(f.name, IMPORT_MAX_BYTES / 1000) })]);
      return;
    }
    fileName = f.name;
    void f.text().then((t) => { textarea.value = t; });
  });
  submit.addEventListener('click', () => {
    const outcome = interpretImport(textarea.value, fileName);
    const head: HTMLElement[] = [];
    if (outcome.hardware !== null) {
      head.push(...addImported(outcome.hardware, importedChipDuplicate(ctx.state(), ctx.catalog, outcome.hardware),
        (profile) => ctx.dispatch({ type: 'add-custom-chip', profile }), { same: I.sameChip, imported: I.importedChip, notAdded: I.notAddedChip }));
      // Evidence the catalog does not back, and the prior factors that then apply: said, not done silently.
      const backed = evidenceBackedBy(outcome.hardware, ctx.catalog);
      if (backed.claimed !== null) {
        head.push(el('p', { class: 'warn', attrs: { 'data-import-evidence': '' },
          text: evidenceNotBacked(outcome.hardware.id, ctx.catalog.hardware.has(outcome.hardware.id), backed.claimed, backed.profile.efficiency.evidence, backed.priorFactor) }));
      }
    } else if (outcome.model !== null) {
      head.push(...addImported(outcome.model, importedModelDuplicate(ctx.state(), ctx.catalog, outcome.model),
        (model) => ctx.dispatch({ type: 'add-custom-model', model }), { same: I.sameModel, imported: I.importedModel, notAdded: I.notAddedModel }));
    } else head.push(el('p', { class: 'bad', text: I.rejected }));
    if (outcome.kind !== null) head.unshift(el('p', { text: kindLabel(outcome) }));
    if (outcome.errors.length > 0) textarea.setAttribute('aria-invalid', 'true');
    else textarea.removeAttribute('aria-invalid');
    replaceChildren(report, [
      ...head,
      ...list(I.errors, outcome.errors, 'bad'),
      ...list(I.warnings, outcome.warnings, 'warn'),
      ...list(I.lint, outcome.lint, 'warn'),
    ]);
  });
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.appendChild(dialog);
  dialog.showModal();
}
