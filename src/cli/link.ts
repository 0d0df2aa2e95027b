import { defaultScenario, type Scenario } from '../scenario/scenario';

/** Placeholder until shareable links land: any --url is refused with a clear message. */
export function scenarioFromLink(_url: string): { value: Scenario; errors: string[]; warnings: string[] } {
  return { value: defaultScenario(), errors: ['shareable links are not supported by this version yet'], warnings: [] };
}
