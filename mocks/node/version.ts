/**
 * The package's version, for `--version`: read from the package.json above this file, wherever it runs from
 * (`mocks/node/` through tsx, `packages/mock/dist/` once built, `node_modules/@gatewaykit/mock/dist/` once installed).
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `version` of the nearest package.json named `@gatewaykit/mock` above this module (or `gatewaykit`, the
 * repository root, when it runs from the sources: both packages are released with one version).
 *
 * @example
 * packageVersion(); // '0.1.0'
 */
export function packageVersion(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if ((pkg.name === '@gatewaykit/mock' || pkg.name === 'gatewaykit') && pkg.version) return pkg.version;
    } catch {
      // No package.json here (or not readable): keep walking up.
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
