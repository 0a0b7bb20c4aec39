// semver 7.8.6 compare on pairs of versions (a few µs a call): far too small for a pool to pay.
// Run from a directory where semver is installed.
import semver from 'semver';

export default function compare([a, b]) {
  return semver.compare(a, b);
}

const version = (i) => `${i % 7}.${(i * 3) % 11}.${(i * 5) % 13}${i % 4 === 0 ? `-beta.${i % 9}` : ''}${i % 6 === 0 ? `+build.${i}` : ''}`;

export function inputs() {
  return Array.from({ length: 1000 }, (_, i) => [version(i), version(i * 31 + 17)]);
}
