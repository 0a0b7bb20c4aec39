import { existsSync, statSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium as playwright } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedRunnerExplained } from '../experiments/seed-runner/index.ts';
import { explainedRun, type ExplainedRun } from '../src/explain/explained-run.ts';
import { explainPage } from '../src/explain/html-page.ts';
import { printedLabels, replaySteps, type ExplainedStep } from '../src/explain/replay.ts';
import { needsChromium } from './helpers/chromium.ts';
import { tinyContext } from './helpers/context.ts';

const chromiumNeed = needsChromium();

let runs: ExplainedRun[];
let steps: ExplainedStep[][];
let html: string;
let page: string;
let dir: string;

beforeAll(async () => {
  runs = [];
  for (const spec of seedRunnerExplained(tinyContext())) runs.push(await explainedRun(spec));
  steps = runs.map((r) => replaySteps(r.policy, r.tasks, r.events));
  html = explainPage('seed-runner', runs, steps);
  dir = await mkdtemp(join(tmpdir(), 'lab-explain-page-'));
  page = join(dir, 'seed-runner.html');
  await writeFile(page, html);
});

describe('the seed-runner page (--html)', () => {
  it('is one self-contained file: its own inline script and style, no source or link to load, a policy that forbids the network', () => {
    expect(html).not.toMatch(/<link|@import|url\(|\ssrc=|https?:\/\//i);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain(`default-src 'none'`);
    for (const id of ['step', 'back', 'play', 'reset', 'policy-0', 'policy-1', 'policy-2', 'ready', 'parked', 'printed', 'code', 'timeline']) expect(html).toContain(`id="${id}"`);
  });

  it('carries the recorded steps of the three policies, 12 printed labels each', () => {
    expect(runs.map((r) => r.title)).toEqual(["fifo (the article's code)", 'round-robin (its text)', 'round-robin, timer waits']);
    for (const s of steps) expect(printedLabels(s)).toHaveLength(12);
  });

  describe.skipIf(chromiumNeed.skip)(chromiumNeed.title('in headless Chromium'), () => {
    it('steps to the end of every policy, printing the recorded labels in order, with no network request; a screenshot is taken', async () => {
      // A fresh profile directory: playwright takes it as the persistent context's user data dir.
      const browser = await playwright.launchPersistentContext(await mkdtemp(join(tmpdir(), 'lab-chromium-')), {
        executablePath: chromiumNeed.path!,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        viewport: { width: 1400, height: 1000 },
      });
      try {
        const tab = await browser.newPage();
        const url = pathToFileURL(page).href;
        const requests: string[] = [];
        tab.on('request', (r) => requests.push(r.url()));
        const errors: string[] = [];
        tab.on('pageerror', (e) => errors.push(e.message));
        tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
        await tab.goto(url);
        for (const [i, recorded] of steps.entries()) {
          await tab.check(`#policy-${i}`);
          expect(await tab.getAttribute('body', 'data-shown')).toBe('0');
          let presses = 0;
          while (!(await tab.isDisabled('#step'))) {
            await tab.click('#step');
            presses++;
          }
          expect(presses).toBe(recorded.length);
          expect(await tab.locator('#printed li').allTextContents()).toEqual(printedLabels(recorded));
          expect(await tab.textContent('#counter')).toContain(`step ${recorded.length} of ${recorded.length}`);
        }
        // The keyboard: left arrow steps back, right arrow forward, Home resets, up arrow switches policy.
        await tab.keyboard.press('ArrowLeft');
        expect(await tab.getAttribute('body', 'data-shown')).toBe(String(steps[2]!.length - 1));
        await tab.keyboard.press('ArrowRight');
        expect(await tab.getAttribute('body', 'data-done')).toBe('true');
        await tab.keyboard.press('ArrowUp');
        expect(await tab.isChecked('#policy-1')).toBe(true);
        for (let k = 0; k < 4; k++) await tab.keyboard.press('ArrowRight');
        expect(await tab.locator('#printed li').allTextContents()).toEqual(printedLabels(steps[1]!.slice(0, 4)));
        expect(await tab.locator('#ready .box').allTextContents()).toEqual([...steps[1]![3]!.ready]);
        expect(await tab.locator('#code .line.running').count()).toBeGreaterThan(0);
        const screenshot = join(dir, 'seed-runner-page.png');
        await tab.screenshot({ path: screenshot, fullPage: true });
        expect(statSync(screenshot).size).toBeGreaterThan(10_000);
        await tab.keyboard.press('Home');
        expect(await tab.getAttribute('body', 'data-shown')).toBe('0');
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);
        expect(existsSync(screenshot)).toBe(true);
        console.info(`explain page screenshot: ${screenshot}`);
      } finally {
        await browser.close();
      }
    });
  });
});
