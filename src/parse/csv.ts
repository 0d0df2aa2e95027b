// CSV text to records, for the reference data sets (calibration.csv, api_prices.csv,
// market_history.csv). Pure and lenient: problems are reported, never thrown.

export interface CsvParseResult {
  records: string[][];
  /** Problems found (unterminated quote, stray quote); parsing goes on as leniently as possible. */
  errors: string[];
}

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a field in double quotes may hold
 * commas, line breaks and doubled quotes (""). A blank trailing line does not make a record.
 */
export function parseCsv(text: string): CsvParseResult {
  const records: string[][] = [];
  const errors: string[] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedField = false;
  let line = 1;
  let i = 0;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endField = () => {
    record.push(field);
    field = '';
    quotedField = false;
  };
  const endRecord = () => {
    const quoted = quotedField;
    endField();
    // A record made of one empty, unquoted field is a blank line: skip it.
    if (!(record.length === 1 && record[0] === '' && !quoted)) records.push(record);
    record = [];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field === '' && !quotedField) {
        inQuotes = true;
        quotedField = true;
      } else {
        errors.push(`line ${line}: stray double quote inside an unquoted field`);
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === ',') {
      endField();
      i += 1;
      continue;
    }
    if (c === '\r' && src[i + 1] === '\n') {
      endRecord();
      line += 1;
      i += 2;
      continue;
    }
    if (c === '\n' || c === '\r') {
      endRecord();
      line += 1;
      i += 1;
      continue;
    }
    if (quotedField) {
      errors.push(`line ${line}: text after a closing quote`);
      quotedField = false;
    }
    field += c;
    i += 1;
  }
  if (inQuotes) errors.push(`line ${line}: a quoted field is never closed`);
  if (field !== '' || record.length > 0 || quotedField) endRecord();
  return { records, errors };
}

export interface CsvTable<C extends string> {
  /** One object per data row, every named column present (empty string when the cell is missing). */
  rows: Record<C, string>[];
  errors: string[];
}

/**
 * Records under a header row as objects keyed by the named columns (trimmed cells). A missing
 * column or a row with the wrong number of fields is reported; the row is still read.
 */
export function csvTable<C extends string>(text: string, columns: readonly C[]): CsvTable<C> {
  const { records, errors } = parseCsv(text);
  const header = records[0];
  if (header === undefined) return { rows: [], errors: [...errors, 'the file is empty'] };
  const positions = new Map<string, number>();
  header.forEach((name, i) => positions.set(name.trim(), i));
  for (const column of columns) if (!positions.has(column)) errors.push(`header: column "${column}" is missing`);
  const rows = records.slice(1).map((record, i) => {
    if (record.length !== header.length) errors.push(`row ${i + 1}: ${record.length} fields, the header has ${header.length}`);
    const row = {} as Record<C, string>;
    for (const column of columns) {
      const at = positions.get(column);
      row[column] = at === undefined ? '' : (record[at] ?? '').trim();
    }
    return row;
  });
  return { rows, errors };
}
