import { describe, expect, it } from 'vitest';
import { parseCalibrationCsv, parseCsv, parseNoteFields } from '../../src/validation/calibration-rows';

describe('parseCsv (RFC 4180)', () => {
  it('splits plain fields and records, with or without a trailing newline', () => {
    expect(parseCsv('a,b,c\n1,2,3\n').records).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(parseCsv('a,b,c\n1,2,3').records).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n').records).toEqual([['a', '', 'c', '']]);
  });

  it('reads quoted fields holding commas, newlines and doubled quotes', () => {
    const text = 'x,"TensorRT 10.2, CUDA 12.4","line one\nline two","say ""hi"""\n';
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records).toEqual([['x', 'TensorRT 10.2, CUDA 12.4', 'line one\nline two', 'say "hi"']]);
  });

  it('accepts CRLF line ends and a byte-order mark, and skips blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n\r\n').records).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps a quoted empty field as a record', () => {
    expect(parseCsv('""\n').records).toEqual([['']]);
  });

  it('reports an unterminated quote and a stray quote instead of throwing', () => {
    expect(parseCsv('a,"never closed\n').errors[0]).toMatch(/never closed/);
    const stray = parseCsv('a,b"c\n');
    expect(stray.errors[0]).toMatch(/stray double quote/);
    expect(stray.records).toEqual([['a', 'b"c']]);
  });
});

describe('parseNoteFields', () => {
  it('reads key=value pairs and skips free text', () => {
    expect(parseNoteFields('division=closed; per_accel=2939.3 tokens/s; VENDOR CLAIM; p99_TPOT_ms=197.9')).toEqual({
      division: 'closed', per_accel: '2939.3 tokens/s', p99_TPOT_ms: '197.9',
    });
  });
});

describe('parseCalibrationCsv', () => {
  const header = 'source_kind,round_or_date,model,scenario,system,accelerator,accel_count,precision,software,input_len,output_len,metric,value,unit,source_ref,notes,precision_assumed,holdout';

  it('types the numbers it can read and keeps the text as written', () => {
    const text = `${header}\nvendor_benchmark_doc,2025,Llama-3.1-8B,offline,DGX,NVIDIA H100,1,FP8,"TRT, x",128,2048,output_tokens_per_s,"28,312",tokens/s,ref,TP1; per_accel=28312,fp8/fp8/fp8: stated,no\n`
      + `mlperf_inference_result,v4.1,Llama-2-70B,Offline,sys,NVIDIA H200,~576 (est),fp8,,"OpenOrca (24,576 samples)",mean~293,output_tokens_per_s,31302.7,tokens/s,ref,,fp8/fp8/fp8: assumed,yes\n`;
    const { rows, errors } = parseCalibrationCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(2);
    const [a, b] = rows;
    expect(a!.index).toBe(1);
    expect(a!.software).toBe('TRT, x');
    expect(a!.inputLen).toBe(128);
    expect(a!.outputLen).toBe(2048);
    expect(a!.value).toBe(28312);
    expect(a!.noteFields.per_accel).toBe('28312');
    expect(a!.precisionAssumed).toBe('fp8/fp8/fp8: stated');
    expect(a!.holdout).toBe(false);
    expect(b!.holdout).toBe(true);
    expect(b!.accelCount).toBe(576);
    expect(b!.inputLen).toBeNull();
    expect(b!.inputLenText).toBe('OpenOrca (24,576 samples)');
    expect(b!.outputLen).toBeNull();
  });

  it('reports a missing column and a short row', () => {
    const { errors } = parseCalibrationCsv('source_kind,model\nx\n');
    expect(errors.some((e) => e.includes('"accelerator" is missing'))).toBe(true);
    expect(errors.some((e) => e.startsWith('row 1:'))).toBe(true);
  });
});
