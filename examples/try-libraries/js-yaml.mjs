// js-yaml 5.5.0 loading small configuration documents (a few hundred µs a call): chosen to sit near
// the break-even, where only the measured rows can decide. Run from a directory where js-yaml is installed.
import { load } from 'js-yaml';

export default function parse(text) {
  return load(text);
}

/** A service configuration of `services` entries, each with a few nested keys, lists and strings. */
function config(i, services) {
  const lines = [`version: ${i}`, `name: deployment-${i}`, 'defaults:', '  retries: 3', '  timeout: 30s', 'services:'];
  for (let s = 0; s < services; s++) {
    lines.push(
      `  - name: service-${i}-${s}`,
      `    image: registry.example.com/team/app-${s}:1.${i}.${s}`,
      `    replicas: ${1 + ((i + s) % 5)}`,
      '    ports: [80, 443, ' + (8000 + s) + ']',
      '    env:',
      `      LOG_LEVEL: ${s % 2 === 0 ? 'info' : 'debug'}`,
      `      FEATURE_FLAGS: "a,b,c,${s}"`,
      '    healthcheck:',
      `      path: /health/${s}`,
      '      interval: 10s',
      `    description: >\n      Service ${s} of deployment ${i}, folded\n      over two lines.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function inputs() {
  // 64 documents of 2 to 5 services: roughly 0.7 to 1.7 KB each.
  return Array.from({ length: 64 }, (_, i) => config(i, 2 + (i % 4)));
}
