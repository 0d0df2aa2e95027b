// What opening a shared link says about the parts it could not use. Link messages quote strangers'
// strings: callers pass them through `shown` (url/parse-wire.ts) and the page renders text only.

import { message, type Message } from './message';

/** Names shown in one notice before "and N more". */
const SHOWN_NAMES = 8;

/** "a, b, c" up to `max` names, then "and N more". */
function namedList(names: readonly string[], max = SHOWN_NAMES): string {
  return `${names.slice(0, max).join(', ')}${names.length > max ? ` and ${names.length - max} more` : ''}`;
}

export const LINK = {
  newer: (version: number, current: number): Message => message('link.newer-version',
    `This link was made by a newer version of tokencost (v${version}); it may not open correctly (this version reads links up to v${current}). Everything it could read is shown.`),
  newerUnreadable: (version: number, current: number, detail: string): Message => message('link.newer-version-unreadable',
    `This link was made by a newer version of tokencost (v${version}), and this version (which reads links up to v${current}) cannot read it: ${detail}; showing the default scenario.`),
  badVersionUnreadable: (text: string, current: number): Message => message('link.unknown-version-unreadable',
    `This link's format version ${text} is not one tokencost knows (it writes versions 1 to ${current}), and its data could not be read as the current format; showing the default scenario.`),
  badVersion: (text: string): Message => message('link.unknown-version',
    `This link's format version ${text} is not one tokencost knows; the rest of it was read as the current format.`),
  notRecognised: (): Message => message('link.not-recognised',
    'This link is not a tokencost scenario link (expected #s=<version>.<data>); showing the default scenario.'),
  tooLong: (chars: number, max: number): Message => message('link.too-long',
    `This link is too long (${chars} characters; at most ${max}); showing the default scenario.`),
  // `detail` is a sentence fragment ("the link is damaged or truncated ..."); the page's notice title already says it could not be opened.
  /**
   * The link ended inside its data: what came before the cut is kept, the rest is the default.
   * `lost` names, all of them, what it may have set after the cut; 'all' when no setting survived.
   */
  cutShort: (lost: readonly string[] | 'all'): Message => message('link.cut-short',
    'This link was cut short (a chat or mail app may have shortened it): '
    + (lost === 'all' ? 'no setting it holds survived the cut, so the page shows the defaults. '
      : 'the settings it holds before the cut are kept, and the rest are the defaults. '
        + (lost.length === 0 ? '' : `It may have set these after the cut: ${lost.join(', ')}. `)
        + 'A list it was in the middle of (chips compared, for one) is the default list. ')
    + 'Ask for the whole link to see everything.'),
  /** The link's check does not match its data: a character changed after it was made. */
  altered: (): Message => message('link.altered',
    'This link was changed after it was made: its check does not match its data (a character may have been altered in transit). What it holds was opened, but it may differ from what was shared; ask for the link again.'),
  /** A checked version's link without its check: its end was lost, though its data read whole. */
  unchecked: (): Message => message('link.unchecked',
    'This link has lost its end (the check that confirms it is whole): its data read whole and was opened, but could not be confirmed as the link that was shared.'),
  damaged: (detail: string): Message => message('link.damaged', `${detail.charAt(0).toUpperCase()}${detail.slice(1)}; showing the default scenario.`),
  tooComplex: (detail: string): Message => message('link.too-complex',
    `This link holds more data than any scenario needs (${detail}); showing the default scenario.`),
  notAnObject: (): Message => message('link.not-an-object', 'This link does not hold a scenario object; showing the default scenario.'),
  failed: (): Message => message('link.failed', 'This link could not be read; showing the default scenario.'),
  migrationFailed: (from: number): Message => message('link.migration-failed',
    `This link could not be upgraded from format v${from}; the fields that could be read are shown.`),
  field: (issue: string): Message => message('link.invalid-field', `In this link, ${issue}; the default was used instead.`),
  unknownFields: (names: string): Message => message('link.unknown-fields',
    `This link has fields this version does not know (${names}); they were ignored.`),
  unknownView: (id: string, instead: string): Message => message('link.unknown-view', `The view '${id}' is unknown, showing ${instead} instead.`),
  unknownChip: (id: string, instead: string): Message => message('link.unknown-chip', `The chip '${id}' is unknown, showing ${instead} instead.`),
  unknownPick: (id: string): Message => message('link.unknown-pick', `The chip '${id}' is unknown and was left out of the comparison.`),
  noPicksLeft: (): Message => message('link.no-picks-left',
    'None of the chips in this link are known, so the default chips are compared instead.'),
  badPick: (value: string): Message => message('link.bad-pick', `The comparison entry ${value} is not a chip and was left out.`),
  badChipCount: (id: string, value: string): Message => message('link.bad-chip-count',
    `The chip count '${value}' for '${id}' is not valid (1 to 100,000 or auto); the default count was used.`),
  tooMany: (what: string, count: number, max: number): Message => message('link.too-many',
    `This link has ${count} ${what}; only the first ${max} were kept.`),
  unknownModel: (id: string, instead: string): Message => message('link.unknown-model', `The model '${id}' is unknown, showing ${instead} instead.`),
  unknownTarget: (id: string, instead: string): Message => message('link.unknown-target',
    `The break-even chip '${id}' is unknown, using ${instead} instead.`),
  unknownBase: (what: string, base: string): Message => message('link.unknown-base',
    `A custom ${what} was based on '${base}', which this version does not know; it was left out.`),
  invalidCustom: (what: string, name: string, problem: string): Message => message('link.invalid-custom',
    `The custom ${what} '${name}' is not valid (${problem}) and was left out.`),
  repairedCustom: (what: string, name: string, problems: string): Message => message('link.repaired-custom',
    `The custom ${what} '${name}' had values this version refuses (${problems}); those took the values of the ${what} it was made from, and the rest of it was kept.`),
  repairedLabChip: (problems: string): Message => message('link.repaired-lab-chip',
    `The chip lab's edited chip had values this version refuses (${problems}); those took the starting chip's values, and the rest of the edit was kept.`),
  invalidLabChip: (problem: string): Message => message('link.invalid-lab-chip',
    `The chip lab's edited chip is not valid (${problem}); its unedited starting chip is shown instead.`),
  catalogId: (what: string, id: string): Message => message('link.catalog-id',
    `The custom ${what} '${id}' uses the id of a catalog ${what} and was left out.`),
  duplicateId: (what: string, id: string): Message => message('link.duplicate-id', `A second custom ${what} with the id '${id}' was left out.`),
  baseChanged: (name: string, base: string): Message => message('link.base-changed',
    `The custom chip '${name}' is based on '${base}', whose catalog data changed since the link was made; it uses today's data.`),
  badExplain: (): Message => message('link.bad-explain', 'The explanation panel in this link is not valid and was not opened.'),
  storedUnreadable: (count: number): Message => message('link.stored-unreadable',
    `${count} saved custom chip(s) or model(s) in this browser could not be read and were skipped.`),
  customNotLoaded: (what: 'chips' | 'models', names: readonly string[], max: number, own: number): Message => message('link.custom-not-loaded',
    `At most ${max} custom ${what} are loaded at once${own > 0 ? ` and your own ${own} saved in this browser come first` : ''}, so ${names.length === 1 ? `this one of the link was` : `these ${names.length} of the link were`} not loaded: ${namedList(names)}. Use "Swap them in" to load them in place of others (yours stay saved).`),
  more: (count: number): Message => message('link.more', `…and ${count} more problem(s).`),
} as const;
