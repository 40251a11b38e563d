// The named paths of each reference procedure: what the bots do, in order,
// and the state each step leads to. Officers take some office hours per step
// when the clock can move; deadlines are reached by moving the clock.
import { toVietnamDate } from '../domain/working-calendar.js';
import { SIMULATED_PROCEDURES, type SimulatedProcedure } from './demo-filings.js';
import type { Bots } from './procedure-bots.js';
import { SimulationRun } from './simulation-run.js';
import { formatVietnamTime } from './timeline-format.js';

export type SimulationPath = (run: SimulationRun) => Promise<void>;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const decisions = {
  complete: { complete: true },
  incomplete: {
    complete: false,
    missingItems: [
      {
        documentCode: 'application',
        item: 'Đơn đề nghị cấp giấy phép',
        reason: 'Đơn chưa có chữ ký số của người đề nghị',
      },
    ],
  },
  appraisal: (recommendation: 'approve' | 'refuse') => ({
    opinion:
      recommendation === 'approve'
        ? 'Hồ sơ đáp ứng các điều kiện cấp phép theo quy định.'
        : 'Vị trí đề nghị nằm trong vùng hạn chế khai thác nước dưới đất.',
    recommendation,
  }),
  agree: { reviewDecision: 'agree' },
  approve: { approvalDecision: 'approve' },
  refuse: {
    approvalDecision: 'refuse',
    refusalReasons: 'Vị trí thăm dò nằm trong vùng hạn chế khai thác nước dưới đất.',
  },
};

// --- steps every catalogued procedure shares ---------------------------------------

const file = (run: SimulationRun) => run.file({ status: 1, tasks: { Task_Reception: 1 } });

/** Reception accepts the dossier as complete; it is received and handed on to `next`. */
const accept = (run: SimulationRun, next: Record<string, number>, forms: ('01' | '05')[] = []) =>
  run.task('reception', 'Task_Reception', decisions.complete, {
    actor: 'Cán bộ một cửa',
    action: 'Tiếp nhận hồ sơ đầy đủ, hẹn ngày trả (Mẫu 01)',
    workingHours: 1,
    until: { status: 4, forms: ['01', ...forms], tasks: { Task_Reception: 0, ...next } },
  });

const askSupplement = (run: SimulationRun) =>
  run.task('reception', 'Task_Reception', decisions.incomplete, {
    actor: 'Cán bộ một cửa',
    action: 'Yêu cầu bổ sung hồ sơ (Mẫu 02)',
    workingHours: 1,
    until: { status: 5, forms: ['02'], tasks: { Task_Reception: 0 } },
  });

const supplement = (run: SimulationRun) =>
  run.step(
    'Công dân',
    'Bổ sung đơn có chữ ký số và gửi lại hồ sơ',
    async () => {
      await run.bots.elapseWorkingHours(16);
      await run.bots.upload(run.applicant, run.dossierId, 'application');
      await run.bots.ok(run.applicant, 'POST', `/api/v1/dossiers/${run.dossierId}/supplement`);
    },
    { status: 1, tasks: { Task_Reception: 1 } },
  );

// --- groundwater-exploration-licence ---------------------------------------------

async function appraiseAndReview(run: SimulationRun, recommendation: 'approve' | 'refuse') {
  await run.task('specialist', 'Task_Appraisal', decisions.appraisal(recommendation), {
    actor: 'Chuyên viên',
    action:
      recommendation === 'approve'
        ? 'Thẩm định: đề xuất cấp phép'
        : 'Thẩm định: đề xuất từ chối cấp phép',
    workingHours: 16,
    until: { tasks: { Task_Appraisal: 0, Task_Review: 1 } },
  });
  await run.task('head', 'Task_Review', decisions.agree, {
    actor: 'Trưởng phòng',
    action: 'Đồng ý với kết quả thẩm định',
    workingHours: 4,
    until: { tasks: { Task_Review: 0, Task_Approval: 1 } },
  });
}

const leaderApproves = (run: SimulationRun, until: { status: number }) =>
  run.task('leader', 'Task_Approval', decisions.approve, {
    actor: 'Lãnh đạo',
    action: 'Phê duyệt kết quả giải quyết',
    workingHours: 4,
    until: { ...until, tasks: { Task_Approval: 0 } },
  });

const payFee = (run: SimulationRun) =>
  run.step(
    'Cán bộ thu phí',
    'Ghi nhận công dân đã nộp phí tại quầy',
    async () => {
      await run.bots.elapseWorkingHours(8);
      await run.bots.ok(run.bot('cashier'), 'POST', `/api/v1/dossiers/${run.dossierId}/fee-paid`, {
        receiptNumber: `BL-${run.dossierCode ?? run.dossierId.slice(0, 8)}`,
      });
    },
    { status: 10 },
  );

async function approveToResult(run: SimulationRun) {
  await appraiseAndReview(run, 'approve');
  await leaderApproves(run, { status: 6 });
  await payFee(run);
}

const groundwater: Record<string, SimulationPath> = {
  async approve(run) {
    await file(run);
    await accept(run, { Task_Appraisal: 1 });
    await approveToResult(run);
  },

  async refuse(run) {
    await file(run);
    await accept(run, { Task_Appraisal: 1 });
    await appraiseAndReview(run, 'refuse');
    await run.task('leader', 'Task_Approval', decisions.refuse, {
      actor: 'Lãnh đạo',
      action: 'Từ chối cấp phép, nêu rõ lý do',
      workingHours: 4,
      until: { status: 10, tasks: { Task_Approval: 0 } },
    });
  },

  async 'supplement-then-approve'(run) {
    await file(run);
    await askSupplement(run);
    await supplement(run);
    await accept(run, { Task_Appraisal: 1 });
    await approveToResult(run);
  },

  async 'supplement-timeout'(run) {
    await file(run);
    await askSupplement(run);
    const form02 = await run.bots.app
      .db('dossier_forms')
      .where({ dossier_id: run.dossierId, form_no: '02' })
      .orderBy('issued_at', 'desc')
      .first('data');
    const deadline = new Date(String(form02.data.deadline));
    await run.step(
      'Thời gian',
      `Công dân không bổ sung; đồng hồ qua hạn bổ sung ${formatVietnamTime(deadline)}`,
      () => run.bots.advanceTo(new Date(deadline.getTime() + MINUTE_MS)),
      { status: 3 },
    );
  },

  async 'apology-then-approve'(run) {
    await file(run);
    await accept(run, { Task_Appraisal: 1 });
    const { appointmentAt } = await run.bots.dossier(run.applicant, run.dossierId);
    const near = new Date(new Date(appointmentAt!).getTime() - DAY_MS + MINUTE_MS);
    await run.step(
      'Thời gian',
      'Chưa thẩm định xong; đồng hồ đến 1 ngày trước ngày hẹn trả',
      () => run.bots.advanceTo(near),
      { forms: ['04'], tasks: { Task_Appraisal: 1 } },
    );
    await approveToResult(run);
  },
};

// --- environmental-permit ----------------------------------------------------------

const environmental: Record<string, SimulationPath> = {
  async approve(run) {
    await file(run);
    await accept(run, { Task_SiteInspection: 1 });
    await run.task(
      'specialist',
      'Task_SiteInspection',
      {
        inspectedOn: toVietnamDate(run.bots.clock.now()),
        inspectors: ['Ngô Văn Thành', 'Đinh Thị Hương'],
        findings: 'Hệ thống xử lý nước thải và khí thải vận hành ổn định.',
        siteConformity: 'conforming',
      },
      {
        actor: 'Chuyên viên',
        action: 'Kiểm tra thực tế tại cơ sở',
        workingHours: 24,
        until: { tasks: { Task_SiteInspection: 0, Task_UnitOpinions: 2 } },
      },
    );
    await run.task(
      'headTD',
      'Task_UnitOpinions',
      { unitPosition: 'agree', content: 'Phòng Thẩm định thống nhất đề xuất cấp phép.' },
      {
        actor: 'Trưởng phòng Thẩm định',
        action: 'Cho ý kiến của đơn vị phối hợp',
        workingHours: 8,
        until: { tasks: { Task_UnitOpinions: 1 } },
      },
    );
    await run.task(
      'headKS',
      'Task_UnitOpinions',
      {
        unitPosition: 'agree-with-conditions',
        content: 'Phòng Kiểm soát ô nhiễm thống nhất, kèm điều kiện.',
        conditions: 'Lắp đặt thiết bị quan trắc nước thải tự động, liên tục.',
      },
      {
        actor: 'Trưởng phòng Kiểm soát ô nhiễm',
        action: 'Cho ý kiến của đơn vị phối hợp',
        workingHours: 8,
        until: { tasks: { Task_UnitOpinions: 0, Task_Appraisal: 1 } },
      },
    );
    const { appointmentAt } = await run.bots.dossier(run.applicant, run.dossierId);
    const nearDue = new Date(new Date(appointmentAt!).getTime() - 7 * DAY_MS + MINUTE_MS);
    await run.step(
      'Thời gian',
      'Chưa thẩm định xong; đồng hồ đến 7 ngày trước ngày hẹn trả',
      () => run.bots.advanceTo(nearDue),
      { notification: 'appraisal-near-due', tasks: { Task_Appraisal: 1 } },
    );
    await run.task('specialist', 'Task_Appraisal', decisions.appraisal('approve'), {
      actor: 'Chuyên viên',
      action: 'Thẩm định: đề xuất cấp giấy phép môi trường',
      workingHours: 8,
      until: { tasks: { Task_Appraisal: 0, Task_Approval: 1 } },
    });
    await leaderApproves(run, { status: 10 });
  },
};

// --- water-resource-interagency ----------------------------------------------------

const interagency: Record<string, SimulationPath> = {
  async approve(run) {
    await file(run);
    await accept(run, { Task_Opinion: 1 }, ['05']);
    await run.task(
      'partnerSpecialist',
      'Task_Opinion',
      {
        unitPosition: 'agree',
        content: 'Cục Môi trường thống nhất việc đăng ký khai thác nước.',
        documentNumber: '125/CMT-TĐ',
      },
      {
        actor: 'Chuyên viên Cục Môi trường',
        action: 'Cho ý kiến về hồ sơ liên thông',
        workingHours: 16,
        until: { tasks: { Task_Opinion: 0, Task_Approval: 1 } },
      },
    );
    await leaderApproves(run, { status: 10 });
  },
};

export const SIMULATION_PATHS: Record<string, Record<string, SimulationPath>> = {
  'groundwater-exploration-licence': groundwater,
  'environmental-permit': environmental,
  'water-resource-interagency': interagency,
};

/** Every valid `<procedure> <path>`, for a usage line. */
export function validSimulations(): string {
  return Object.entries(SIMULATION_PATHS)
    .map(([key, paths]) => {
      const code = SIMULATED_PROCEDURES[key]!.code;
      return `${key} (${code}): ${Object.keys(paths).join(', ')}`;
    })
    .join('; ');
}

/** The procedure (by process id or TTHC code) and path, or null when either is unknown. */
export function resolveSimulation(
  procedure: string,
  path: string,
): { key: string; procedure: SimulatedProcedure; path: SimulationPath } | null {
  const key = Object.keys(SIMULATED_PROCEDURES).find(
    (k) => k === procedure || SIMULATED_PROCEDURES[k]!.code === procedure,
  );
  const run = key ? SIMULATION_PATHS[key]?.[path] : undefined;
  if (!key || !run) return null;
  return { key, procedure: SIMULATED_PROCEDURES[key]!, path: run };
}

/** Runs one path to its end: a new dossier of the procedure, worked by the bots. */
export async function runSimulation(
  bots: Bots,
  procedure: string,
  path: string,
): Promise<SimulationRun> {
  const found = resolveSimulation(procedure, path);
  if (!found) throw new Error(`no simulation ${procedure} ${path}; valid: ${validSimulations()}`);
  await bots.ensureStaff();
  const run = new SimulationRun(bots, found.procedure);
  await found.path(run);
  return run;
}
