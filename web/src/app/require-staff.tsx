import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryError } from '../components/query-error.tsx';
import { meQuery } from '../features/auth/queries.ts';
import { LandingPage } from '../features/home/components/landing-page.tsx';
import { AuthProvider } from './auth-context.tsx';

export const CHANGE_PASSWORD_PATH = '/change-password';

/** Lets a signed-in staff member through; until a required password change is done, only to that page. */
export function RequireStaff() {
  const { data: me, isPending, error, refetch } = useQuery(meQuery);
  const location = useLocation();
  if (isPending) return <Spin fullscreen />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (me?.type !== 'staff') {
    // the bare address is where everyone arrives: offer both ways instead of the staff login
    if (location.pathname === '/' && me?.type !== 'enterprise') return <LandingPage />;
    if (location.pathname === '/') return <Navigate to="/portal" replace />;
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return (
    <AuthProvider me={me}>
      <Outlet />
    </AuthProvider>
  );
}
