import { Tabs } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { t } from '../../../locales/zh-CN.ts';

const TABS = [
  { key: '/org/centers', label: t.org.centersTab },
  { key: '/org/regions', label: t.org.regionsTab },
];

/** 机构管理 / 机构目录: centers and the regions they belong to. */
export function OrgSection() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <Tabs activeKey={pathname} items={TABS} onChange={(key) => void navigate(key)} />
      <Outlet />
    </>
  );
}
