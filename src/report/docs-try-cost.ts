import { relativeLink } from './docs-links.ts';
import type { ReferenceResult } from './docs-reference.ts';

/** The facts of a saved `try` result that say what the run cost. */
interface TryCostFacts {
  readonly runMs?: unknown;
  readonly runLoops?: unknown;
  readonly warmupRounds?: unknown;
}

/**
 * What a `try` run costs against one plain loop over its inputs, from a saved reference run: its wall
 * time, that time in loops, its settings, warm-ups and timed rounds. Undefined when the result is
 * not a `try` result that measured its own cost (saved before the cost was kept).
 */
export function tryCostBlock(ref: ReferenceResult, pageDir: string): string | undefined {
  const { result } = ref;
  const facts = result.facts as TryCostFacts;
  if (typeof facts.runMs !== 'number' || typeof facts.runLoops !== 'number' || typeof facts.warmupRounds !== 'number') return undefined;
  const rows = result.rows as readonly { readonly repeats?: number }[];
  const settings = rows.length;
  const rounds = rows[0]?.repeats ?? 0;
  const module = String(result.settings['module'] ?? result.experiment);
  const inputs = String(result.settings['inputs'] ?? '?');
  return (
    `What a \`try\` run costs, from [the reference run of ${module}](${relativeLink(pageDir, `${ref.dir}/${ref.file}`)}): ` +
    `${(facts.runMs / 1000).toFixed(1)} s, ${facts.runLoops.toFixed(0)} times one plain loop over its ${inputs} inputs. ` +
    `Its ${settings} settings ran once each to check their results, then ${facts.warmupRounds} warm-up round${facts.warmupRounds === 1 ? '' : 's'} and ${rounds} timed rounds, ` +
    'then the empty call and the transfers were timed. `--quick` runs 3 timed rounds and one warm-up.'
  );
}
