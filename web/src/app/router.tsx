import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RequirePermission } from './require-permission.tsx';
import { CHANGE_PASSWORD_PATH, RequireStaff } from './require-staff.tsx';
import { RootLayout } from './root-layout.tsx';

/** Each section is its own chunk, loaded when first visited. */
function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = lazyPage(() => import('../features/auth/components/login-page.tsx'), 'LoginPage');
const ChangePasswordPage = lazyPage(() => import('../features/auth/components/change-password-page.tsx'), 'ChangePasswordPage');
const HomePage = lazyPage(() => import('../features/home/components/home-page.tsx'), 'HomePage');
const OrgSection = lazyPage(() => import('../features/venue/components/org-section.tsx'), 'OrgSection');
const CenterListPage = lazyPage(() => import('../features/venue/components/center-list-page.tsx'), 'CenterListPage');
const CenterDetailPage = lazyPage(() => import('../features/venue/components/center-detail-page.tsx'), 'CenterDetailPage');
const RegionsPage = lazyPage(() => import('../features/venue/components/regions-page.tsx'), 'RegionsPage');
const StaffPage = lazyPage(() => import('../features/staff/components/staff-page.tsx'), 'StaffPage');
const CalendarPage = lazyPage(() => import('../features/calendar/components/calendar-page.tsx'), 'CalendarPage');
const AuditPage = lazyPage(() => import('../features/audit/components/audit-page.tsx'), 'AuditPage');

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireStaff />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
              {
                path: 'org',
                element: <RequirePermission permission="org.read" />,
                children: [
                  {
                    element: <OrgSection />,
                    children: [
                      { index: true, element: <Navigate to="centers" replace /> },
                      { path: 'centers', element: <CenterListPage /> },
                      { path: 'regions', element: <RegionsPage /> },
                    ],
                  },
                  { path: 'centers/:centerId', element: <CenterDetailPage /> },
                ],
              },
              {
                path: 'staff',
                element: <RequirePermission permission="staff.read" />,
                children: [{ index: true, element: <StaffPage /> }],
              },
              { path: 'calendar', element: <CalendarPage /> },
              {
                path: 'audit',
                element: <RequirePermission permission="audit.read" />,
                children: [{ index: true, element: <AuditPage /> }],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
