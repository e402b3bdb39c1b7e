import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Permission } from '@server/platform/auth/roles.ts';
import type { StaffMe } from '../features/auth/api.ts';

type Auth = { me: StaffMe; can: (permission: Permission) => boolean };

const AuthContext = createContext<Auth | null>(null);

/** Provided by the route guard, so every page below it has a signed-in staff member. */
export function AuthProvider({ me, children }: { me: StaffMe; children: ReactNode }) {
  const value = useMemo<Auth>(() => {
    const granted = new Set<Permission>(me.permissions);
    return { me, can: (permission) => granted.has(permission) };
  }, [me]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth is used outside the signed-in part of the app');
  return auth;
}
