// The readable part of JSON text that was cut short (a link a chat app or a mail client
// truncated): the text up to the last value known to be whole, with its open objects and arrays
// closed. A value at the cut is dropped, never completed: "chips":12 cut to "chips":1 would read
// as another number. Objects may end early (their missing keys take defaults); an array is whole
// or dropped with its key, since a list of chips cut short is another list. Pure.

type Expect = 'key' | 'colon' | 'value' | 'comma-or-close';

/** The longest prefix of `text` made only of whole values, closed into JSON; null when none. */
export function closeJsonPrefix(text: string): string | null {
  const stack: { close: '}' | ']'; expect: Expect }[] = [];
  let safe: { at: number; closers: string } | null = null;
  const closersNow = () => stack.map((c) => c.close).reverse().join('');
  /** A value ended at `end` (exclusive): its container now waits for ',' or its closer. */
  const valueEnded = (end: number) => {
    const top = stack[stack.length - 1];
    if (top === undefined) return;
    top.expect = 'comma-or-close';
    // Arrays are whole or dropped: a list cut short is another list (links replace arrays whole).
    if (stack.every((c) => c.close === '}')) safe = { at: end, closers: closersNow() };
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) break; // cut inside a string
      if (top?.expect === 'key') top.expect = 'colon';
      else valueEnded(j + 1);
      i = j + 1;
      continue;
    }
    if (c === '{' || c === '[') {
      if (top !== undefined) top.expect = 'comma-or-close';
      stack.push({ close: c === '{' ? '}' : ']', expect: c === '{' ? 'key' : 'value' });
      // Only the outermost object may be closed empty: an inner one cut before its first whole
      // member is dropped with its key ({} would still say nothing, but an array's [] would).
      if (stack.length === 1 && c === '{') safe = { at: i + 1, closers: closersNow() };
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      valueEnded(i + 1);
      i++;
      continue;
    }
    if (c === ':') {
      if (top !== undefined) top.expect = 'value';
      i++;
      continue;
    }
    if (c === ',') {
      if (top !== undefined) top.expect = top.close === '}' ? 'key' : 'value';
      i++;
      continue;
    }
    // A number or a literal: whole only once a delimiter follows it.
    let j = i;
    while (j < text.length && !' \n\r\t,]}'.includes(text[j]!)) j++;
    if (j >= text.length) break;
    valueEnded(j);
    i = j;
  }
  const found = safe as { at: number; closers: string } | null;
  return found === null ? null : `${text.slice(0, found.at)}${found.closers}`;
}
