// Writes the capability matrix of docs/guide/gateway.md again from each adapter's capabilities (between its
// markers), so the guide says what `gateway.capabilities` says. test/gateway/guide.test.ts checks they agree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAPABILITIES, capabilityMatrix, matrixBlock } from '../test/support/capability-matrix.js';

const GUIDE = join(fileURLToPath(new URL('..', import.meta.url)), 'docs', 'guide', 'gateway.md');
const markdown = readFileSync(GUIDE, 'utf8');
const block = matrixBlock(markdown);
if (block === undefined) throw new Error('Failed to find the capability matrix markers in docs/guide/gateway.md. Please put them back around the table.');
writeFileSync(GUIDE, markdown.replace(block, capabilityMatrix(CAPABILITIES)));
console.log('docs/guide/gateway.md: capability matrix written from the adapters\' capabilities');
