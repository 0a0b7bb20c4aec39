import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitUsl } from '../src/measure/usl.ts';

/** codahale/usl's example measurements and the coefficients it publishes for them (see the fixture's `source`). */
interface Example {
  readonly published: { readonly sigma: number; readonly kappa: number; readonly lambda: number };
  readonly points: readonly (readonly [concurrency: number, throughput: number])[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/usl/codahale-example.json', import.meta.url), 'utf8')) as {
  readonly source: { readonly repository: string };
  readonly sets: { readonly modelTest: Example; readonly readme: Example };
};

describe("the USL fit, λ free, on codahale/usl's published examples", () => {
  it('names where the data came from', () => {
    expect(fixture.source.repository).toBe('https://github.com/codahale/usl');
    expect(fixture.sets.modelTest.points).toHaveLength(32);
    expect(fixture.sets.readme.points).toHaveLength(7);
  });

  it.each(['modelTest', 'readme'] as const)('%s: matches the published σ, κ and λ within 1%%', (name) => {
    const { published, points } = fixture.sets[name];
    const fit = fitUsl(points.map(([threads, throughput]) => ({ threads, throughput })))!;
    expect(Math.abs(fit.sigma / published.sigma - 1)).toBeLessThan(0.01);
    expect(Math.abs(fit.kappa / published.kappa - 1)).toBeLessThan(0.01);
    expect(Math.abs(fit.lambda / published.lambda - 1)).toBeLessThan(0.01);
  });
});
