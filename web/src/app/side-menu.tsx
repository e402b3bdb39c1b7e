import { ApartmentOutlined, AuditOutlined, CalendarOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Permission } from '@server/platform/auth/roles.ts';
import { t } from '../locales/zh-CN.ts';
import { useAuth } from './auth-context.tsx';

type Entry = {
  path: string;
  icon: ReactNode;
  label: (can: (p: Permission) => boolean) => string;
  /** shown only to holders; entries without one are for everyone */
  permission?: Permission;
};

const ENTRIES: Entry[] = [
  { path: '/', icon: <HomeOutlined />, label: () => t.menu.home },
  {
    path: '/org',
    icon: <ApartmentOutlined />,
    label: (can) => (can('org.manage') ? t.menu.orgManage : t.menu.orgDirectory),
    permission: 'org.read',
  },
  { path: '/staff', icon: <TeamOutlined />, label: () => t.menu.staff, permission: 'staff.read' },
  { path: '/calendar', icon: <CalendarOutlined />, label: () => t.menu.calendar },
  { path: '/audit', icon: <AuditOutlined />, label: () => t.menu.audit, permission: 'audit.read' },
];

export function SideMenu() {
  const { can } = useAuth();
  const { pathname } = useLocation();
  const selected = `/${pathname.split('/')[1] ?? ''}`;
  const items = ENTRIES.filter((e) => !e.permission || can(e.permission)).map((e) => ({
    key: e.path,
    icon: e.icon,
    label: (
      <Link to={e.path} data-testid={`menu-${e.path.slice(1) || 'home'}`}>
        {e.label(can)}
      </Link>
    ),
  }));
  return (
    <nav data-testid="side-menu">
      <Menu mode="inline" selectedKeys={[selected]} items={items} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );
}
