// Who may do what: the one table of permissions by role. Routes name a
// permission; what a caller may see of dossiers (ownership) is decided by
// `dossierScope` below. Tested as a matrix in test/integration/access.
export const STAFF_ROLES = [
  'reception',
  'specialist',
  'head_of_unit',
  'leader',
  'cashier',
  'analyst',
  'operator',
  'auditor',
  'admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = StaffRole | 'citizen' | 'organisation';

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  citizen: { vi: 'Công dân', en: 'Citizen' },
  organisation: { vi: 'Tổ chức, doanh nghiệp', en: 'Organisation' },
  reception: { vi: 'Cán bộ một cửa', en: 'Reception officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  head_of_unit: { vi: 'Lãnh đạo phòng', en: 'Head of unit' },
  leader: { vi: 'Lãnh đạo cơ quan (phê duyệt)', en: 'Leader (approver)' },
  cashier: { vi: 'Cán bộ thu phí', en: 'Cashier' },
  analyst: { vi: 'Cán bộ phân tích quy trình', en: 'Business analyst' },
  operator: { vi: 'Đơn vị vận hành', en: 'Operator' },
  auditor: { vi: 'Thanh tra, kiểm tra (chỉ xem)', en: 'Auditor (read-only)' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
};

const APPLICANTS: Role[] = ['citizen', 'organisation'];
const OFFICERS: Role[] = ['reception', 'specialist', 'head_of_unit', 'leader', 'cashier'];

export const PERMISSIONS = {
  'account.self': [...APPLICANTS, ...STAFF_ROLES],
  'agencies.manage': ['admin'],
  'staff.manage': ['admin'],
  'accounts.moderate': ['operator', 'admin'],
  'organisations.review': ['reception', 'operator', 'admin'],
  'calendar.manage': ['operator', 'admin'],
  'procedures.edit': ['analyst', 'admin'],
  'processes.deploy': ['analyst', 'admin'],
  'dossiers.file': APPLICANTS,
  'dossiers.register': ['reception'],
  'dossiers.read': [...APPLICANTS, ...OFFICERS, 'auditor', 'operator', 'admin'],
  'dossiers.rate': APPLICANTS,
  'audit.verify': ['auditor', 'operator', 'admin'],
  'tasks.work': OFFICERS,
  'tasks.reassign': ['head_of_unit'],
  'fees.record': ['cashier'],
  'notifications.read': ['operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export interface Caller {
  id: string;
  kind: 'citizen' | 'organisation' | 'staff';
  roles: Role[];
  agencyId: string | null;
}

export function rolesOf(account: { kind: Caller['kind']; roles: string[] }): Role[] {
  return account.kind === 'staff' ? (account.roles as Role[]) : [account.kind];
}

export function allows(caller: Caller, permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return caller.roles.some((role) => allowed.includes(role));
}

/**
 * Which dossiers a caller may see: applicants their own, officers and
 * auditors their agency's, operators and admins all.
 */
export type DossierScope = { applicantId: string } | { agencyId: string } | 'all' | 'none';

export function dossierScope(caller: Caller): DossierScope {
  if (caller.kind !== 'staff') return { applicantId: caller.id };
  if (caller.roles.includes('admin') || caller.roles.includes('operator')) return 'all';
  if (caller.agencyId && allows(caller, 'dossiers.read')) return { agencyId: caller.agencyId };
  return 'none';
}
