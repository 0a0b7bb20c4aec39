export { uslPeakN, uslSpeedup, uslThroughput } from './usl-law.ts';
export { linearisedStart, profiledLambda, type ThroughputPoint, type UslParameters } from './usl-start.ts';
export { fitUsl, uslStarts, USL_GUESSES, USL_MIN_POINTS, USL_SOLVER, type UslFit } from './usl-fit.ts';
export { bootstrapUsl, percentileInterval, runsPerSecond, uslResamples, type Interval, type RepeatedPoint, type UslIntervals } from './usl-bootstrap.ts';
