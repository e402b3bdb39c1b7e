import { Empty, Tabs } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { ta } from '../../../locales/appointments.zh-CN.ts';

/** 预约管理: the day's bookings, capacity, the 3-working-day guarantee, no-show blocks, settings. */
export function AppointmentsSection() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { me, can } = useAuth();
  if (!me.centerId) return <Empty />;
  const tabs = [
    { key: '/appointments', label: ta.staff.tabs.day },
    { key: '/appointments/capacity', label: ta.staff.tabs.capacity },
    { key: '/appointments/guarantee', label: ta.staff.tabs.guarantee },
    { key: '/appointments/blocks', label: ta.staff.tabs.blocks },
    ...(can('appointment.capacity') ? [{ key: '/appointments/settings', label: ta.staff.tabs.settings }] : []),
  ];
  return (
    <>
      <Tabs activeKey={pathname} items={tabs} onChange={(key) => void navigate(key)} />
      <Outlet />
    </>
  );
}
