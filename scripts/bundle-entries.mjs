// Bundles each entry that a thread or process of the lab loads into one file, in place of the
// compiler's output for it: a thread or process that loads one file starts sooner than one that
// resolves and compiles the dozens of small modules behind it (issue 27). Packages stay imports.
import { build, stop } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { filesUnder, isCompiledSource } from './sources.mjs';

const CALL = /\bentryBeside\(\s*import\.meta\.url,\s*'([^']+)'\s*\)/g;
const ANY_CALL = /(?<!function )\bentryBeside\(/g;

const toPosix = (path) => path.split(sep).join('/');

/**
 * The worker entries of the lab, as paths from `root` with a `.js` extension: every entry named
 * through `entryBeside(import.meta.url, 'name')` in the TypeScript sources under `folders`. A call
 * that names its entry any other way is refused, since the build could not bundle that entry.
 */
export function workerEntries(root, folders) {
  const entries = new Set();
  for (const folder of folders) {
    for (const file of filesUnder(join(root, folder))) {
      if (!isCompiledSource(file)) continue;
      const source = readFileSync(file, 'utf8');
      const named = [...source.matchAll(CALL)];
      if (named.length !== [...source.matchAll(ANY_CALL)].length) {
        throw new Error(`${toPosix(relative(root, file))} calls entryBeside without import.meta.url and a quoted entry name, so the build cannot find that entry to bundle it`);
      }
      for (const [, name] of named) entries.add(toPosix(relative(root, join(dirname(file), `${name}.js`))));
    }
  }
  return [...entries].sort();
}

/**
 * Keeps `import.meta.url` meaning the module's own compiled file inside a bundle that sits
 * elsewhere, so that the paths a module finds beside itself (`./worker-bootstrap.cjs`, an entry
 * through `entryBeside`, the package root) are the ones it found before bundling.
 */
function ownUrlKept(outfile) {
  return {
    name: 'own-import-meta-url',
    setup(plugin) {
      plugin.onLoad({ filter: /\.js$/ }, ({ path }) => {
        const contents = readFileSync(path, 'utf8');
        if (path === outfile) return { contents, loader: 'js' };
        const other = /import\.meta\.(?!url\b)\w+/.exec(contents);
        if (other !== null) throw new Error(`${other[0]} in ${path}, bundled into ${outfile}, would mean the bundle's file: use import.meta.url`);
        if (!contents.includes('import.meta.url')) return { contents, loader: 'js' };
        const fromBundle = toPosix(relative(dirname(outfile), path));
        const own = `new URL(${JSON.stringify(fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`)}, import.meta.url).href`;
        return { contents: contents.replaceAll('import.meta.url', own), loader: 'js' };
      });
    },
  };
}

/**
 * Bundles every worker entry found in the sources under `folders` of `root` over its compiled file
 * in `compiled` (the fresh build folder, plain .mjs/.cjs/.json files already copied in). Neither
 * minified (stack traces and profiles stay readable) nor with esbuild's keepNames (which wraps
 * named closures on hot paths).
 */
export async function bundleWorkerEntries(root, folders, compiled) {
  try {
    await Promise.all(
      workerEntries(root, folders).map((entry) => {
        const outfile = join(compiled, entry);
        return build({
          entryPoints: [outfile],
          outfile,
          allowOverwrite: true,
          bundle: true,
          format: 'esm',
          platform: 'node',
          target: 'node20',
          packages: 'external',
          logLevel: 'error',
          plugins: [ownUrlKept(outfile)],
        });
      }),
    );
  } finally {
    // esbuild's service process: ended here, so that nothing the build started outlives it.
    await stop();
  }
}
