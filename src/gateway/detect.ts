// Placeholder with the agreed signature so connect({ dialect: 'auto' }) type-checks on gw-core; gw-detect's
// detect.ts replaces this file whole (take theirs on a merge conflict).
import type { Dialect } from './types.js';

/** What {@link detectDialect} found. */
export interface DetectResult {
  dialect: Dialect | 'unknown';
  confidence: number;
  evidence: string[];
}

/** Which dialect a gateway speaks (implemented on the gw-detect branch). @example await detectDialect(baseURL) */
export async function detectDialect(baseURL: string, _options: { fetch?: ((request: Request) => Promise<Response>) | undefined } = {}): Promise<DetectResult> {
  return { dialect: 'unknown', confidence: 0, evidence: [`not probed: ${baseURL}`] };
}
