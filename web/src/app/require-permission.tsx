import { Result } from 'antd';
import { Outlet } from 'react-router';
import type { Permission } from '@server/platform/auth/roles.ts';
import { t } from '../locales/zh-CN.ts';
import { useAuth } from './auth-context.tsx';

/** A route section for those holding `permission`; the server checks again on every request. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { can } = useAuth();
  if (!can(permission)) return <Result status="403" title={t.errors.forbiddenTitle} subTitle={t.errors.forbidden} />;
  return <Outlet />;
}
