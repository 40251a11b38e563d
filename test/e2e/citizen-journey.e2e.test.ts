// A citizen files a groundwater exploration licence in the portal; the
// reception officer asks for a supplement, the citizen supplements in place,
// officers appraise, review and approve, the cashier records the fee, and the
// citizen downloads the result and rates the service. axe-core checks every
// page visited; screenshots are kept in test-results/screenshots.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PDF } from '../../server/simulation/demo-filings.js';
import {
  DESKTOP,
  PHONE,
  inspect,
  openContext,
  trackErrors,
  type AxeFinding,
} from './support/browser.js';
import { complete, openTask, signIn } from './support/officer.js';
import { useScenario } from './support/scenario.js';

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: SAMPLE_PDF });
/** A 1×1 PNG: the site photos accept images only. */
const png = (name: string) => ({
  name,
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
});

async function statusOf(page: Page): Promise<string> {
  return ((await page.getByTestId('dossier-status').first().textContent()) ?? '').trim();
}

async function fillFilingForm(page: Page) {
  const address = page.getByRole('group', { name: 'Địa chỉ liên hệ (trụ sở với tổ chức)' });
  await address.getByLabel('Tỉnh, thành phố').selectOption('01');
  await address.getByLabel('Xã, phường, đặc khu').fill('00004');
  await address.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('12 Phố Tràng Tiền');
  await page.getByLabel('Tên công trình').fill('Giếng khai thác nước sinh hoạt thôn Đông');
  const site = page.getByRole('group', { name: 'Vị trí công trình' });
  await site.getByLabel('Tỉnh, thành phố').selectOption('26');
  await site.getByLabel('Xã, phường, đặc khu').fill('08869');
  await site.getByLabel('Thôn, ấp; số thửa, tờ bản đồ').fill('Thôn Đông, thửa 112, tờ bản đồ 5');
  await page.getByLabel('Mục đích sử dụng nước sau thăm dò').selectOption('Cấp nước sinh hoạt');
  await page.getByLabel('Lưu lượng nước dự kiến khai thác').fill('250');
  await page.getByLabel('Số lượng giếng thăm dò').fill('2');
  await page.getByLabel('Chiều sâu giếng dự kiến').fill('80');
  await page.getByLabel('Tầng chứa nước thăm dò').fill('Tầng chứa nước Pleistocen (qp)');
  await page.getByLabel('Thời gian thăm dò').fill('6');
  await page.getByLabel('Ngày dự kiến bắt đầu thi công').fill('2027-03-01');
  await page.getByLabel('Trực tuyến (bản điện tử có chữ ký số)').check();
  await page.getByLabel('Cam kết').check();
}

describe('a dossier from filing to rated result, in the browser', () => {
  const scenario = useScenario();

  it('citizen files, supplements, officers decide, citizen downloads the result and rates it', async () => {
    const { system, browser } = scenario;
    const findings: AxeFinding[] = [];
    const citizenContext = await openContext(browser, system.baseUrl, PHONE);
    const errors: string[] = [];
    const citizen = trackErrors(await citizenContext.newPage(), errors);

    // Find the procedure and start filing; signing in comes first.
    await citizen.goto('/');
    await citizen
      .getByRole('link', { name: /thăm dò nước dưới đất/ })
      .first()
      .waitFor();
    findings.push(...(await inspect(citizen, 'home')));
    await citizen
      .getByRole('link', { name: /thăm dò nước dưới đất/ })
      .first()
      .click();
    await citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).waitFor();
    findings.push(...(await inspect(citizen, 'procedure')));
    await citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await citizen.getByLabel('Thư điện tử').fill('congdan@demo.motcua.vn');
    await citizen.getByLabel('Mật khẩu', { exact: true }).fill('MotCua@2026');
    findings.push(...(await inspect(citizen, 'login')));
    await citizen.getByRole('button', { name: 'Đăng nhập' }).click();

    // The wizard: form, documents, review, submit.
    await citizen.getByLabel('Tên công trình').waitFor({ timeout: 30_000 });
    await fillFilingForm(citizen);
    findings.push(...(await inspect(citizen, 'filing-form')));
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await citizen
      .getByLabel('Chọn tệp cho «Đơn đề nghị cấp giấy phép (Mẫu 01)»')
      .setInputFiles(pdf('don-de-nghi.pdf'));
    await citizen.getByText('Đã tải lên «don-de-nghi.pdf»').waitFor();
    await citizen
      .getByLabel('Chọn tệp cho «Đề án thăm dò nước dưới đất»')
      .setInputFiles(pdf('de-an.pdf'));
    await citizen.getByText('Đã tải lên «de-an.pdf»').waitFor();
    findings.push(...(await inspect(citizen, 'filing-documents')));
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).waitFor();
    findings.push(...(await inspect(citizen, 'filing-review')));
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    const codeElement = citizen.getByTestId('dossier-code');
    await codeElement.waitFor({ timeout: 30_000 }).catch((error: unknown) => {
      throw new Error(`no receipt; page errors: ${errors.join('; ')}`, { cause: error });
    });
    const code = ((await codeElement.textContent()) ?? '').trim();
    expect(errors).toEqual([]);
    expect(code).toMatch(/^000\.00\.12\.G12-\d{6}-\d{4}$/);
    findings.push(...(await inspect(citizen, 'receipt')));
    const dossierUrl = await citizen
      .getByRole('link', { name: 'Theo dõi hồ sơ' })
      .getAttribute('href');
    expect(dossierUrl).toMatch(/^\/dossiers\//);

    // The reception officer asks for one more document.
    const reception = await signIn(browser, system.baseUrl, 'motcua@demo.motcua.vn');
    await reception.goto('/work');
    findings.push(...(await inspect(reception, 'worklist')));
    await openTask(reception, code, 'Xem xét tiếp nhận hồ sơ');
    await reception.getByLabel('Chưa đầy đủ: yêu cầu bổ sung').check();
    await reception.getByRole('button', { name: 'Thêm mục' }).click();
    await reception.getByLabel('Giấy tờ, thông tin cần bổ sung').fill('Ảnh chụp khu vực thăm dò');
    await reception.getByLabel('Lý do').fill('Cần ảnh hiện trạng khu vực dự kiến khoan thăm dò.');
    await complete(reception, findings, 'task-completeness');

    // The citizen sees the request live and answers it in place.
    await citizen.goto(dossierUrl!);
    await expect.poll(() => statusOf(citizen), { timeout: 60_000 }).toBe('Yêu cầu bổ sung');
    await citizen
      .getByLabel('Chọn tệp cho «Ảnh chụp khu vực thăm dò»')
      .setInputFiles(png('anh-hien-trang.png'));
    await citizen.getByText('Đã tải lên «anh-hien-trang.png»').waitFor();
    findings.push(...(await inspect(citizen, 'supplement')));
    await citizen.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await expect.poll(() => statusOf(citizen), { timeout: 60_000 }).not.toBe('Yêu cầu bổ sung');

    // Received, appraised, reviewed, approved.
    await openTask(reception, code, 'Xem xét tiếp nhận hồ sơ');
    await reception.getByLabel('Hồ sơ đầy đủ, hợp lệ: tiếp nhận').check();
    await complete(reception, findings, 'task-receive');

    const specialist = await signIn(browser, system.baseUrl, 'chuyenvien@demo.motcua.vn');
    await openTask(specialist, code, 'Thẩm định hồ sơ');
    await specialist
      .getByLabel('Ý kiến thẩm định')
      .fill('Hồ sơ đáp ứng yêu cầu; vị trí giếng phù hợp quy hoạch.');
    await specialist.getByLabel('Đề xuất cấp, phê duyệt').check();
    await complete(specialist, findings, 'task-appraisal');

    const head = await signIn(browser, system.baseUrl, 'truongphong@demo.motcua.vn');
    await openTask(head, code, 'Xem xét kết quả thẩm định');
    await head.getByLabel('Đồng ý, trình lãnh đạo phê duyệt').check();
    await complete(head, findings, 'task-review');

    const leader = await signIn(browser, system.baseUrl, 'lanhdao@demo.motcua.vn');
    await openTask(leader, code, 'Phê duyệt kết quả giải quyết');
    await leader.getByLabel('Phê duyệt, cấp kết quả').check();
    await complete(leader, findings, 'task-approval');

    // The cashier records the fee paid at the counter.
    const cashier = await signIn(browser, system.baseUrl, 'thuphi@demo.motcua.vn');
    const feeRow = cashier.getByTestId('fee-row').filter({ hasText: code });
    await expect
      .poll(
        async () => {
          await cashier.goto('/work');
          await cashier.getByRole('heading', { level: 1 }).waitFor();
          return feeRow.count();
        },
        { timeout: 90_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    await feeRow.getByRole('link').first().click();
    await cashier.getByLabel('Số biên lai').fill('0001234');
    findings.push(...(await inspect(cashier, 'fee-payment')));
    await cashier.getByRole('button', { name: 'Ghi nhận đã nộp phí' }).click();
    await cashier.getByText('Đã ghi nhận nộp phí').waitFor();

    // The citizen downloads the signed result and rates the service.
    await citizen.goto(dossierUrl!);
    await expect.poll(() => statusOf(citizen), { timeout: 90_000 }).toBe('Đã trả kết quả');
    const [download] = await Promise.all([
      citizen.waitForEvent('download'),
      citizen.getByRole('link', { name: 'Tải kết quả' }).click(),
    ]);
    const stream = await download.createReadStream();
    let body = '';
    for await (const chunk of stream) body += (chunk as Buffer).toString();
    expect(body).toContain(code);
    await citizen.getByLabel('5 sao — Rất hài lòng').check();
    await citizen
      .getByLabel('Góp ý (không bắt buộc)')
      .fill('Cán bộ hướng dẫn rõ ràng, trả kết quả đúng hẹn.');
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect
      .poll(() => citizen.getByRole('button', { name: 'Gửi đánh giá' }).count(), {
        timeout: 30_000,
      })
      .toBe(0);
    findings.push(...(await inspect(citizen, 'dossier-returned')));

    // The same pages on a desktop.
    await citizen.setViewportSize(DESKTOP);
    findings.push(...(await inspect(citizen, 'dossier-returned')));
    await citizen.goto('/');
    findings.push(...(await inspect(citizen, 'home')));

    // Public lookup by code and phone, without signing in.
    const visitor = await (await openContext(browser, system.baseUrl, PHONE)).newPage();
    await visitor.goto('/lookup');
    await visitor.getByLabel('Mã hồ sơ').fill(code);
    await visitor
      .getByLabel('Số điện thoại, số định danh cá nhân hoặc mã số thuế')
      .fill(await demoCitizenPhone(citizen));
    await visitor.getByRole('button', { name: 'Tra cứu' }).click();
    await visitor.getByText('Đã trả kết quả').first().waitFor();
    findings.push(...(await inspect(visitor, 'lookup')));

    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  });
});

async function demoCitizenPhone(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { phone: string };
  return me.phone;
}
