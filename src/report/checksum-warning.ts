/** What a checksum warning needs to know of a row. */
export interface ChecksummedRow {
  readonly workload: string;
  readonly mode: string;
  readonly checksumOk: boolean;
}

/**
 * The sentence that must come first among an experiment's notes when some rows did different
 * work (their times then mean nothing), or nothing when every row agrees.
 */
export function checksumWarning(rows: readonly ChecksummedRow[]): string[] {
  const mismatched = rows.filter((r) => !r.checksumOk);
  if (mismatched.length === 0) return [];
  return [`CHECKSUMS DIFFER in ${mismatched.map((r) => `${r.workload}/${r.mode}`).join(', ')}: these rows did different work, and their times mean nothing.`];
}
