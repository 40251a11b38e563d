// Debian's Chromium driven by playwright-core, with an accessibility check
// (axe-core) and a screenshot of every page a scenario visits.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Kept after the run: the screenshots of the main pages. */
export const SCREENSHOT_DIR = join('test-results', 'screenshots');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium (Debian), or set CHROMIUM_PATH.`,
    );
  }
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--lang=vi-VN',
    ],
  });
}

export interface AxeFinding {
  page: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is now and returns its serious and critical
 * violations (the scenarios expect none), after saving a screenshot.
 */
export async function inspect(page: Page, name: string): Promise<AxeFinding[]> {
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}-${page.viewportSize()?.width ?? 0}.png`),
    fullPage: true,
  });
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      page: name,
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** A screenshot of every open page, to see where a failed test stopped. */
export async function screenshotAll(browser: Browser | undefined, name: string): Promise<void> {
  const pages = browser?.contexts().flatMap((context) => context.pages()) ?? [];
  const file = name.replace(/\W+/g, '-').slice(0, 40);
  await Promise.all(
    pages.map((page, index) =>
      page.screenshot({
        path: join(SCREENSHOT_DIR, `failed-${file}-${index}.png`),
        fullPage: true,
      }),
    ),
  );
}

/** Collects the page's uncaught script errors into `errors` (a scenario expects none). */
export function trackErrors(page: Page, errors: string[]): Page {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** A browser profile as a person in Viet Nam has it: Vietnamese locale and time zone. */
export function openContext(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
}
