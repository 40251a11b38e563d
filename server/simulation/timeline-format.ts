// The simulation's timeline as text: Vietnam time (dd/MM/yyyy HH:mm), the
// national status at each step, due dates in working days.
import { VIETNAM_UTC_OFFSET_MINUTES } from '../domain/working-calendar.js';
import type { TimelineStep } from './simulation-run.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yyyy HH:mm in Vietnam time (UTC+7, no daylight saving). */
export function formatVietnamTime(instant: Date): string {
  const local = new Date(instant.getTime() + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  return (
    `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
  );
}

/** A span of calendar time, e.g. `+2 ngày 3 giờ`. */
function elapsed(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return '';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [
    days ? `${days} ngày` : '',
    hours ? `${hours} giờ` : '',
    rest && !days ? `${rest} phút` : '',
  ].filter(Boolean);
  return `+${parts.join(' ')}`;
}

const days = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

function remaining(n: number | null): string {
  if (n === null) return '';
  if (n < 0) return `, quá hạn ${days(-n)} ngày làm việc`;
  return `, còn ${days(n)} ngày làm việc`;
}

export interface TimelineHeader {
  procedureCode: string;
  procedureName: string;
  bpmnProcessId: string;
  path: string;
  dossierCode: string | null;
  applicant: string;
  startedAt: Date;
}

export function formatTimeline(header: TimelineHeader, steps: TimelineStep[]): string {
  const lines = [
    `Mô phỏng thủ tục ${header.procedureCode} — ${header.procedureName}`,
    `Quy trình ${header.bpmnProcessId}, đường đi "${header.path}"; hồ sơ ${header.dossierCode ?? '?'} của ${header.applicant}`,
    `Đồng hồ của động cơ bắt đầu lúc ${formatVietnamTime(header.startedAt)} (giờ Việt Nam)`,
    '',
  ];
  let previous = header.startedAt;
  steps.forEach((step, index) => {
    const moved = elapsed(step.at.getTime() - previous.getTime());
    previous = step.at;
    lines.push(
      `${index + 1}. [${formatVietnamTime(step.at)}]${moved ? ` (${moved})` : ''} ${step.actor}: ${step.action}`,
    );
    for (const event of step.events) {
      const status = event.statusCode === null ? '' : ` → ${event.statusCode} ${event.statusLabel}`;
      const reason = event.reason ? ` — ${event.reason}` : '';
      const element = event.elementId ? ` [${event.elementId}]` : '';
      lines.push(
        `     · ${formatVietnamTime(event.at)} ${event.label}${status}${element}${reason}`,
      );
    }
    for (const form of step.forms)
      lines.push(`     · ${formatVietnamTime(form.issuedAt)} Mẫu ${form.formNo} được lập`);
    for (const n of step.notifications)
      lines.push(`     · thông báo ${n.template} → ${n.recipient}`);
    lines.push(`     Trạng thái: ${step.statusCode ?? '–'} ${step.statusLabel}`);
    if (step.appointmentAt)
      lines.push(`     Ngày hẹn trả kết quả: ${formatVietnamTime(step.appointmentAt)}`);
    for (const task of step.tasks) {
      const due = task.dueAt
        ? `hạn ${formatVietnamTime(task.dueAt)}${remaining(task.remainingWorkingDays)}`
        : 'không có hạn';
      lines.push(
        `     Việc đang chờ: ${task.name} [${task.elementId}; ${task.candidateGroups.join(', ')} @ ${task.agencyCode}] — ${due}`,
      );
    }
  });
  return `${lines.join('\n')}\n`;
}
