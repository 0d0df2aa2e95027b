import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCalibrationCsv, type CalibrationRow } from '../../src/validation/calibration-rows';
import { runsTensorrtLlm, trtllmCaps } from '../../src/validation/mlperf-trtllm-caps';
import { planRows } from '../../src/validation/row-to-scenario';

const rows = parseCalibrationCsv(readFileSync(new URL('../../reference/calibration.csv', import.meta.url), 'utf8')).rows;

describe('TensorRT-LLM caps of the MLPerf configs', () => {
  it('a chip\'s own configs come before its generation\'s: H100 ran Llama-2-70B as TP1 PP2 from v5.0, H200 as TP1', () => {
    expect(trtllmCaps('llama2-70b', 'Server', 'nvidia-h100-sxm', 'v5.0')).toMatchObject({ tensorParallel: 1, pipelineParallel: 2, maxTokensPerStep: 1024, maxSequences: 2048 });
    expect(trtllmCaps('llama2-70b', 'Server', 'nvidia-h200-sxm', 'v5.1')).toMatchObject({ tensorParallel: 1, pipelineParallel: 1, maxTokensPerStep: 1536, maxSequences: 2048 });
    expect(trtllmCaps('llama2-70b', 'Offline', 'nvidia-b200', 'v6.0')).toMatchObject({ maxTokensPerStep: 3584, maxSequences: 2048 });
  });

  it('rounds: v4.1 Hopper ran 4,096-token steps (H100 as TP2); v4.0, whose configs were not read, keeps the engine defaults', () => {
    expect(trtllmCaps('llama2-70b', 'Offline', 'nvidia-h100-sxm', 'v4.1')).toMatchObject({ tensorParallel: 2, maxTokensPerStep: 4096, maxSequences: null });
    expect(trtllmCaps('llama2-70b', 'Offline', 'nvidia-h200-sxm', 'v4.1')).toMatchObject({ tensorParallel: 1, maxTokensPerStep: 4096 });
    expect(trtllmCaps('llama2-70b', 'Offline', 'nvidia-h200-sxm', 'v4.0')).toBeNull();
  });

  it('a submitter\'s own config file (custom.py) comes first, for its system only', () => {
    // Dell ran Llama-3.1-405B Offline on H100 as TP8 where NVIDIA's H200 file says TP4 PP2.
    expect(trtllmCaps('llama3.1-405b', 'Offline', 'nvidia-h100-sxm', 'v5.0', 'XE9680_H100_SXM_80GBx8_TRT')).toMatchObject({ tensorParallel: 8, pipelineParallel: 1, maxTokensPerStep: 1536, maxSequences: 512 });
    // Quanta's own class for its H100 system: TP8 too, with batch 256.
    expect(trtllmCaps('llama3.1-405b', 'Offline', 'nvidia-h100-sxm', 'v5.0', 'D74U_7U_H100_SXM_80GBx8_TRT')).toMatchObject({ tensorParallel: 8, pipelineParallel: 1, maxSequences: 256 });
    expect(trtllmCaps('llama3.1-405b', 'Offline', 'nvidia-h100-sxm', 'v5.0', 'D74U_7U_H100_SXM_80GBx8_TRT')?.source ?? '').not.toMatch(/Dell/);
    // A system without a class of its own keeps the chip's and generation's entries (none for H100 405B Offline).
    expect(trtllmCaps('llama3.1-405b', 'Offline', 'nvidia-h100-sxm', 'v5.0', 'another_H100_system_TRT')).toBeNull();
    // HPE's H100 Interactive is NVIDIA's H200 x8 Interactive config at TP2; other H100 Interactive runs were not read.
    expect(trtllmCaps('llama2-70b', 'Interactive', 'nvidia-h100-sxm', 'v5.0', 'HPE_Cray_XD670_H100_SXM_80GBx8_TRT')).toMatchObject({ tensorParallel: 2, maxTokensPerStep: 256, maxSequences: 512 });
    expect(trtllmCaps('llama2-70b', 'Interactive', 'nvidia-h100-sxm', 'v5.0', 'XE9680_H100_SXM_80GBx8_TRT')).toBeNull();
    expect(trtllmCaps('llama2-70b', 'Interactive', 'nvidia-h100-sxm', 'v5.1', 'HPE_Cray_XD670_H100_SXM_80GBx8_TRT')).toBeNull();
    // A chip no generation's configs cover (H100 PCIe) still takes its submitter's own.
    expect(trtllmCaps('llama2-70b', 'Offline', 'nvidia-h100-pcie', 'v5.0', 'D54U_3U_H100_PCIe_80GBx4_TRT')).toMatchObject({ tensorParallel: 1, pipelineParallel: 2, maxTokensPerStep: 1024 });
  });

  it('nothing for configs not read: other vendors, unlisted chips, H100 Interactive', () => {
    expect(trtllmCaps('llama2-70b', 'Offline', 'amd-mi325x', 'v5.1')).toBeNull();
    expect(trtllmCaps('llama2-70b', 'Offline', 'nvidia-l40s', 'v5.0')).toBeNull();
    expect(trtllmCaps('llama2-70b', 'Offline', 'nvidia-h100-pcie', 'v5.0')).toBeNull();
    expect(trtllmCaps('llama2-70b', 'Interactive', 'nvidia-h100-sxm', 'v5.0')).toBeNull();
    expect(trtllmCaps('deepseek-r1', 'Offline', 'nvidia-b200', 'v6.0')).toBeNull();
  });

  it('TensorRT-LLM rows: NVIDIA\'s harness (systems named _TRT) or TensorRT in the software column', () => {
    const row = (system: string, software: string) => ({ system, software }) as CalibrationRow;
    expect(runsTensorrtLlm(row('DGX-H100_H100-SXM-80GBx8_TRT', ''))).toBe(true);
    expect(runsTensorrtLlm(row('xe9680_h100_sxm_80gbx8_trt', ''))).toBe(true);
    expect(runsTensorrtLlm(row('nebius_b200_n1', 'TensorRT 10.11, CUDA 12.9'))).toBe(true);
    expect(runsTensorrtLlm(row('xe8640_4xh100_vllm', 'vLLM 0.10.0, RHEL 9.6'))).toBe(false);
    expect(runsTensorrtLlm(row('8xmi325x_2xepyc_9575f', 'vLLM 0.6.5'))).toBe(false);
  });

  it('the validation runs TensorRT-LLM rows with their configs and says so; other stacks keep the engine defaults', () => {
    const plans = planRows(rows).filter((p) => p.kind === 'modelled' && p.mlperf !== undefined && p.mlperf !== null);
    const withCaps = plans.filter((p) => p.kind === 'modelled' && p.assumptions.some((a) => a.startsWith('TensorRT-LLM configs of the submission')));
    expect(withCaps.length).toBeGreaterThan(200);
    for (const p of plans) {
      if (p.kind !== 'modelled') continue;
      const capped = withCaps.includes(p);
      expect(p.scenario.engine.maxTokensPerStep !== 'auto').toBe(capped);
      if (capped) expect(runsTensorrtLlm(p.row)).toBe(true);
    }
    const vllm = plans.find((p) => p.kind === 'modelled' && /vllm/i.test(p.row.software));
    expect(vllm?.kind === 'modelled' && vllm.scenario.engine.maxTokensPerStep).toBe('auto');
  });
});
