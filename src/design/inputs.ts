// The constants one design uses, flattened: its node's row, its memory type's row, its SRAM
// organisation's row and the global rows. The derivation reads numbers by key, so the uncertainty
// step can rerun it with any one constant at its low or high end.

import type { ChipDesign } from '../records/chip-design';
import type { Constant, SiliconConstants } from '../records/silicon-constants';
import { SILICON } from './constants';

export interface DesignConstant extends Constant {
  key: string;
  /** Where it lives in reference/silicon-constants.json, e.g. "nodes.N4.waferPriceUsd". */
  path: string;
  label: string;
}

/** Constant values by key: what the derivation reads. */
export type ConstantValues = Readonly<Record<string, number>>;

/** Keys of the constants every derivation reads (memory and I/O-die keys exist only when used). */
export const K = {
  macDensity: 'macDensity', bitcell: 'bitcellUm2', waferPrice: 'waferPriceUsd', defectDensity: 'defectDensityPerCm2',
  flopEnergy: 'flopEnergyPj', ioWaferPrice: 'ioWaferPriceUsd', ioDefectDensity: 'ioDefectDensityPerCm2',
  sramEfficiency: 'sramArrayEfficiency', sramBytesPerCycle: 'sramBytesPerCyclePerByte', sramEnergy: 'sramEnergyPjPerByte',
  memBandwidth: 'memBandwidthPerUnit', memCapacity: 'memCapacityPer8High', memEnergy: 'memEnergyPjPerBit',
  memPrice: 'memPriceUsdPerGb', memShoreline: 'memShorelineMm', memPhy: 'memPhyMm2',
  scaleUpPhy: 'scaleUpPhyMm2PerGBps', scaleOutPhy: 'scaleOutPhyMm2PerGBps', linkEnergy: 'linkEnergyPjPerBit',
  reticle: 'reticleMm2', aspect: 'reticleAspect', wafer: 'waferDiameterMm', edge: 'edgeExclusionMm', scribe: 'scribeLaneMm',
  memoryEdge: 'memoryEdgeFraction', unitArea: 'replicatedUnitMm2', minVector: 'minVectorAndControlShare',
  dvfs: 'dvfsExponent', interposer: 'interposerUsdPerMm2', organic: 'organicPackageUsd', bonding: 'bondingYield',
  test: 'testAssemblyUsd', capexOverhead: 'capexOverheadMultiplier', powerOverhead: 'serverPowerOverheadMultiplier',
} as const;

/** Key of a format's rate ratio. */
export const formatKey = (format: string) => `format.${format}`;

export function designConstants(design: ChipDesign, table: SiliconConstants = SILICON): DesignConstant[] {
  const out: DesignConstant[] = [];
  const add = (key: string, path: string, label: string, c: Constant) => out.push({ ...c, key, path, label });
  const node = table.nodes[design.processNode];
  const n = `nodes.${design.processNode}`;
  add(K.macDensity, `${n}.matrixMacsPerCyclePerMm2`, `matrix density at ${design.processNode}`, node.matrixMacsPerCyclePerMm2);
  add(K.bitcell, `${n}.sramBitcellUm2`, `SRAM bitcell at ${design.processNode}`, node.sramBitcellUm2);
  add(K.waferPrice, `${n}.waferPriceUsd`, `wafer price at ${design.processNode}`, node.waferPriceUsd);
  add(K.defectDensity, `${n}.defectDensityPerCm2`, `defect density at ${design.processNode}`, node.defectDensityPerCm2);
  add(K.flopEnergy, `${n}.matrixEnergyPjPerFlop`, `energy per bf16 FLOP at ${design.processNode}`, node.matrixEnergyPjPerFlop);
  if (design.ioDies !== undefined) {
    const io = table.nodes[design.ioDies.processNode];
    const p = `nodes.${design.ioDies.processNode}`;
    add(K.ioWaferPrice, `${p}.waferPriceUsd`, `I/O-die wafer price at ${design.ioDies.processNode}`, io.waferPriceUsd);
    add(K.ioDefectDensity, `${p}.defectDensityPerCm2`, `I/O-die defect density at ${design.ioDies.processNode}`, io.defectDensityPerCm2);
  }
  const sram = table.sram[design.sramOrganization];
  const o = `sram.${design.sramOrganization}`;
  add(K.sramEfficiency, `${o}.arrayEfficiency`, `SRAM array efficiency (${design.sramOrganization})`, sram.arrayEfficiency);
  add(K.sramBytesPerCycle, `${o}.bytesPerCyclePerByte`, `SRAM bytes per cycle per byte (${design.sramOrganization})`, sram.bytesPerCyclePerByte);
  add(K.sramEnergy, `${o}.energyPjPerByte`, `SRAM energy per byte (${design.sramOrganization})`, sram.energyPjPerByte);
  if (design.memory.type !== 'none') {
    const m = table.memory[design.memory.type];
    const p = `memory.${design.memory.type}`;
    const t = design.memory.type;
    add(K.memBandwidth, `${p}.bandwidthBytesPerSecondPerUnit`, `${t} bandwidth per unit`, m.bandwidthBytesPerSecondPerUnit);
    add(K.memCapacity, `${p}.capacityBytesPer8High`, `${t} capacity per unit`, m.capacityBytesPer8High);
    add(K.memEnergy, `${p}.energyPjPerBit`, `${t} energy per bit`, m.energyPjPerBit);
    add(K.memPrice, `${p}.priceUsdPerGb`, `${t} price per GB`, m.priceUsdPerGb);
    add(K.memShoreline, `${p}.shorelineMmPerUnit`, `${t} shoreline per unit`, m.shorelineMmPerUnit);
    add(K.memPhy, `${p}.phyAreaMm2PerUnit`, `${t} PHY + controller area per unit`, m.phyAreaMm2PerUnit);
  }
  add(K.scaleUpPhy, 'links.scaleUpPhyMm2PerGBps', 'scale-up PHY area per GB/s', table.links.scaleUpPhyMm2PerGBps);
  add(K.scaleOutPhy, 'links.scaleOutPhyMm2PerGBps', 'scale-out PHY area per GB/s', table.links.scaleOutPhyMm2PerGBps);
  add(K.linkEnergy, 'links.scaleUpEnergyPjPerBit', 'scale-up link energy per bit', table.links.scaleUpEnergyPjPerBit);
  const d = table.die;
  add(K.reticle, 'die.reticleMm2', 'reticle limit', d.reticleMm2);
  add(K.aspect, 'die.reticleAspect', 'die aspect ratio', d.reticleAspect);
  add(K.wafer, 'die.waferDiameterMm', 'wafer diameter', d.waferDiameterMm);
  add(K.edge, 'die.edgeExclusionMm', 'wafer edge exclusion', d.edgeExclusionMm);
  add(K.scribe, 'die.scribeLaneMm', 'scribe lane', d.scribeLaneMm);
  add(K.memoryEdge, 'die.memoryEdgeFraction', 'share of the perimeter facing memory', d.memoryEdgeFraction);
  add(K.unitArea, 'die.replicatedUnitMm2', 'area of one replicated unit', d.replicatedUnitMm2);
  add(K.minVector, 'die.minVectorAndControlShare', 'least vector-and-control share', d.minVectorAndControlShare);
  add(K.dvfs, 'power.dvfsExponent', 'DVFS exponent', table.power.dvfsExponent);
  const p = table.package;
  add(K.interposer, 'package.interposerUsdPerMm2', 'interposer price per mm²', p.interposerUsdPerMm2);
  add(K.organic, 'package.organicPackageUsd', 'organic package price', p.organicPackageUsd);
  add(K.bonding, 'package.bondingYield', 'assembly (bonding) yield', p.bondingYield);
  add(K.test, 'package.testAssemblyUsd', 'test and assembly per package', p.testAssemblyUsd);
  add(K.capexOverhead, 'system.capexOverheadMultiplier', 'server capex overhead', table.system.capexOverheadMultiplier);
  add(K.powerOverhead, 'system.serverPowerOverheadMultiplier', 'server power overhead', table.system.serverPowerOverheadMultiplier);
  for (const f of design.matrixFormats) add(formatKey(f), `formats.${f}`, `${f} rate ratio`, table.formats[f]);
  return out;
}

export function nominalValues(constants: readonly DesignConstant[]): ConstantValues {
  return Object.fromEntries(constants.map((c) => [c.key, c.value]));
}

/** The value of `key`; 0 for a constant the design does not use (no memory, no I/O dies). */
export function read(values: ConstantValues, key: string): number {
  return Object.hasOwn(values, key) ? values[key]! : 0;
}
