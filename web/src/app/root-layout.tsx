import { Spin } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { DemoBanner } from '../features/demo/components/demo-banner.tsx';

/** Above every page, the login page included: the demo-data banner when the server runs a demo. */
export function RootLayout() {
  return (
    <>
      <DemoBanner />
      <Suspense fallback={<Spin fullscreen />}>
        <Outlet />
      </Suspense>
    </>
  );
}
