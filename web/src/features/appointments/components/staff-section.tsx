import { Empty, Tabs } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { ty } from '../../../locales/appointments.zh-CN.ts';

/** 预约管理: the day's bookings, capacity, the 3-working-day guarantee, no-show blocks, settings. */
export function AppointmentsSection() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { me, can } = useAuth();
  if (!me.centerId) return <Empty />;
  const tabs = [
    { key: '/appointments', label: ty.staff.tabs.day },
    { key: '/appointments/capacity', label: ty.staff.tabs.capacity },
    { key: '/appointments/guarantee', label: ty.staff.tabs.guarantee },
    { key: '/appointments/blocks', label: ty.staff.tabs.blocks },
    ...(can('appointment.capacity') ? [{ key: '/appointments/settings', label: ty.staff.tabs.settings }] : []),
  ];
  return (
    <>
      <Tabs activeKey={pathname} items={tabs} onChange={(key) => void navigate(key)} />
      <Outlet />
    </>
  );
}
