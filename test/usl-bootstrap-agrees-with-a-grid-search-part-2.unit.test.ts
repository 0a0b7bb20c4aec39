import { describe, it } from 'vitest';
import { expectBootstrapToAgreeWithGrid } from './helpers/usl-grid-search.ts';

// Data sets 11 to 20 of 20 (the other half in part 1): two files, so that the unit tier's workers share the grid search.
describe('the USL bootstrap agrees with a grid search on the same resamples', () => {
  it.each(Array.from({ length: 10 }, (_, i) => i + 11))('data set %i: σ, κ and λ intervals within a tenth of their width', (seed) => {
    expectBootstrapToAgreeWithGrid(seed);
  });
});
