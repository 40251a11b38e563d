// The shapes the officer pages read from /api/v1 (tasks, dossiers,
// procedures, accounts), as the server's route schemas describe them.

export interface Task {
  id: string;
  name: string;
  elementId: string;
  dossierId: string;
  /** Only in lists. */
  dossierCode?: string | null;
  procedureCode?: string;
  formKey: string | null;
  candidateGroups: string[];
  assigneeId: string | null;
  dueAt: string | null;
  status: 'open' | 'completed' | 'cancelled';
  createdAt: string;
  claimedAt: string | null;
  completedAt: string | null;
  /** Office time left until the due date in minutes; negative when overdue. */
  remainingWorkingMinutes: number | null;
  overdue: boolean;
}

export type { Attachment, Dossier, DossierEvent } from '../citizen/dossier-types';

export type { Procedure } from '../public/catalogue';

/** An officer a task may be given to (GET /tasks/:id/candidates). */
export interface Candidate {
  id: string;
  fullName: string;
  roles: string[];
}

/** The applicant's name as the filing forms hold it (every form has applicant.fullName). */
export function applicantName(formData: Record<string, unknown>): string {
  const applicant = formData.applicant as { fullName?: unknown } | undefined;
  return typeof applicant?.fullName === 'string' ? applicant.fullName : '';
}

/** The roles that work on tasks (the server's `tasks.work` permission). */
export const OFFICER_ROLES = ['reception', 'specialist', 'head_of_unit', 'leader', 'cashier'];
