import { Layout, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { t } from '../locales/zh-CN.ts';
import { useAuth } from './auth-context.tsx';
import { SideMenu } from './side-menu.tsx';
import { UserMenu } from './user-menu.tsx';

/** The signed-in frame. While a password change is pending there is no menu: that page is all there is. */
export function AppLayout() {
  const { me } = useAuth();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!me.mustChangePassword && (
        <Layout.Sider theme="light" width={208} breakpoint="lg" collapsedWidth={0}>
          <Typography.Title level={4} style={{ margin: 0, padding: '16px 24px' }}>
            {t.app.name}
          </Typography.Title>
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{ background: '#fff', paddingInline: 24, display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}
        >
          <Typography.Text strong>{t.app.title}</Typography.Text>
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
