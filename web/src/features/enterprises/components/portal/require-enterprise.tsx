import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { meQuery } from '../../../auth/queries.ts';

/** Lets a signed-in enterprise account through to its portal pages; anyone else goes to the portal login. */
export function RequireEnterprise() {
  const { data: me, isPending, error, refetch } = useQuery(meQuery);
  const location = useLocation();
  if (isPending) return <Spin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (me?.type !== 'enterprise') return <Navigate to="/portal/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <Outlet />;
}
