import { Spin } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { DemoBanner } from '../features/demo/components/demo-banner.tsx';
import { usePageTitle } from './page-title.ts';

/** Above every page, the login page included: the demo-data banner when the server runs a demo. */
export function RootLayout() {
  usePageTitle();
  return (
    <>
      <DemoBanner />
      <Suspense fallback={<Spin fullscreen />}>
        <Outlet />
      </Suspense>
    </>
  );
}
