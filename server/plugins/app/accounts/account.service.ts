// Accounts: self-registration of citizens and organisations with email
// verification, organisation review by an officer, staff created by an
// admin, sign-in with lockout, sessions, password reset, moderation.
import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from '../../../errors.js';
import { rolesOf, type Caller, type StaffRole } from '../access/access-rules.js';
import type { Locale } from '../notifications/notification-templates.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import type { SessionCache } from './session-cache.js';

export const SESSION_TTL_MS = 12 * 3600_000;
const VERIFY_TTL_MS = 24 * 3600_000;
const RESET_TTL_MS = 3600_000;
const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60_000;
/** An officer verifies an organisation account within 2 working days. */
const REVIEW_WORKING_DAYS = 2;

export interface AccountRow {
  id: string;
  kind: 'citizen' | 'organisation' | 'staff';
  email: string;
  password_hash: string;
  status: 'unverified' | 'pending_review' | 'active' | 'refused' | 'suspended' | 'cancelled';
  full_name: string;
  citizen_id: string | null;
  date_of_birth: string | null;
  phone: string | null;
  address: string | null;
  organisation_name: string | null;
  tax_code: string | null;
  representative: string | null;
  agency_id: string | null;
  unit_ids: string[];
  roles: string[];
  review_due_at: Date | null;
  review_reasons: string | null;
  failed_logins: number;
  locked_until: Date | null;
  email_verified_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface CitizenRegistration {
  fullName: string;
  citizenId: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  address: string;
  password: string;
  locale?: Locale;
}

export interface OrganisationRegistration {
  organisationName: string;
  taxCode: string;
  representative: string;
  phone: string;
  email: string;
  address: string;
  password: string;
  locale?: Locale;
}

export interface StaffCreation {
  fullName: string;
  email: string;
  password: string;
  agencyId: string;
  unitIds: string[];
  roles: StaffRole[];
  phone?: string;
}

export interface AccountDeps {
  db: Knex;
  clock: { now(): Date };
  notifications: NotificationService;
  /** Adds working days (the calendar of the agency's province). */
  addWorkingDays(from: Date, days: number): Date;
  publicUrl: string;
  /** Recently resolved sessions; without it every request reads the database. */
  sessions?: SessionCache;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export function toCaller(account: AccountRow): Caller {
  return {
    id: account.id,
    kind: account.kind,
    roles: rolesOf(account),
    agencyId: account.agency_id,
  };
}

/** The account as its owner (or an admin) sees it: never the hash or counters. */
export function publicAccount(a: AccountRow) {
  return {
    id: a.id,
    kind: a.kind,
    email: a.email,
    status: a.status,
    fullName: a.full_name,
    citizenId: a.citizen_id,
    dateOfBirth: a.date_of_birth,
    phone: a.phone,
    address: a.address,
    organisationName: a.organisation_name,
    taxCode: a.tax_code,
    representative: a.representative,
    agencyId: a.agency_id,
    unitIds: a.unit_ids,
    roles: rolesOf(a),
    reviewDueAt: a.review_due_at,
    reviewReasons: a.review_reasons,
  };
}

const conflict = (field: string, vi: string, en: string) =>
  new AppError('CONFLICT', [{ path: `/body/${field}`, message: { vi, en } }]);

async function insertAccount(
  trx: Knex.Transaction,
  row: Record<string, unknown>,
): Promise<AccountRow> {
  try {
    const [account] = await trx<AccountRow>('accounts').insert(row).returning('*');
    return account!;
  } catch (error) {
    const constraint = (error as { constraint?: string }).constraint;
    if (constraint === 'accounts_email') {
      throw conflict(
        'email',
        'Địa chỉ thư điện tử này đã được đăng ký.',
        'This email address is already registered.',
      );
    }
    if (constraint === 'accounts_citizen_id') {
      throw conflict(
        'citizenId',
        'Số định danh cá nhân này đã có tài khoản.',
        'This citizen ID already has an account.',
      );
    }
    throw error;
  }
}

export function createAccountService(deps: AccountDeps) {
  const { db, clock, notifications, sessions } = deps;

  async function issueToken(
    trx: Knex.Transaction,
    account: AccountRow,
    purpose: 'verify_email' | 'reset_password',
    locale: Locale,
  ): Promise<void> {
    const token = newToken();
    const ttl = purpose === 'verify_email' ? VERIFY_TTL_MS : RESET_TTL_MS;
    await trx('account_tokens').insert({
      token_hash: sha256(token),
      account_id: account.id,
      purpose,
      expires_at: new Date(clock.now().getTime() + ttl),
    });
    await notifications.queue(trx, {
      accountId: account.id,
      to: account.email,
      template: purpose === 'verify_email' ? 'account.verify-email' : 'account.reset-password',
      locale,
      variables: {
        fullName: account.full_name,
        token,
        link: `${deps.publicUrl}/verify-email?token=${token}`,
      },
    });
  }

  /** Consumes a single-use token; null when unknown, used or expired. */
  async function consumeToken(trx: Knex.Transaction, token: string, purpose: string) {
    const row = await trx('account_tokens')
      .where({ token_hash: sha256(token), purpose })
      .whereNull('used_at')
      .where('expires_at', '>', clock.now())
      .forUpdate()
      .first();
    if (!row) return null;
    await trx('account_tokens')
      .where('token_hash', row.token_hash)
      .update({ used_at: clock.now() });
    return String(row.account_id);
  }

  /** A self-registered account, unverified until the emailed code comes back. */
  async function selfRegister(
    input: { email: string; password: string; phone: string; address: string; locale?: Locale },
    own: Record<string, unknown>,
  ): Promise<AccountRow> {
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (trx) => {
      const account = await insertAccount(trx, {
        ...own,
        email: input.email,
        password_hash: passwordHash,
        status: 'unverified',
        phone: input.phone,
        address: input.address,
      });
      await issueToken(trx, account, 'verify_email', input.locale ?? 'vi');
      return account;
    });
  }

  async function byId(id: string, trx: Knex | Knex.Transaction = db): Promise<AccountRow> {
    const account = await trx<AccountRow>('accounts').where({ id }).first();
    if (!account) throw new AppError('NOT_FOUND');
    return account;
  }

  return {
    byId,

    registerCitizen(input: CitizenRegistration): Promise<AccountRow> {
      return selfRegister(input, {
        kind: 'citizen',
        full_name: input.fullName,
        citizen_id: input.citizenId,
        date_of_birth: input.dateOfBirth,
      });
    },

    registerOrganisation(input: OrganisationRegistration): Promise<AccountRow> {
      return selfRegister(input, {
        kind: 'organisation',
        full_name: input.representative,
        organisation_name: input.organisationName,
        tax_code: input.taxCode,
        representative: input.representative,
      });
    },

    /** Citizens become active; organisations wait for an officer's review. */
    async verifyEmail(token: string): Promise<AccountRow> {
      return db.transaction(async (trx) => {
        const accountId = await consumeToken(trx, token, 'verify_email');
        if (!accountId) throw new AppError('TOKEN_INVALID');
        const account = await byId(accountId, trx);
        const organisation = account.kind === 'organisation';
        const [updated] = await trx<AccountRow>('accounts')
          .where({ id: accountId, status: 'unverified' })
          .update({
            email_verified_at: clock.now(),
            status: organisation ? 'pending_review' : 'active',
            review_due_at: organisation
              ? deps.addWorkingDays(clock.now(), REVIEW_WORKING_DAYS)
              : null,
            updated_at: clock.now(),
          })
          .returning('*');
        return updated ?? account;
      });
    },

    async createStaff(input: StaffCreation): Promise<AccountRow> {
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (trx) => {
        const units = await trx('units')
          .whereIn('id', input.unitIds)
          .where('agency_id', input.agencyId);
        if (units.length !== new Set(input.unitIds).size) {
          throw new AppError('VALIDATION_FAILED', [
            {
              path: '/body/unitIds',
              message: {
                vi: 'Phòng ban phải thuộc cơ quan đã chọn.',
                en: 'Units must belong to the chosen agency.',
              },
            },
          ]);
        }
        return insertAccount(trx, {
          kind: 'staff',
          email: input.email,
          password_hash: passwordHash,
          status: 'active',
          full_name: input.fullName,
          phone: input.phone ?? null,
          agency_id: input.agencyId,
          unit_ids: input.unitIds,
          roles: input.roles,
          email_verified_at: clock.now(),
        });
      });
    },

    /** Checks the password; counts failures and locks the account for a while after too many. */
    async login(
      email: string,
      password: string,
    ): Promise<{ account: AccountRow; token: string; expiresAt: Date }> {
      const account = await db<AccountRow>('accounts')
        .whereRaw('lower(email) = lower(?)', [email])
        .first();
      const now = clock.now();
      if (!account) {
        await verifyPassword(DUMMY_HASH, password);
        throw new AppError('LOGIN_FAILED');
      }
      if (account.locked_until && account.locked_until > now) throw new AppError('ACCOUNT_LOCKED');
      if (!(await verifyPassword(account.password_hash, password))) {
        const failures = account.failed_logins + 1;
        await db('accounts')
          .where('id', account.id)
          .update({
            failed_logins: failures >= MAX_FAILED_LOGINS ? 0 : failures,
            locked_until:
              failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS) : null,
          });
        throw new AppError(failures >= MAX_FAILED_LOGINS ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
      }
      const refusal = {
        unverified: 'EMAIL_NOT_VERIFIED',
        pending_review: 'ACCOUNT_PENDING_REVIEW',
        refused: 'ACCOUNT_REFUSED',
        suspended: 'ACCOUNT_SUSPENDED',
        cancelled: 'ACCOUNT_SUSPENDED',
        active: null,
      } as const;
      const code = refusal[account.status];
      if (code) throw new AppError(code);
      const token = newToken();
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
      await db.transaction(async (trx) => {
        await trx('accounts')
          .where('id', account.id)
          .update({ failed_logins: 0, locked_until: null });
        await trx('sessions').insert({
          token_hash: sha256(token),
          account_id: account.id,
          created_at: now,
          expires_at: expiresAt,
        });
      });
      return { account, token, expiresAt };
    },

    async logout(token: string): Promise<void> {
      await db('sessions').where('token_hash', sha256(token)).delete();
      sessions?.forgetToken(sha256(token));
    },

    /** The active account behind a session token, or null. */
    async resolveSession(token: string): Promise<AccountRow | null> {
      const tokenHash = sha256(token);
      const now = clock.now();
      const cached = sessions?.lookup(tokenHash, now);
      if (cached) return cached;
      const mark = sessions?.mark() ?? 0;
      const row = await db<AccountRow & { session_expires_at: Date }>('sessions as s')
        .join('accounts as a', 'a.id', 's.account_id')
        .where('s.token_hash', tokenHash)
        .where('s.expires_at', '>', now)
        .where('a.status', 'active')
        .first('a.*', 's.expires_at as session_expires_at');
      if (!row) return null;
      const { session_expires_at: expiresAt, ...account } = row;
      sessions?.remember(tokenHash, account, expiresAt, mark, now);
      return account;
    },

    /** Always answers the same, whether or not the email has an account. */
    async requestPasswordReset(email: string, locale: Locale): Promise<void> {
      await db.transaction(async (trx) => {
        const account = await trx<AccountRow>('accounts')
          .whereRaw('lower(email) = lower(?)', [email])
          .first();
        if (account && account.status !== 'cancelled')
          await issueToken(trx, account, 'reset_password', locale);
      });
    },

    async resetPassword(token: string, password: string): Promise<void> {
      const passwordHash = await hashPassword(password);
      await db
        .transaction(async (trx) => {
          const accountId = await consumeToken(trx, token, 'reset_password');
          if (!accountId) throw new AppError('TOKEN_INVALID');
          await trx('accounts').where('id', accountId).update({
            password_hash: passwordHash,
            failed_logins: 0,
            locked_until: null,
            updated_at: clock.now(),
          });
          // A new password ends every open session.
          await trx('sessions').where('account_id', accountId).delete();
          return accountId;
        })
        .then((accountId) => sessions?.forgetAccount(accountId));
    },

    async updateDetails(
      accountId: string,
      changes: { fullName?: string; phone?: string; address?: string; representative?: string },
    ): Promise<AccountRow> {
      const columns: Record<string, unknown> = { updated_at: clock.now() };
      if (changes.fullName !== undefined) columns.full_name = changes.fullName;
      if (changes.phone !== undefined) columns.phone = changes.phone;
      if (changes.address !== undefined) columns.address = changes.address;
      if (changes.representative !== undefined) columns.representative = changes.representative;
      const [updated] = await db<AccountRow>('accounts')
        .where('id', accountId)
        .update(columns)
        .returning('*');
      if (!updated) throw new AppError('NOT_FOUND');
      sessions?.forgetAccount(accountId);
      return updated;
    },

    /** Suspend, cancel or reactivate an account; its sessions end unless reactivated. */
    async setStatus(
      accountId: string,
      status: 'suspended' | 'cancelled' | 'active',
    ): Promise<AccountRow> {
      return db
        .transaction(async (trx) => {
          const account = await byId(accountId, trx);
          const allowedFrom: Record<typeof status, AccountRow['status'][]> = {
            suspended: ['active'],
            cancelled: ['active', 'suspended', 'unverified', 'pending_review', 'refused'],
            active: ['suspended', 'cancelled'],
          };
          if (!allowedFrom[status].includes(account.status)) {
            throw new AppError('CONFLICT', [], {
              vi: `Tài khoản đang ở trạng thái "${account.status}", không thể chuyển sang "${status}".`,
              en: `The account is ${account.status}; it cannot become ${status}.`,
            });
          }
          const [updated] = await trx<AccountRow>('accounts')
            .where('id', accountId)
            .update({ status, updated_at: clock.now(), failed_logins: 0, locked_until: null })
            .returning('*');
          if (status !== 'active') await trx('sessions').where('account_id', accountId).delete();
          return updated!;
        })
        .then((updated) => {
          sessions?.forgetAccount(accountId);
          return updated;
        });
    },

    /** Accounts for operators, newest first: matching text in name, email or identifiers. */
    async list(filter: {
      q?: string;
      kind?: AccountRow['kind'];
      status?: AccountRow['status'];
      limit: number;
      offset: number;
    }): Promise<{ items: AccountRow[]; total: number }> {
      const query = db<AccountRow>('accounts');
      if (filter.kind) query.where('kind', filter.kind);
      if (filter.status) query.where('status', filter.status);
      const q = filter.q?.trim();
      if (q) {
        const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
        query.where((w) =>
          w
            .where('email', 'ilike', like)
            .orWhere('full_name', 'ilike', like)
            .orWhere('organisation_name', 'ilike', like)
            .orWhere('phone', 'ilike', like)
            .orWhere('citizen_id', q)
            .orWhere('tax_code', q),
        );
      }
      const [items, count] = await Promise.all([
        query
          .clone()
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .limit(filter.limit)
          .offset(filter.offset),
        query.clone().count<{ n: string }[]>('* as n'),
      ]);
      return { items, total: Number(count[0]?.n ?? 0) };
    },

    pendingOrganisations(): Promise<AccountRow[]> {
      return db<AccountRow>('accounts')
        .where({ kind: 'organisation', status: 'pending_review' })
        .orderBy('review_due_at');
    },

    /** An officer accepts or refuses (with reasons) an organisation; the applicant is told either way. */
    async reviewOrganisation(
      accountId: string,
      decision: { accept: boolean; reasons?: string },
    ): Promise<AccountRow> {
      return db.transaction(async (trx) => {
        const account = await byId(accountId, trx);
        if (account.kind !== 'organisation' || account.status !== 'pending_review') {
          throw new AppError('CONFLICT', [], {
            vi: 'Tài khoản này không chờ xác minh.',
            en: 'This account is not waiting for verification.',
          });
        }
        if (!decision.accept && !decision.reasons?.trim()) {
          throw new AppError('VALIDATION_FAILED', [
            {
              path: '/body/reasons',
              message: { vi: 'Cần nêu lý do từ chối.', en: 'Give the reasons for refusing.' },
            },
          ]);
        }
        const [updated] = await trx<AccountRow>('accounts')
          .where('id', accountId)
          .update({
            status: decision.accept ? 'active' : 'refused',
            review_reasons: decision.accept ? null : decision.reasons,
            updated_at: clock.now(),
          })
          .returning('*');
        await notifications.queue(trx, {
          accountId,
          to: account.email,
          template: decision.accept ? 'organisation.accepted' : 'organisation.refused',
          locale: 'vi',
          variables: {
            organisationName: account.organisation_name ?? '',
            reasons: decision.reasons ?? '',
          },
        });
        return updated!;
      });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
