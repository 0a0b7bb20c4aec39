// Stryker writes the absolute path of the checkout into its incremental file (`projectRoot`).
// The file is committed and shared, and Stryker reads only the per-file results back, so drop it.
import { readFileSync, writeFileSync } from 'node:fs';

for (const name of process.argv.slice(2)) {
  const file = new URL(`./${name}.incremental.json`, import.meta.url);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  delete report.projectRoot;
  writeFileSync(file, `${JSON.stringify(report)}\n`);
}
