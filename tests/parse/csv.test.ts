import { describe, expect, it } from 'vitest';
import { csvTable } from '../../src/parse/csv';

describe('csvTable', () => {
  it('keys each row by the named columns, trims cells and ignores other columns', () => {
    const t = csvTable('a,b,extra\n 1 ,"x, y",z\n2,,\n', ['a', 'b'] as const);
    expect(t.errors).toEqual([]);
    expect(t.rows).toEqual([{ a: '1', b: 'x, y' }, { a: '2', b: '' }]);
  });

  it('reports a missing column and a short row, and still reads the rows', () => {
    const t = csvTable('a,b\n1\n', ['a', 'c'] as const);
    expect(t.errors).toEqual(['header: column "c" is missing', 'row 1: 1 fields, the header has 2']);
    expect(t.rows).toEqual([{ a: '1', c: '' }]);
  });

  it('says when the file is empty', () => {
    expect(csvTable('', ['a'] as const)).toEqual({ rows: [], errors: ['the file is empty'] });
  });
});
