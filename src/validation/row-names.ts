// Catalog ids for the model and accelerator names calibration.csv writes. Pure.

const MODEL_PATTERNS: readonly [RegExp, string][] = [
  [/llama-?2-70b/, 'llama-2-70b'],
  [/llama-?3\.3-70b/, 'llama-3.3-70b'],
  [/llama-?3(\.1|\.x)?-70b/, 'llama-3.1-70b'],
  [/llama-?3\.1-8b/, 'llama-3.1-8b'],
  [/llama-?3\.1-405b/, 'llama-3.1-405b'],
  [/llama-?4-scout/, 'llama-4-scout'],
  [/llama-?4-maverick/, 'llama-4-maverick'],
  [/mixtral-8x7b/, 'mixtral-8x7b'],
  [/mixtral-8x22b/, 'mixtral-8x22b'],
  [/gpt-j/, 'gpt-j-6b'],
  // DeepSeek-V3 and R1 (and R1-0528) share one architecture; the catalog keeps both names.
  [/deepseek-r1/, 'deepseek-r1'],
  [/deepseek-v3/, 'deepseek-v3'],
  [/gpt-oss-120b/, 'gpt-oss-120b'],
  [/gpt-oss-20b/, 'gpt-oss-20b'],
  [/qwen3-235b-a22b/, 'qwen3-235b-a22b'],
  [/qwen3-30b-a3b-instruct-2507/, 'qwen3-30b-a3b-2507'],
  [/qwen3-30b-a3b/, 'qwen3-30b-a3b'],
  [/qwen3-32b/, 'qwen3-32b'],
  [/kimi-k2/, 'kimi-k2'],
];

/** Catalog model id for a model name as calibration.csv writes it, or null (not in the catalog). */
export function modelIdFor(name: string): string | null {
  const n = name.toLowerCase().replace(/[\s_]+/g, '-');
  // Names of other models that contain a catalog name (Qwen3.5, Qwen3-Coder) are not that model.
  if (/qwen3\.5|qwen3-coder|deepseek-v4|glm-/.test(n)) return null;
  for (const [pattern, id] of MODEL_PATTERNS) if (pattern.test(n)) return id;
  return null;
}

/** Catalog hardware id for an accelerator as calibration.csv writes it, or null (no profile). */
export function hardwareIdFor(accelerator: string): string | null {
  const a = accelerator.toLowerCase();
  if (/\bvs\b/.test(a) || /unspecified|unknown/.test(a)) return null;
  if (/h800/.test(a) || pcieNvlCard(a) || gh200Hbm3(a)) return null;
  if (/gh200/.test(a)) return 'nvidia-gh200';
  if (/gb300/.test(a)) return 'nvidia-gb300-nvl72';
  if (/gb200/.test(a)) return 'nvidia-gb200-nvl72';
  if (/\bb300\b/.test(a)) return 'nvidia-b300';
  if (/\bb200\b/.test(a)) return 'nvidia-b200';
  if (/\bh200\b/.test(a)) return 'nvidia-h200-sxm';
  if (/\bh100\b/.test(a)) return /pcie/.test(a) ? 'nvidia-h100-pcie' : 'nvidia-h100-sxm';
  if (/\ba100\b/.test(a)) return 'nvidia-a100-sxm';
  if (/\bl40s\b/.test(a)) return 'nvidia-l40s';
  if (/rtx pro 6000/.test(a)) return 'nvidia-rtx-pro-6000';
  if (/mi355x/.test(a)) return 'amd-mi355x';
  if (/mi325x/.test(a)) return 'amd-mi325x';
  if (/mi300x/.test(a)) return 'amd-mi300x';
  if (/gaudi\s*2/.test(a)) return 'intel-gaudi2';
  if (/gaudi\s*3/.test(a)) return 'intel-gaudi3';
  if (/tpu v5e/.test(a) && !/v5p/.test(a)) return 'google-tpu-v5e';
  if (/tpu v6e/.test(a)) return 'google-tpu-v6e';
  if (/tpu v7|ironwood/.test(a)) return 'google-tpu-v7';
  if (/trainium\s*2/.test(a)) return 'aws-trainium2';
  if (/sohu/.test(a)) return 'etched-sohu';
  if (/cerebras|wse-3/.test(a)) return 'cerebras-cs3';
  if (/groq/.test(a)) return 'groq-lpu';
  if (/sn40l|sambanova/.test(a)) return 'sambanova-sn40l';
  return null;
}

/**
 * A system the chip's profile cannot stand for, or null. The GH200 profile is the NVL2 superchip
 * pair (NVLink domain 2); GH200 NVL32 racks join 32 GPUs in one NVLink domain.
 */
export function systemMismatch(hardwareId: string, system: string): string | null {
  if (hardwareId === 'nvidia-gh200' && /nvl32/i.test(system)) {
    return 'GH200 NVL32 (a 32-GPU NVLink domain): the nvidia-gh200 profile models NVL2 (domain 2)';
  }
  return null;
}

/** H100 NVL and H200 NVL: PCIe cards with their own memory and power limits (the SXM profiles do not stand for them). */
function pcieNvlCard(a: string): boolean {
  return /\bh[12]00\b/.test(a) && /[\s-]nvl\b/.test(a);
}

/** The 96 GB GH200 (HBM3, 4 TB/s): the nvidia-gh200 profile is the 144 GB HBM3e superchip. */
function gh200Hbm3(a: string): boolean {
  return /gh200/.test(a) && /\b96\s*gb\b/.test(a);
}

/** Why an accelerator has no profile, for the exclusion reason. */
export function missingHardwareReason(accelerator: string): string {
  const a = accelerator.toLowerCase();
  if (/h800/.test(a)) return `no hardware profile for "${accelerator}" (H800: H100 silicon with 400 GB/s NVLink; not in the catalog)`;
  if (pcieNvlCard(a)) return `no hardware profile for "${accelerator}" (an NVL PCIe card: its memory, clocks and power differ from the SXM profile's)`;
  if (gh200Hbm3(a)) return `no hardware profile for "${accelerator}" (the 96 GB HBM3 GH200; the nvidia-gh200 profile is the 144 GB HBM3e superchip)`;
  return `no hardware profile matches "${accelerator}"`;
}
