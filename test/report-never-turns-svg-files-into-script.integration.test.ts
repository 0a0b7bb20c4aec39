import { beforeAll, describe, expect, it } from 'vitest';
import { reportOfHostileSvgFiles } from './helpers/e2e-hostile-svg-report.ts';
import { parseSvg } from './helpers/svg.ts';

let html: string;

beforeAll(async () => {
  ({ html } = await reportOfHostileSvgFiles());
});

describe('report: SVG read from files never becomes script', () => {
  it('keeps only the elements and attributes the lab draws, escaped again', () => {
    expect(html).not.toMatch(/<script|onload|onerror|onmouseover|javascript:|foreignObject|<set|<animate|<image|<style[^>]*>@import|xlink|url\(/i);
    expect(html).toContain('kept &lt;text&gt; &amp; more');
    const figures = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(figures).toHaveLength(1);
    parseSvg(figures[0]!);
  });

  it('says when a picture was dropped as not well-formed', () => {
    expect(html).toContain('picture omitted: its file is not a well-formed SVG document');
  });
});
