// A CPU-heavy real function: derive a key from a password (PBKDF2, SHA-256).
// Each call keeps one core busy for several milliseconds: worker threads should pay off.
import { pbkdf2Sync } from 'node:crypto';

export default function deriveKey({ password, salt }) {
  return pbkdf2Sync(password, salt, 10_000, 32, 'sha256');
}

export function inputs() {
  return Array.from({ length: 32 }, (_, i) => ({ password: `correct horse battery staple ${i}`, salt: `salt-${i}` }));
}
