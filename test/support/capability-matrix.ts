/**
 * The capability matrix of docs/guide/gateway.md, generated from each adapter's `capabilities` (the same objects
 * `gateway.capabilities` answers), between two markers. test/gateway/guide.test.ts fails when the guide and the
 * code disagree; `npm run docs:gateway` (scripts/gateway-matrix.ts) writes the block again.
 * @module
 */
import { aetherCapabilities } from '../../src/gateway/adapters/aether-capabilities.js';
import { newApiCapabilities } from '../../src/gateway/adapters/newapi.js';
import { openCatCapabilities } from '../../src/gateway/adapters/opencat-capabilities.js';
import { platformCapabilities } from '../../src/gateway/adapters/platform.js';
import { OPERATIONS } from '../../src/gateway/operations.js';
import type { Capabilities, Capability, Dialect } from '../../src/gateway/types.js';

/** Every dialect's capabilities, in the guide's column order. */
export const CAPABILITIES: Readonly<Record<Dialect, Capabilities>> = {
  newapi: newApiCapabilities,
  platform: platformCapabilities,
  aether: aetherCapabilities,
  opencat: openCatCapabilities,
};

export const MATRIX_BEGIN = '<!-- capability-matrix:begin (generated from each adapter\'s capabilities by `npm run docs:gateway`; do not edit by hand) -->';
export const MATRIX_END = '<!-- capability-matrix:end -->';

/** One cell: ✓ with the note, or ✗ with the alternative the error names. Pipes escaped for the table. */
function cell(capability: Capability): string {
  const text = capability.supported ? `✓${capability.note ? ` ${capability.note}` : ''}` : `✗ use ${capability.alternative ?? 'gateway.native'}`;
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/**
 * The matrix as markdown: one row per operation (in `OPERATIONS` order), one column per dialect, markers included.
 *
 * @example
 * capabilityMatrix(CAPABILITIES).split('\n')[2]; // '| operation | newapi | platform | aether | opencat |'
 */
export function capabilityMatrix(capabilities: Readonly<Record<Dialect, Capabilities>>): string {
  const dialects = Object.keys(capabilities) as Dialect[];
  const rows = OPERATIONS.map((operation) => `| \`${operation}\` | ${dialects.map((dialect) => cell(capabilities[dialect][operation])).join(' | ')} |`);
  return [MATRIX_BEGIN, '', `| operation | ${dialects.join(' | ')} |`, `|---|${dialects.map(() => '---').join('|')}|`, ...rows, '', MATRIX_END].join('\n');
}

/**
 * The block between the markers of `markdown`, markers included; `undefined` when they are missing.
 *
 * @example
 * matrixBlock(readFileSync('docs/guide/gateway.md', 'utf8')) === capabilityMatrix(CAPABILITIES);
 */
export function matrixBlock(markdown: string): string | undefined {
  const begin = markdown.indexOf(MATRIX_BEGIN);
  const end = markdown.indexOf(MATRIX_END);
  return begin === -1 || end < begin ? undefined : markdown.slice(begin, end + MATRIX_END.length);
}
