import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromium, needsChromium } from './helpers/chromium.ts';
import { reportOfHostileSvgFiles } from './helpers/e2e-hostile-svg-report.ts';

const browser = needsChromium();

let page: string;

beforeAll(async () => {
  if (!browser.skip) ({ page } = await reportOfHostileSvgFiles());
});

describe('report: SVG read from files never becomes script', () => {
  describe.skipIf(browser.skip)(browser.title('in headless Chromium'), () => {
    it('the planted scripts do not run: the title is unchanged', async () => {
      const dom = await chromium(browser, ['--dump-dom', '--virtual-time-budget=2000'], pathToFileURL(page).href);
      expect(/<title>([^<]*)<\/title>/.exec(dom)?.[1]).toBe('Concurrency vs parallelism lab: results');
      expect(dom).not.toContain('<script');
      expect(dom).toContain('kept &lt;text&gt; &amp; more');
    });
  });
});
