// The engine's plain-data vocabulary, one import for its callers: records (hardware profiles and
// model architectures, declared with their schemas in src/records), the resolved scenario, and
// the result. Units are SI and are part of every numeric field name.

export { RATE_CLASSES, type EfficiencyProfile, type HardwareProfile, type RateClass, type SourceGroup } from '../records/hardware-profile';
export type { MlaConfig, ModelArchitecture, MoeConfig, SlidingWindowConfig } from '../records/model-architecture';
export * from './scenario-types';
export * from './result-types';
