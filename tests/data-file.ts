import { readJsonText } from '../src/parse/json-text';

/** A repository data file's JSON; a file that reads two ways (a key given twice) fails its corpus test. */
export function dataFile(text: string, name: string): unknown {
  const read = readJsonText(text);
  if (!read.ok) throw new Error(`${name}: ${read.error}`);
  return read.value;
}
