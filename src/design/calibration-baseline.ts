// How far the calibration designs' derived specs were from the published ones when this was last
// reviewed (derived / published - 1; `npm run design -- --file <design> --calibration`). A test
// (tests/design/calibration.test.ts) fails when an error grows by more than a point; after a
// deliberate change to the constants or the derivation, update these numbers and say why.

export const CALIBRATION_BASELINE: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'nvidia-h100-like': {
    'peak dense bf16': 0.0005, 'peak dense fp8': 0.0003, 'on-chip SRAM': 0.1734, 'memory bandwidth': 0,
    'power at the clock vs TDP': -0.1581, 'build cost vs teardown estimate': -0.0243,
  },
  'nvidia-b200-like': {
    'peak dense bf16': -0.1179, 'peak dense fp8': -0.1179, 'memory bandwidth': 0,
    'power at the clock vs TDP': 0.2215, 'build cost vs teardown estimate': -0.1017,
  },
  'amd-mi300x-like': {
    'peak dense bf16': 0.0423, 'peak dense fp8': 0.0422, 'on-chip SRAM': -0.876, 'memory bandwidth': 0.0113,
    'power at the clock vs TDP': 0.0102, 'build cost vs teardown estimate': 0.1924,
  },
  'etched-sohu-like': {},
};
