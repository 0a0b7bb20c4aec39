import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's own order runs the projects of one group one after another: every e2e file, then every
 * integration file. The integration tier's longest files then start last and finish alone on a
 * 2-core machine while the other workers idle. This order keeps Vitest's groups, and within a group
 * starts the longest files first whatever their tier, by the last run's durations: files never run
 * before come first, then the larger ones, as Vitest does. Files that share a worker (isolate:
 * false, the unit tier) stay together by project, so that each worker keeps its modules.
 */
export default class LongestFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const keyOf = (spec: TestSpecification): string => `${spec.project.name}:${relative(config.root, spec.moduleId)}`;
    const durationOf = (spec: TestSpecification): number | undefined => cache.getFileTestResults(keyOf(spec))?.duration;
    const sizeOf = (spec: TestSpecification): number => cache.getFileStats(keyOf(spec))?.size ?? 0;
    return [...files].sort((a, b) => {
      const group = a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder;
      if (group !== 0) return group;
      const shared = Number(!a.project.config.isolate) - Number(!b.project.config.isolate);
      if (shared !== 0) return shared;
      if (!a.project.config.isolate && a.project.name !== b.project.name) return a.project.name < b.project.name ? -1 : 1;
      const [da, db] = [durationOf(a), durationOf(b)];
      if (da === undefined || db === undefined) return da === db ? sizeOf(b) - sizeOf(a) : da === undefined ? -1 : 1;
      return db - da;
    });
  }
}
