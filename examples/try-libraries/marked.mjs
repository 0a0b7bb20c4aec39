// marked 18.3.0 on documents of 50-100 KB (tens of ms a call): a pool should pay, if moving the
// document and its HTML costs less than parsing it. Run from a directory where marked is installed.
import { marked } from 'marked';

export default function render(markdown) {
  return marked.parse(markdown, { async: false });
}

/** A markdown section: a heading, paragraphs with inline markup, a list, a table and a code block. */
function section(doc, s) {
  const words = (n, seed) => Array.from({ length: n }, (_, k) => ['lorem', 'ipsum', '**dolor**', 'sit', '`amet`', 'consectetur', '_adipiscing_', 'elit', '[sed](https://example.com/d)', 'do'][(seed + k * 3) % 10]).join(' ');
  return [
    `## Section ${doc}.${s}`,
    '',
    words(60, s),
    '',
    words(45, s + 1),
    '',
    ...Array.from({ length: 6 }, (_, k) => `- item ${k}: ${words(8, s + k)}`),
    '',
    '| key | value | note |',
    '| --- | ---: | :---: |',
    ...Array.from({ length: 5 }, (_, k) => `| k${k} | ${k * s} | ${words(3, k)} |`),
    '',
    '```js',
    ...Array.from({ length: 6 }, (_, k) => `const v${k} = compute(${k}, ${s}); // ${words(4, k)}`),
    '```',
    '',
  ].join('\n');
}

export function inputs() {
  // 32 documents from about 50 to about 100 KB: the section count grows with the index.
  return Array.from({ length: 32 }, (_, doc) => {
    const sections = 23 + Math.floor((doc * 23) / 31);
    return `# Document ${doc}\n\n${Array.from({ length: sections }, (_, s) => section(doc, s)).join('\n')}`;
  });
}
