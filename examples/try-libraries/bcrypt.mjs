// bcryptjs 3.0.3 hashSync at cost 8 (tens of ms a call): heavy enough that a pool should pay.
// Run from a directory where bcryptjs is installed (see README.md beside this file).
import bcrypt from 'bcryptjs';

export default function hash({ password, salt }) {
  return bcrypt.hashSync(password, salt);
}

// bcrypt's salt alphabet; a fixed salt per input keeps every mode's results equal by value.
const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const salt = (i) => `$2b$08$${Array.from({ length: 22 }, (_, j) => ALPHABET[(i * 7 + j * 13) % 64]).join('')}`;

export function inputs() {
  return Array.from({ length: 32 }, (_, i) => ({ password: `correct horse battery staple ${i}`, salt: salt(i) }));
}
