import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the lab's package.json: the checkout when the lab runs from its sources or from its
 * build (dist/ sits inside it), the installed package when it runs as a command from node_modules.
 */
export const packageRoot: string = (() => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('the lab found no package.json above its own files');
  }
})();

/** True when the lab runs as an installed package (npx, a dependency) rather than from its checkout. */
export const runsInstalled: boolean = packageRoot.split(/[\\/]/).includes('node_modules');

/** The lab's version, from its package.json. */
export function labVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
