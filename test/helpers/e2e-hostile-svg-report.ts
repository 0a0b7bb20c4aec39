import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from './cli.ts';
import { filesUnder } from './files.ts';
import { lab } from './lab-in-process.ts';

const pwn = "document.title='pwned'";
/** Every way an SVG file could carry script into the page, beside a harmless text the page must keep. */
const planted = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="40" onload="${pwn}">
<script>${pwn}</script>
<script type="text/javascript"><![CDATA[${pwn}]]></script>
<rect width="10" height="10" onload="${pwn}" onmouseover="${pwn}" style="background:url(javascript:alert(1))"/>
<foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="${pwn}"/></body></foreignObject>
<a href="javascript:${pwn}" xlink:href="javascript:${pwn}"><text x="1" y="1">link</text></a>
<set attributeName="onmouseover" to="${pwn}"/>
<animate attributeName="href" to="javascript:${pwn}"/>
<image href="data:image/svg+xml;base64,PHN2Zy8+" width="1" height="1"/>
<style>@import url(http://127.0.0.1:9/x.css);</style>
<rect class="&quot;&gt;&lt;script&gt;${pwn}&lt;/script&gt;" fill="url(#x)" width="5" height="5"/>
<text x="5" y="30">kept &lt;text&gt; &amp; more</text>
<title>&lt;/title&gt;&lt;script&gt;${pwn}&lt;/script&gt;</title>
</svg>
`;
/** Not one SVG document: an attempt to close the picture and continue as HTML. */
const breakout = `<svg xmlns="http://www.w3.org/2000/svg"></svg><script>${pwn}</script><svg xmlns="http://www.w3.org/2000/svg"></svg>`;

/** The report page (`index.html`) and its text. */
export interface HostileReport {
  readonly page: string;
  readonly html: string;
}

/**
 * Saves two runs of the example workload (two SVG timelines), overwrites one SVG file with every way
 * of carrying script and the other with an attempt to break out of the picture, then makes the report
 * of that folder with `lab report`, in this process.
 */
export async function reportOfHostileSvgFiles(): Promise<HostileReport> {
  const dir = await mkdtemp(join(tmpdir(), 'lab-hostile-report-'));
  const out = join(dir, 'runs');
  const saved = await lab('run', '--workload', join(repoRoot, 'experiments/example-workload.json'), '--modes', 'sequential,interleaved', '--repeats', '1', '--warmups', '0', '--out', out);
  expect(saved.code).toBe(0);
  const svgs = (await filesUnder(out)).filter((f) => f.endsWith('.svg'));
  const svgCount = svgs.length;
  expect(svgCount).toBe(2);
  await writeFile(join(out, svgs[0]!), planted);
  await writeFile(join(out, svgs[1]!), breakout);
  const report = await lab('report', out, '--out', dir);
  expect(report.stderr).toBe('');
  expect(report.code).toBe(0);
  const page = join(dir, 'index.html');
  return { page, html: await readFile(page, 'utf8') };
}
