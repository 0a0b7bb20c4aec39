import { describe, expect, it } from 'vitest';
import { findOutliers, MAD_SCALE, OUTLIER_THRESHOLD } from '../src/measure/outliers.ts';

describe("outliers by hyperfine's modified Z-score", () => {
  it('flags exactly the planted outliers, wherever they sit, and reports median and MAD', () => {
    // Median 100, deviations 0, 1, 1, 2, 2, 3, ... : MAD 2, so the threshold is 100 +- 10 * 1.4826 * 2 = 29.652.
    const samples = [100, 99, 101, 98, 102, 97, 103, 250, 100, 40];
    const found = findOutliers(samples);
    expect(found.median).toBe(100);
    expect(found.mad).toBe(2);
    expect(found.indices).toEqual([7, 9]);
  });

  it('uses the scaled MAD: a deviation just over 10 x 1.4826 MAD is an outlier, just under is not', () => {
    expect(OUTLIER_THRESHOLD).toBe(10);
    expect(MAD_SCALE).toBe(1.4826);
    const edge = 10 * 1.4826; // MAD of 1 below
    expect(findOutliers([0, 1, -1, 0, 1, -1, 0, edge + 1e-9]).indices).toEqual([7]);
    expect(findOutliers([0, 1, -1, 0, 1, -1, 0, edge - 1e-9]).indices).toEqual([]);
    expect(findOutliers([0, 1, -1, 0, 1, -1, 0, -(edge + 1e-9)]).indices).toEqual([7]);
    // With a MAD of 2 the limit is 29.652 from the median, not 10 x 1.4826 / 2.
    expect(findOutliers([0, 2, -2, 0, 2, -2, 0, 29.6])).toMatchObject({ mad: 2, indices: [] });
    expect(findOutliers([0, 2, -2, 0, 2, -2, 0, 29.7])).toMatchObject({ mad: 2, indices: [7] });
    // Exactly 10 scaled MADs is not over the threshold.
    expect(findOutliers([0, 1, -1, 0, 1, -1, 0, 10 * MAD_SCALE]).indices).toEqual([]);
  });

  it('does not divide by a MAD of 0: equal samples have no outliers, and with most samples equal any other is one', () => {
    expect(findOutliers([5, 5, 5, 5])).toEqual({ median: 5, mad: 0, indices: [] });
    expect(findOutliers([5, 5, 5, 5, 5.5])).toEqual({ median: 5, mad: 0, indices: [4] });
    expect(findOutliers([7])).toEqual({ median: 7, mad: 0, indices: [] });
  });

  it('finds none in ordinary noise', () => {
    expect(findOutliers([10, 11, 12, 13, 14, 15, 16]).indices).toEqual([]);
  });
});
