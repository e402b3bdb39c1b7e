import { Flex, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { usePortalOverview } from '../features/catalog/queries.ts';
import { GuidanceSearchBox } from '../features/guidance/components/search-box.tsx';
import { tc } from '../locales/catalog.zh-CN.ts';
import { te } from '../locales/enterprises.zh-CN.ts';
import { ta } from '../locales/applications.zh-CN.ts';
import { ty } from '../locales/appointments.zh-CN.ts';
import { tdisclosure, trating } from '../locales/evaluations.zh-CN.ts';
import { tfb } from '../locales/feedback.zh-CN.ts';
import { tpol } from '../locales/policies.zh-CN.ts';
import { tfac } from '../locales/facilities.zh-CN.ts';
import { tbr } from '../locales/briefings.zh-CN.ts';
import { tsn } from '../locales/scenarios.zh-CN.ts';
import { tast } from '../locales/assistance.zh-CN.ts';
import { tag } from '../locales/agency.zh-CN.ts';
import { tdis } from '../locales/disclosure.zh-CN.ts';
import { tcr } from '../locales/cross-region.zh-CN.ts';
import { tmenu } from '../locales/menu.zh-CN.ts';

/**
 * The public portal's frame (no login): the center's name and the guidance search box above,
 * navigation by theme, department and 一件事, the center's contacts below. Portal sections of
 * other modules add their entry to PORTAL_NAV, in the area where an enterprise looks for it, and
 * render inside this layout. The areas open as dropdowns on a click (a tap on a phone).
 */
type PortalArea = keyof typeof tmenu.portal;
export const PORTAL_NAV: { key: string; to: string; label: string; area?: PortalArea }[] = [
  { key: 'home', to: '/portal', label: tc.portal.navHome },
  { key: 'themes', to: '/portal/items', label: tc.portal.navThemes, area: 'service' },
  { key: 'departments', to: '/portal/items?by=department', label: tc.portal.navDepartments, area: 'service' },
  { key: 'bundles', to: '/portal/bundles', label: tc.portal.navBundles, area: 'service' },
  { key: 'progress', to: '/portal/progress', label: ta.menu.progress, area: 'service' },
  { key: 'my-applications', to: '/portal/my-applications', label: ta.mine.nav, area: 'mine' },
  { key: 'appointments', to: '/portal/appointments', label: ty.nav.book, area: 'service' },
  { key: 'tools', to: '/portal/tools', label: te.portal.tools, area: 'service' },
  { key: 'evaluations', to: '/portal/evaluations', label: trating.menu.portal, area: 'mine' },
  { key: 'evaluation-disclosure', to: '/portal/evaluation-disclosure', label: tdisclosure.nav, area: 'interaction' },
  { key: 'feedback', to: '/portal/feedback', label: tfb.menu.portal, area: 'interaction' },
  { key: 'improvements', to: '/portal/improvements', label: tfb.menu.publicImprovements, area: 'interaction' },
  { key: 'policies', to: '/portal/policies', label: tpol.portal.nav, area: 'policy' },
  { key: 'policy-calculator', to: '/portal/policy-calculator', label: tpol.portal.navCalculator, area: 'policy' },
  { key: 'my-policies', to: '/portal/my-policies', label: tpol.portal.navMine, area: 'mine' },
  { key: 'briefings', to: '/portal/briefings', label: tbr.portal.nav, area: 'policy' },
  { key: 'my-briefings', to: '/portal/my-briefings', label: tbr.portal.navMine, area: 'mine' },
  { key: 'video-assistance', to: '/portal/video-assistance', label: tast.portalNav, area: 'policy' },
  { key: 'agency', to: '/portal/agency', label: tag.portal.nav, area: 'policy' },
  { key: 'my-agency', to: '/portal/my-agency', label: tag.portal.navMine, area: 'mine' },
  { key: 'scenarios', to: '/portal/scenarios', label: tsn.portal.nav, area: 'policy' },
  { key: 'my-scenario-referrals', to: '/portal/my-scenario-referrals', label: tsn.portal.navMine, area: 'mine' },
  { key: 'cross-region', to: '/portal/cross-region', label: tcr.portal.nav, area: 'service' },
  { key: 'account', to: '/portal/account', label: te.portal.account, area: 'mine' },
  { key: 'center', to: '/portal/center', label: tfac.portal.nav, area: 'service' },
  { key: 'disclosure', to: '/portal/disclosure', label: tdis.nav, area: 'interaction' },
];

export function PortalLayout() {
  const overview = usePortalOverview();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const center = overview.data?.center;
  const selected = PORTAL_NAV.filter((e) => {
    const [path, query] = e.to.split('?');
    return pathname === path && (query ? params.toString().includes(query) : !params.get('by'));
  }).map((e) => e.key);
  const link = (e: (typeof PORTAL_NAV)[number]) => ({ key: e.key, label: <Link to={e.to}>{e.label}</Link> });
  const items = [
    ...PORTAL_NAV.filter((e) => !e.area).map(link),
    ...(Object.keys(tmenu.portal) as PortalArea[]).map((area) => ({
      key: `area-${area}`,
      label: <span data-testid={`portal-nav-${area}`}>{tmenu.portal[area]}</span>,
      children: PORTAL_NAV.filter((e) => e.area === area).map(link),
    })),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="portal-layout">
      <Layout.Header style={{ background: '#fff', height: 'auto', lineHeight: 'normal', padding: '12px 24px 0' }}>
        <Flex justify="space-between" align="center" wrap gap={16}>
          <Link to="/portal">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="portal-center">
              {center?.name ?? '…'}
            </Typography.Title>
            <Typography.Text type="secondary">{tc.portal.title}</Typography.Text>
          </Link>
          <GuidanceSearchBox initial={params.get('q') ?? ''} onSearch={(q) => navigate(`/portal/search?q=${encodeURIComponent(q)}`)} />
        </Flex>
        {/* the areas as click-opened dropdowns; no overflow menu (its hidden copies of the links stayed focusable: axe aria-hidden-focus) */}
        <Menu
          mode="horizontal"
          disabledOverflow
          triggerSubMenuAction="click"
          selectedKeys={selected}
          items={items}
          style={{ borderBottom: 'none', marginTop: 8, flexWrap: 'wrap' }}
        />
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        {center && (
          <Flex orientation="vertical" gap={4}>
            <Typography.Text type="secondary">{tc.portal.footerAddress(center.address)}</Typography.Text>
            <Typography.Text type="secondary">{tc.portal.footerHours(center.openingHours)}</Typography.Text>
            <Typography.Text type="secondary">{tc.portal.footerPhone(center.phone)}</Typography.Text>
          </Flex>
        )}
        <Link to="/login">{tc.portal.staffLogin}</Link>
      </Layout.Footer>
    </Layout>
  );
}
