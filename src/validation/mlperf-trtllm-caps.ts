// The serving caps of the MLPerf Inference submissions that run TensorRT-LLM: the runtime token
// budget per step (max_num_tokens), the batch cap (gpu_batch_size) and the layout of NVIDIA's configs,
// which the partners' submissions reuse, or of a partner's own class for its system where that
// differs (reference/mlperf-trtllm-configs.md lists every file read). A row's
// own configs say how it served, as its notes do for speculative decoding and disaggregation.
// Rounds or systems whose configs were not read keep the engine's defaults. Pure.
import type { CalibrationRow } from './calibration-rows';

export interface TrtllmCaps {
  /** Runtime max_num_tokens: tokens one forward pass (one micro-batch under PP) may hold. */
  maxTokensPerStep: number;
  /** gpu_batch_size, per replica (x PP where a micro-batch has its own); null: the engine's default. */
  maxSequences: number | null;
  /** The configs' layout: tensor and pipeline parallelism of one replica. */
  tensorParallel: number;
  pipelineParallel: number;
  /** The config files the figures come from. */
  source: string;
}

type Generation = 'hopper' | 'blackwell' | 'blackwell-ultra' | 'rtx-pro';
type Scenario = 'Offline' | 'Server' | 'Interactive';

// The chips each generation's configs were read for. Not the profiles' families: H100 PCIe is Hopper
// but ran configs of its own, read only for one submitter's system (below).
const GENERATION: Readonly<Record<string, Generation>> = {
  'nvidia-h100-sxm': 'hopper', 'nvidia-h200-sxm': 'hopper', 'nvidia-gh200': 'hopper',
  'nvidia-b200': 'blackwell', 'nvidia-gb200-nvl72': 'blackwell',
  'nvidia-b300': 'blackwell-ultra', 'nvidia-gb300-nvl72': 'blackwell-ultra',
  'nvidia-rtx-pro-6000': 'rtx-pro',
};

interface Entry {
  benchmark: string;
  scenarios: readonly Scenario[];
  /** A generation, or one chip where its configs differ from its generation's. */
  on: Generation | string;
  /** The submitting systems (the rows' system names) whose own config class sets these (a partner's file); absent: every system. */
  systems?: readonly string[];
  /** Inclusive MLPerf round range ("5.0"); absent: every round from v5.0 on. */
  rounds?: readonly [string, string];
  /** The configs' tensor x pipeline parallelism. */
  layout: readonly [number, number];
  tokens: number;
  sequences: number | null;
  source: string;
}

const V41 = 'mlcommons/inference_results_v4.1 closed/NVIDIA/configs';
const V50 = 'NVIDIA v5.0 configs as partners copied them (ntuhpc/mlperf_inference_results_v5.0 closed/{Lenovo,GigaComputing,Dell}/configs';
const V50P = 'ntuhpc/mlperf_inference_results_v5.0 closed';
const V60P = 'gbeezybez/inference_results_v6.0 closed';
const V51 = 'mlcommons/inference_results_v5.1 closed/NVIDIA/configs';
const V51P = 'mlcommons/inference_results_v5.1 closed/{ASUSTeK,Cisco,Dell,HPE,Nebius,QCT}/configs (NVIDIA code)';
const V60 = 'inference_results_v6.0 closed/NVIDIA/configs (gbeezybez/inference_results_v6.0 copy)';
const OS: readonly Scenario[] = ['Offline', 'Server'];
const ALL: readonly Scenario[] = ['Offline', 'Server', 'Interactive'];

// Most specific first: a chip's own entry before its generation's. `layout` is the configs' TP x PP.
const ENTRIES: readonly Entry[] = [
  // Llama-2-70B. Hopper ran 4,096-token steps in v4.1; from v5.0, 1,536 (H100 as TP1 PP2 with 1,024
  // tokens and 1,024 sequences per micro-batch).
  { benchmark: 'llama2-70b', scenarios: OS, on: 'nvidia-h100-sxm', rounds: ['4.1', '4.1'], layout: [2, 1], tokens: 4096, sequences: null, source: `${V41}/llama2-70b/__init__.py (max_num_tokens 4096; H100-SXM-80GB TP2)` },
  { benchmark: 'llama2-70b', scenarios: OS, on: 'hopper', rounds: ['4.1', '4.1'], layout: [1, 1], tokens: 4096, sequences: null, source: `${V41}/llama2-70b/__init__.py (max_num_tokens 4096; H200, GH200 TP1)` },
  { benchmark: 'llama2-70b', scenarios: OS, on: 'nvidia-h100-sxm', layout: [1, 2], tokens: 1024, sequences: 2048, source: `${V50}/llama2-70b/{Offline,Server}/__init__.py: H100-SXM-80GB TP1 PP2, 1024 tokens, batch 1024 per micro-batch)` },
  { benchmark: 'llama2-70b', scenarios: OS, on: 'hopper', layout: [1, 1], tokens: 1536, sequences: 2048, source: `${V50}/llama2-70b/{Offline,Server}/__init__.py: H200, GH200 1536, batch 2048); ${V51P}` },
  { benchmark: 'llama2-70b', scenarios: ['Interactive'], on: 'nvidia-h200-sxm', layout: [1, 1], tokens: 256, sequences: 512, source: `${V50}/llama2-70b-interactive/Server/__init__.py: H200 256, batch 512); ${V51P}` },
  { benchmark: 'llama2-70b', scenarios: OS, on: 'blackwell', layout: [1, 1], tokens: 3584, sequences: 2048, source: `${V51}/{B200-SXM-180GBx8,GB200-NVL72_*}/{Offline,Server}/llama2-70b.py; ${V60}` },
  { benchmark: 'llama2-70b', scenarios: ['Interactive'], on: 'nvidia-b200', layout: [1, 1], tokens: 768, sequences: 768, source: `${V51}/B200-SXM-180GBx8/Interactive/llama2-70b.py; ${V60}` },
  { benchmark: 'llama2-70b', scenarios: ['Interactive'], on: 'nvidia-gb200-nvl72', rounds: ['6.0', '6.0'], layout: [1, 1], tokens: 4096, sequences: 4096, source: `${V60}/GB200-NVL72_GB200-186GB_aarch64x1/Interactive/llama2-70b.py` },
  { benchmark: 'llama2-70b', scenarios: OS, on: 'blackwell-ultra', layout: [1, 1], tokens: 4608, sequences: 3072, source: `${V60}/{B300-SXM-270GBx1,GB300-NVL72_GB300-288GB_aarch64x1}/{Offline,Server}/llama2-70b.py` },
  { benchmark: 'llama2-70b', scenarios: ['Interactive'], on: 'nvidia-b300', layout: [1, 1], tokens: 768, sequences: 768, source: 'inference_results_v6.0 B300 partner configs (Dell, GigaComputing, Supermicro: the B200 values)' },
  { benchmark: 'llama2-70b', scenarios: ['Interactive'], on: 'nvidia-gb300-nvl72', layout: [1, 1], tokens: 4352, sequences: 4096, source: `${V60}/GB300-NVL72_GB300-288GB_aarch64x1/Interactive/llama2-70b.py` },
  { benchmark: 'llama2-70b', scenarios: OS, on: 'rtx-pro', layout: [1, 1], tokens: 2048, sequences: 2048, source: 'mlcommons/inference_results_v5.1 closed/HPE configs (DL380a RTX PRO 6000); v6.0 ASUSTeK, Cisco, Dell' },
  { benchmark: 'llama2-70b', scenarios: ['Interactive'], on: 'rtx-pro', rounds: ['5.1', '5.1'], layout: [1, 1], tokens: 8192, sequences: 4096, source: 'mlcommons/inference_results_v5.1 closed/HPE configs (DL380a RTX PRO 6000)' },
  // Llama-3.1-405B: small budgets; Hopper Server also caps the runtime batch at 64.
  { benchmark: 'llama3.1-405b', scenarios: ['Offline'], on: 'nvidia-h200-sxm', layout: [4, 2], tokens: 1536, sequences: 1024, source: `${V50}/llama3_1-405b/Offline/__init__.py: H200 TP4 PP2, runtime 1536, batch 512 per micro-batch); ${V51P}` },
  { benchmark: 'llama3.1-405b', scenarios: ['Server'], on: 'hopper', layout: [8, 1], tokens: 2560, sequences: 64, source: 'mlcommons/inference_results_v5.1 closed/Cisco/configs/llama3_1-405b/Server/__init__.py (NVIDIA v5.0 file: H100, H200 TP8, runtime max_num_tokens 2560, runtime max_batch_size 64)' },
  { benchmark: 'llama3.1-405b', scenarios: ['Offline'], on: 'nvidia-b200', layout: [2, 2], tokens: 1536, sequences: 256, source: `${V51}/B200-SXM-180GBx8/Offline/llama3_1-405b.py (TP2 PP2, runtime 1536, batch 128 per micro-batch); ${V60}` },
  { benchmark: 'llama3.1-405b', scenarios: ['Server'], on: 'nvidia-b200', rounds: ['5.0', '5.0'], layout: [2, 2], tokens: 1024, sequences: 256, source: 'mlcommons/inference_results_v5.1 closed/Cisco/configs/llama3_1-405b/Server/__init__.py (NVIDIA v5.0 file: B200 TP2 PP2, 1024, batch 128 per micro-batch)' },
  { benchmark: 'llama3.1-405b', scenarios: ['Server'], on: 'blackwell', rounds: ['5.1', '6.0'], layout: [4, 1], tokens: 2048, sequences: 256, source: `${V51}/{B200-SXM-180GBx8,GB200-NVL72_*}/Server/llama3_1-405b.py (TP4, Custom harness); ${V60}` },
  { benchmark: 'llama3.1-405b', scenarios: ['Interactive'], on: 'nvidia-b200', layout: [4, 1], tokens: 1536, sequences: 256, source: `${V51}/B200-SXM-180GBx8/Interactive/llama3_1-405b.py (TP4); ${V60}` },
  { benchmark: 'llama3.1-405b', scenarios: ['Offline'], on: 'nvidia-gb200-nvl72', rounds: ['5.1', '5.1'], layout: [2, 2], tokens: 1536, sequences: 4096, source: `${V51}/GB200-NVL72_GB200-186GB_aarch64x{4,72}/Offline/llama3_1-405b.py (Custom harness: TP2 PP2, batch 2048 per micro-batch)` },
  { benchmark: 'llama3.1-405b', scenarios: ['Interactive'], on: 'nvidia-gb200-nvl72', rounds: ['5.1', '5.1'], layout: [4, 1], tokens: 1024, sequences: 2048, source: `${V51}/GB200-NVL72_GB200-186GB_aarch64x72/Interactive/llama3_1-405b.py (TP4)` },
  { benchmark: 'llama3.1-405b', scenarios: ['Offline'], on: 'blackwell-ultra', layout: [2, 1], tokens: 1536, sequences: 2048, source: `${V51}/GB300-NVL72_GB300-288GB_aarch64x72_TRT/Offline/llama3_1-405b.py; ${V60}/{B300-SXM-270GBx2,GB300-NVL72_GB300-288GB_aarch64x2}/Offline/llama3_1-405b.py (TP2)` },
  { benchmark: 'llama3.1-405b', scenarios: ['Server'], on: 'nvidia-gb300-nvl72', rounds: ['5.1', '5.1'], layout: [2, 1], tokens: 1536, sequences: 2048, source: `${V51}/GB300-NVL72_GB300-288GB_aarch64x72_TRT/Server/llama3_1-405b.py (TP2)` },
  { benchmark: 'llama3.1-405b', scenarios: ['Server'], on: 'blackwell-ultra', rounds: ['6.0', '6.0'], layout: [2, 1], tokens: 1024, sequences: 2048, source: `${V60}/{B300-SXM-270GBx2,GB300-NVL72_GB300-288GB_aarch64x2}/Server/llama3_1-405b.py (TP2)` },
  { benchmark: 'llama3.1-405b', scenarios: ['Interactive'], on: 'nvidia-gb300-nvl72', rounds: ['6.0', '6.0'], layout: [2, 1], tokens: 4096, sequences: 64, source: `${V60}/GB300-NVL72_GB300-288GB_aarch64x2/Interactive/llama3_1-405b.py (TP2)` },
  { benchmark: 'llama3.1-405b', scenarios: ['Interactive'], on: 'nvidia-b300', layout: [4, 1], tokens: 1536, sequences: 256, source: 'inference_results_v6.0 B300 partner configs (TP4, the B200 values)' },
  // Llama-3.1-8B: H200 partners 1,536 tokens; Blackwell 12,000.
  { benchmark: 'llama3.1-8b', scenarios: ALL, on: 'nvidia-h200-sxm', layout: [1, 1], tokens: 1536, sequences: 2048, source: `${V51P} (Dell, QCT: 1536, batch 2048; HPE used 12000)` },
  { benchmark: 'llama3.1-8b', scenarios: ALL, on: 'blackwell', layout: [1, 1], tokens: 12000, sequences: 6000, source: `${V51}/{B200-SXM-180GBx8,GB200-NVL72_*x4}/*/llama3_1-8b.py; ${V60}` },
  { benchmark: 'llama3.1-8b', scenarios: ALL, on: 'blackwell-ultra', layout: [1, 1], tokens: 12000, sequences: 6000, source: 'inference_results_v6.0 B300 partner configs (Dell, GigaComputing, Supermicro, ASUSTeK)' },
  { benchmark: 'llama3.1-8b', scenarios: OS, on: 'rtx-pro', layout: [1, 1], tokens: 8192, sequences: 2048, source: 'mlcommons/inference_results_v5.1 closed/HPE configs (DL380a RTX PRO 6000)' },
  { benchmark: 'llama3.1-8b', scenarios: ['Interactive'], on: 'rtx-pro', layout: [1, 1], tokens: 1536, sequences: 2048, source: 'mlcommons/inference_results_v5.1 closed/HPE configs (DL380a RTX PRO 6000)' },
  // Mixtral-8x7B: large budgets, lower for Server.
  { benchmark: 'mixtral-8x7b', scenarios: ['Offline'], on: 'nvidia-h200-sxm', rounds: ['4.1', '4.1'], layout: [1, 1], tokens: 16384, sequences: 3072, source: `${V41}/mixtral-8x7b/Offline/__init__.py (H200: parent 16384, batch 3072)` },
  { benchmark: 'mixtral-8x7b', scenarios: ['Server'], on: 'nvidia-h200-sxm', rounds: ['4.1', '4.1'], layout: [1, 1], tokens: 8192, sequences: 1200, source: `${V41}/mixtral-8x7b/Server/__init__.py (H200: 8192, batch 1200)` },
  { benchmark: 'mixtral-8x7b', scenarios: ['Offline'], on: 'nvidia-h100-sxm', rounds: ['4.1', '6.0'], layout: [1, 1], tokens: 8192, sequences: 896, source: `${V41}/mixtral-8x7b/Offline/__init__.py and ${V50}/mixtral-8x7b/Offline/__init__.py: H100-SXM-80GB x1/x8 8192, batch 896)` },
  { benchmark: 'mixtral-8x7b', scenarios: ['Server'], on: 'nvidia-h100-sxm', rounds: ['4.1', '6.0'], layout: [1, 1], tokens: 16384, sequences: 896, source: `${V41}/mixtral-8x7b/Server/__init__.py and ${V50}/mixtral-8x7b/Server/__init__.py: H100-SXM-80GB x1/x8 16384, batch 896)` },
  { benchmark: 'mixtral-8x7b', scenarios: OS, on: 'nvidia-gh200', rounds: ['4.1', '4.1'], layout: [1, 1], tokens: 16384, sequences: 3072, source: `${V41}/mixtral-8x7b/__init__.py (GH200-144GB: parent 16384, batch 3072)` },
  { benchmark: 'mixtral-8x7b', scenarios: OS, on: 'nvidia-gh200', layout: [1, 1], tokens: 9216, sequences: 4096, source: `${V50}/mixtral-8x7b/{Offline,Server}/__init__.py: GH200 9216, batch 4096)` },
  { benchmark: 'mixtral-8x7b', scenarios: ['Offline'], on: 'nvidia-h200-sxm', layout: [1, 1], tokens: 9216, sequences: 3072, source: `${V50}/mixtral-8x7b/Offline/__init__.py: H200 runtime 9216, batch 3072); ${V51P}` },
  { benchmark: 'mixtral-8x7b', scenarios: ['Server'], on: 'nvidia-h200-sxm', layout: [1, 1], tokens: 8192, sequences: 3072, source: `${V50}/mixtral-8x7b/Server/__init__.py: H200 runtime 8192, batch 3072); ${V51P}` },
  { benchmark: 'mixtral-8x7b', scenarios: ['Offline'], on: 'nvidia-gb200-nvl72', layout: [1, 1], tokens: 16384, sequences: 3072, source: `${V51}/GB200-NVL72_GB200-186GB_aarch64x4/Offline/mixtral-8x7b.py` },
  { benchmark: 'mixtral-8x7b', scenarios: ['Offline'], on: 'blackwell', layout: [1, 1], tokens: 14336, sequences: 6144, source: `${V51}/B200-SXM-180GBx8/Offline/mixtral-8x7b.py (runtime 14336, batch 6144); ${V60}` },
  { benchmark: 'mixtral-8x7b', scenarios: ['Server'], on: 'blackwell', layout: [1, 1], tokens: 10240, sequences: 6144, source: `${V51}/B200-SXM-180GBx8/Server/mixtral-8x7b.py (runtime 10240, batch 6144); ${V60}` },
  { benchmark: 'mixtral-8x7b', scenarios: ['Offline'], on: 'rtx-pro', layout: [1, 1], tokens: 9216, sequences: 2048, source: 'mlcommons/inference_results_v5.1 closed/HPE configs (DL380a RTX PRO 6000)' },
  { benchmark: 'mixtral-8x7b', scenarios: ['Server'], on: 'rtx-pro', layout: [1, 1], tokens: 8192, sequences: 2048, source: 'mlcommons/inference_results_v5.1 closed/HPE configs (DL380a RTX PRO 6000)' },
  // The partners' own config classes (custom.py, or their copy of NVIDIA's __init__.py), where a
  // system's differ from NVIDIA's defaults. NVIDIA's config metaclass merges trtllm_*_flags down the
  // class hierarchy, so a class inherits the layout and budget it does not set (configuration.py,
  // TrtllmFlagsInherit); a budget no class sets is the parent GPUBaseConfig's (2,048 for Llama-2-70B in v5.0).
  { benchmark: 'llama3.1-405b', scenarios: ['Offline'], on: 'nvidia-h100-sxm', systems: ['D74U_7U_H100_SXM_80GBx8_TRT'], rounds: ['5.0', '5.0'], layout: [8, 1], tokens: 1536, sequences: 256, source: `${V50P}/Quanta_Cloud_Technology/configs/llama3_1-405b/Offline/__init__.py (D74U_7U_H100_SXM_80GBx8 "TP8PP1": runtime 1536, batch 256)` },
  { benchmark: 'llama2-70b', scenarios: ['Server'], on: 'nvidia-h100-sxm', systems: ['HPE_Cray_XD670_H100_SXM_80GBx8_TRT', 'HPE_Cray_XD670_H100_SXM_80GBx8_HPE_VAST_TRT'], rounds: ['5.0', '5.0'], layout: [2, 1], tokens: 2048, sequences: 2048, source: `${V50P}/HPE/configs/llama2-70b/Server/custom.py (HPE_CRAY_XD670_H100_SXM_80GBX8 over NVIDIA's "TP2" class H100_SXM_80GB_TP2x4: TP2, the parent's 2048 tokens, batch 2048)` },
  { benchmark: 'llama2-70b', scenarios: ['Server'], on: 'nvidia-h100-sxm', systems: ['C885A_H100_SXMx8_TRT'], rounds: ['5.0', '5.0'], layout: [2, 1], tokens: 2048, sequences: 2048, source: `${V50P}/Cisco/configs/llama2-70b/Server/__init__.py (C885A_H100_SXMx8_TP2x4 over H100_SXM_80GB_TP2x2: TP2, the parent's 2048 tokens, batch 2048)` },
  { benchmark: 'llama2-70b', scenarios: ['Offline'], on: 'nvidia-h100-pcie', systems: ['D54U_3U_H100_PCIe_80GBx4_TRT'], rounds: ['5.0', '5.0'], layout: [1, 2], tokens: 1024, sequences: 4096, source: `${V50P}/Quanta_Cloud_Technology/configs/llama2-70b/Offline/__init__.py (D54U_3U_H100_PCIe_80GBx4 "PP2": 1024 tokens, batch 2048 per micro-batch)` },
  { benchmark: 'llama2-70b', scenarios: ['Server'], on: 'nvidia-h100-pcie', systems: ['D54U_3U_H100_PCIe_80GBx4_TRT'], rounds: ['5.0', '5.0'], layout: [2, 1], tokens: 2048, sequences: 2048, source: `${V50P}/Quanta_Cloud_Technology/configs/llama2-70b/Server/__init__.py (D54U_3U_H100_PCIe_80GBx4 "TP2": the parent's 2048 tokens, batch 2048)` },
  { benchmark: 'mixtral-8x7b', scenarios: ['Offline'], on: 'nvidia-h100-pcie', systems: ['D54U_3U_H100_PCIe_80GBx4_TRT'], rounds: ['5.0', '5.0'], layout: [1, 1], tokens: 8192, sequences: 896, source: `${V50P}/Quanta_Cloud_Technology/configs/mixtral-8x7b/Offline/__init__.py (D54U_3U_H100_PCIe_80GBx4: 8192 tokens, batch 896)` },
  { benchmark: 'mixtral-8x7b', scenarios: ['Server'], on: 'nvidia-h100-pcie', systems: ['D54U_3U_H100_PCIe_80GBx4_TRT'], rounds: ['5.0', '5.0'], layout: [1, 1], tokens: 16384, sequences: 896, source: `${V50P}/Quanta_Cloud_Technology/configs/mixtral-8x7b/Server/__init__.py (D54U_3U_H100_PCIe_80GBx4: the parent's 16384 tokens, batch 896)` },
  { benchmark: 'llama3.1-405b', scenarios: ['Offline'], on: 'nvidia-b300', systems: ['D75H-10U_B300-270GBx8_TRT'], rounds: ['6.0', '6.0'], layout: [2, 1], tokens: 1536, sequences: 128, source: `${V60P}/Quanta_Cloud_Technology/configs/D75H-10U_B300-270GBx8/Offline/llama3_1-405b.py (TP2, runtime 1536, batch 128)` },
  { benchmark: 'llama3.1-405b', scenarios: ['Server'], on: 'nvidia-b300', systems: ['D75H-10U_B300-270GBx8_TRT'], rounds: ['6.0', '6.0'], layout: [2, 1], tokens: 2048, sequences: 384, source: `${V60P}/Quanta_Cloud_Technology/configs/D75H-10U_B300-270GBx8/Server/llama3_1-405b.py (TP2, 2048, batch 384)` },
  { benchmark: 'llama3.1-405b', scenarios: ['Server'], on: 'nvidia-b300', systems: ['C880A_M8_B300_288GBx8_TRT'], rounds: ['6.0', '6.0'], layout: [4, 1], tokens: 2048, sequences: 256, source: `${V60P}/Cisco/configs/C880A_M8_B300_288GBx8_TRT/Server/llama3_1-405b.py (TP4, 2048, batch 256)` },
  { benchmark: 'llama2-70b', scenarios: ['Server'], on: 'nvidia-l40s', systems: ['HPE_ProLiant_DL380a_L40S_PCIe_48GBx8_TRT_9.0'], rounds: ['5.0', '5.0'], layout: [2, 1], tokens: 2048, sequences: 512, source: `${V50P}/HPE/configs/llama2-70b/Server/custom.py (HPE_PROLIANT_DL380A_L40S_PCIE_48GBX8: TP2, the parent's 2048 tokens, runtime max_batch_size 512)` },
  { benchmark: 'llama3.1-405b', scenarios: ['Offline'], on: 'nvidia-h100-sxm', systems: ['XE9680_H100_SXM_80GBx8_TRT'], rounds: ['5.0', '5.0'], layout: [8, 1], tokens: 1536, sequences: 512, source: `${V50P}/Dell/configs/llama3_1-405b/Offline/custom.py (XE9680_H100_SXM_80GBx8: TP8, runtime 1536, batch 512)` },
  { benchmark: 'llama3.1-405b', scenarios: ['Server'], on: 'nvidia-h100-sxm', systems: ['XE9680_H100_SXM_80GBx8_TRT'], rounds: ['5.0', '5.0'], layout: [4, 2], tokens: 2560, sequences: 128, source: `${V50P}/Dell/configs/llama3_1-405b/Server/custom.py (XE9680_H100_SXM_80GBX8: TP4 PP2, runtime 2560, runtime max_batch_size 64 per micro-batch)` },
  { benchmark: 'llama2-70b', scenarios: ['Interactive'], on: 'nvidia-h100-sxm', systems: ['HPE_Cray_XD670_H100_SXM_80GBx8_TRT', 'HPE_Cray_XD670_H100_SXM_80GBx8_HPE_VAST_TRT'], rounds: ['5.0', '5.0'], layout: [2, 1], tokens: 256, sequences: 512, source: `${V50P}/HPE/configs/llama2-70b-interactive/Server/custom.py (HPE_CRAY_XD670_H100_SXM_80GBX8: TP2 over NVIDIA's H200 x8 interactive config, 256 tokens, batch 512)` },
  // GPT-J: 4,096 tokens, TP1; the batch cap varies by system (192-480), so the engine's default stays.
  { benchmark: 'gptj', scenarios: OS, on: 'hopper', rounds: ['4.1', '6.0'], layout: [1, 1], tokens: 4096, sequences: null, source: `${V41}/gptj/__init__.py (max_num_tokens 4096)` },
];

/** Whether a row ran TensorRT-LLM: NVIDIA's harness (systems named "..._TRT") or TensorRT in its software. */
export function runsTensorrtLlm(row: CalibrationRow): boolean {
  return /(^|[_\W])trt([_\W]|$)/i.test(row.system) || /tensorrt/i.test(row.software);
}

function roundNumber(round: string): number {
  const m = /(\d+)\.(\d+)/.exec(round);
  return m ? Number(m[1]) + Number(m[2]) / 10 : Number.NaN;
}

/** The caps of a TensorRT-LLM row's configs, or null where they were not read (the engine's defaults then). */
export function trtllmCaps(benchmark: string, scenario: Scenario, hardwareId: string, round: string, system = ''): TrtllmCaps | null {
  const r = roundNumber(round);
  const inRounds = (e: Entry) => (e.rounds === undefined ? r >= 5 : r >= roundNumber(e.rounds[0]) && r <= roundNumber(e.rounds[1]));
  const match = (e: Entry, on: string | undefined) => e.benchmark === benchmark && e.scenarios.includes(scenario) && e.on === on && inRounds(e)
    && (e.systems === undefined || e.systems.includes(system));
  // A system's own file, then its chip's configs, then its generation's.
  const entry = ENTRIES.find((e) => e.systems !== undefined && match(e, hardwareId))
    ?? ENTRIES.find((e) => match(e, hardwareId)) ?? ENTRIES.find((e) => match(e, GENERATION[hardwareId]));
  return entry === undefined ? null : {
    maxTokensPerStep: entry.tokens, maxSequences: entry.sequences, tensorParallel: entry.layout[0], pipelineParallel: entry.layout[1], source: entry.source,
  };
}
