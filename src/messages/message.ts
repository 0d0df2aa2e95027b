// The shape of every message the tool shows: a stable code that tests and programs match, and the
// sentence a person reads. Codes never change meaning; wording may (Vega-Lite's src/log/message.ts).

export interface Message {
  /** Stable identifier, "<area>.<kebab-name>", e.g. "engine.rate-fallback". */
  code: string;
  text: string;
}

export function message(code: string, text: string): Message {
  return { code, text };
}
