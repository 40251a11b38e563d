// What every browser scenario needs: `npm start` on the embedded defaults and
// a Chromium for the file's tests, stopped after them, and screenshots of the
// open pages when a test fails.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, screenshotAll } from './browser.js';
import { startSystem, type RunningSystem } from './system.js';

export interface Scenario {
  readonly system: RunningSystem;
  readonly browser: Browser;
}

export function useScenario(): Scenario {
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    system = await startSystem();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await screenshotAll(browser, task.name);
  });
  return {
    get system() {
      return system!;
    },
    get browser() {
      return browser!;
    },
  };
}
