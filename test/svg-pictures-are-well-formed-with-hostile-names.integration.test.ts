import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runSequential } from '../src/modes/index.ts';
import { svgSpeedupChart, svgTimeline } from '../src/draw/index.ts';
import { filesUnder } from './helpers/files.ts';
import { lab } from './helpers/lab-in-process.ts';
import { parseSvg } from './helpers/svg.ts';

/** Printable but hostile to XML and HTML: every one is accepted as a name and must come out well-formed. */
const hostileNames = ['<script>alert(1)</script>', 'a & b &amp; c', `"double" 'single'`, ']]> <![CDATA[', '<!-- not a comment -->', '<?pi x?>', 'emoji 😀 and عربي', '&#x3C;svg onload=alert(1)&#x3E;'];

describe('every saved SVG is well-formed XML, whatever the names', () => {
  it('a workload named with markup, quotes, entities and emoji: all its pictures parse', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-svg-'));
    const workload = {
      name: hostileNames[0],
      description: hostileNames[1],
      tasks: hostileNames.map((name, i) => ({ name, parts: [{ kind: 'cpu', units: 5, label: hostileNames[(i + 1) % hostileNames.length] }, { kind: 'wait', ms: 1 }] })),
    };
    const file = join(dir, 'hostile.json');
    await writeFile(file, JSON.stringify(workload));
    const out = join(dir, 'results');
    const { code, stderr } = await lab('run', '--workload', file, '--modes', 'sequential,interleaved,parallel', '--repeats', '1', '--warmups', '0', '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const svgs = (await filesUnder(out)).filter((f) => f.endsWith('.svg'));
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      const text = await readFile(join(out, svg), 'utf8');
      parseSvg(text);
      expect(text).not.toContain('<script');
      expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('names with characters XML forbids (a library caller skips validation): still well-formed', async () => {
    const names = ['esc\u001b[2J', 'nul\u0000', 'bell\u0007', 'lone \ud800 surrogate', 'tab\tand\nnewline', '\ufffe'];
    const run = await runSequential({ name: 'raw\u001b]0;x\u0007', tasks: names.map((name) => ({ name, parts: [{ kind: 'cpu', units: 2, label: `${name}!` }] })) });
    const svg = svgTimeline(run, { title: 'title\u001b[31m', subtitle: 'sub\u0000' });
    expect(XMLValidator.validate(svg)).toBe(true);
    parseSvg(svg);
    const chart = svgSpeedupChart({ title: 'chart\u0001', subtitle: '\u0002', points: [{ threads: 1, speedup: 1 }], cores: 2 });
    parseSvg(chart);
  });
});
