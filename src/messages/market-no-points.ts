// The Market report's note on an empty window, found by its code: a module of its own, so the
// page's market view and the CLI read it without loading the whole market message catalogue.
import type { Message } from './message';

/** The code of the note that says why a window holds no price point. */
export const NO_POINTS = 'market.no-points';

/** Why the window holds no price point, among a report's notes; undefined when it holds some. */
export function noPointsNote(notes: readonly Message[]): Message | undefined {
  return notes.find((n) => n.code === NO_POINTS);
}
