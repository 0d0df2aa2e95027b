import { ENGINE } from '../messages/engine';
import type { Message } from '../messages/message';
import type { ModelArchitecture } from './types';

/**
 * Why a model cannot serve a request: its prompt and output together exceed the context window
 * (positions past it were never trained); null when they fit.
 */
export function contextWindowProblem(model: Pick<ModelArchitecture, 'name' | 'maxContextTokens'>, inputTokens: number, outputTokens: number): Message | null {
  const tokens = inputTokens + outputTokens;
  return tokens > model.maxContextTokens ? ENGINE.contextWindow(tokens, model.name, model.maxContextTokens) : null;
}
