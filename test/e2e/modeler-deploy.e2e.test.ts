// An analyst renames a task of the groundwater exploration licence in the
// modeler and deploys: the next dossier runs on the new version while the
// one filed before stays on its own.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SIMULATED_PROCEDURES } from '../../server/simulation/demo-filings.js';
import { DESKTOP, PHONE, inspect, openContext, type AxeFinding } from './support/browser.js';
import { fileByApi, progressOf, signInByApi } from './support/filing.js';
import { useScenario } from './support/scenario.js';

const procedure = SIMULATED_PROCEDURES['groundwater-exploration-licence']!;
const NEW_NAME = 'Thẩm định hồ sơ và thực địa';

/** bpmn-js splits a label into lines; compare texts without their spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

async function showDiagram(page: Page, id: string) {
  await page.goto(`/dossiers/${id}`);
  await page.getByRole('button', { name: 'Xem sơ đồ quy trình' }).click();
}

async function appraisalLabel(page: Page): Promise<string> {
  const label = page.locator('[data-element-id="Task_Appraisal"] text').first();
  return (await label.count()) > 0 ? squeeze((await label.textContent()) ?? '') : '';
}

describe('the modeler deploys a new version of a procedure', () => {
  const scenario = useScenario();

  it('the next dossier runs on the new version, the earlier one stays on its version', async () => {
    const { system, browser } = scenario;
    const findings: AxeFinding[] = [];
    const citizen = await openContext(browser, system.baseUrl, PHONE);
    await signInByApi(citizen.request, procedure.bots.citizen!);
    const earlier = await fileByApi(citizen.request, procedure);
    const before = await progressOf(citizen.request, earlier);
    expect(before.xml).not.toContain(NEW_NAME);

    const analyst = await openContext(browser, system.baseUrl, DESKTOP);
    const page = await analyst.newPage();
    await page.goto('/modeler/');
    await page.getByLabel('Thư điện tử').fill('phantich@demo.motcua.vn');
    await page.getByLabel('Mật khẩu').fill('MotCua@2026');
    findings.push(...(await inspect(page, 'modeler-sign-in')));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByLabel('Thủ tục').selectOption(procedure.code);
    const appraisal = page.locator('[data-element-id="Task_Appraisal"]').first();
    await appraisal.waitFor();
    await appraisal.click();
    await page.locator('#bio-properties-panel-name').fill(NEW_NAME);
    await page.locator('#bio-properties-panel-name').press('Tab');
    findings.push(...(await inspect(page, 'modeler-editing')));

    await page.getByRole('button', { name: 'Triển khai' }).click();
    const status = page.getByTestId('status');
    await expect
      .poll(async () => (await status.textContent()) ?? '', { timeout: 60_000 })
      .toContain(`Đã triển khai phiên bản ${before.version + 1}`);
    await expect
      .poll(() =>
        page
          .locator('[data-testid="versions-table"] tr[data-version]')
          .first()
          .getAttribute('data-version'),
      )
      .toBe(String(before.version + 1));
    findings.push(...(await inspect(page, 'modeler-deployed')));

    const next = await fileByApi(citizen.request, procedure);
    const after = await progressOf(citizen.request, next);
    expect(after.version).toBe(before.version + 1);
    expect(after.xml).toContain(NEW_NAME);
    const earlierNow = await progressOf(citizen.request, earlier);
    expect(earlierNow.version).toBe(before.version);
    expect(earlierNow.xml).not.toContain(NEW_NAME);

    // The citizen's progress view draws the version the dossier runs on.
    const view = await citizen.newPage();
    await showDiagram(view, next);
    await expect.poll(() => appraisalLabel(view), { timeout: 30_000 }).toBe(squeeze(NEW_NAME));
    findings.push(...(await inspect(view, 'dossier-progress-new-version')));
    await showDiagram(view, earlier);
    await expect
      .poll(() => appraisalLabel(view), { timeout: 30_000 })
      .toBe(squeeze('Thẩm định hồ sơ'));

    expect(findings).toEqual([]);
  });
});
