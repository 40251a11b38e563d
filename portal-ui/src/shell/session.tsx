// Who is signed in, read once from GET /me and refreshed after sign-in or
// sign-out. Pages ask `useSession()`; routes declare who may see them.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from './api';

export interface Account {
  id: string;
  kind: 'citizen' | 'organisation' | 'staff';
  email: string;
  status: string;
  fullName: string;
  citizenId: string | null;
  phone: string | null;
  address: string | null;
  organisationName: string | null;
  taxCode: string | null;
  representative: string | null;
  agencyId: string | null;
  unitIds: string[];
  roles: string[];
}

interface SessionValue {
  account: Account | null;
  loading: boolean;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      setAccount(await api.get<Account>('/me'));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
      setAccount(null);
    } finally {
      setLoading(false);
    }
  }, []);

  const signOut = useCallback(async () => {
    await api.post('/auth/logout');
    setAccount(null);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <SessionContext.Provider value={{ account, loading, refresh, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function isApplicant(account: Account | null): boolean {
  return account?.kind === 'citizen' || account?.kind === 'organisation';
}

export function hasRole(account: Account | null, ...roles: string[]): boolean {
  return !!account && account.roles.some((role) => roles.includes(role));
}
