import {
  DashboardOutlined,
  CloudUploadOutlined,
  VideoCameraOutlined,
  GiftOutlined,
  ReadOutlined,
  ApartmentOutlined,
  AlertOutlined,
  ExperimentOutlined,
  QuestionCircleOutlined,
  AreaChartOutlined,
  AuditOutlined,
  AuditOutlined as ReviewOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CompassOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  FieldTimeOutlined,
  ExceptionOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FormOutlined,
  FundOutlined,
  IssuesCloseOutlined,
  MessageOutlined,
  RiseOutlined,
  HomeOutlined,
  LikeOutlined,
  MoneyCollectOutlined,
  IdcardOutlined,
  NotificationOutlined,
  PhoneOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ProfileOutlined,
  SendOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  ProjectOutlined,
  UnorderedListOutlined,
  AppstoreAddOutlined,
} from '@ant-design/icons';
import { tast } from '../locales/assistance.zh-CN.ts';
import { Badge, Menu } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Permission } from '@server/platform/auth/roles.ts';
import { ta } from '../locales/applications.zh-CN.ts';
import { tol } from '../locales/online-applying.zh-CN.ts';
import { tpol } from '../locales/policies.zh-CN.ts';
import { tag } from '../locales/agency.zh-CN.ts';
import { ty } from '../locales/appointments.zh-CN.ts';
import { tc } from '../locales/catalog.zh-CN.ts';
import { te } from '../locales/enterprises.zh-CN.ts';
import { tl } from '../locales/licenses.zh-CN.ts';
import { tj } from '../locales/jobs.zh-CN.ts';
import { tappeal, tcallback, tfigures, trating, tsettings } from '../locales/evaluations.zh-CN.ts';
import { tq } from '../locales/queue.zh-CN.ts';
import { tfb } from '../locales/feedback.zh-CN.ts';
import { tas, tsv } from '../locales/surveys.zh-CN.ts';
import { tfac } from '../locales/facilities.zh-CN.ts';
import { tpt } from '../locales/points.zh-CN.ts';
import { tbr } from '../locales/briefings.zh-CN.ts';
import { ttal } from '../locales/talent.zh-CN.ts';
import { tsn } from '../locales/scenarios.zh-CN.ts';
import { CrownOutlined, PieChartOutlined } from '@ant-design/icons';
import { GlobalOutlined } from '@ant-design/icons';
import { tcr } from '../locales/cross-region.zh-CN.ts';
import { useIsDesk, useViolationNotice } from '../features/feedback/queries.ts';
import { ttr } from '../locales/training.zh-CN.ts';
import { ttl } from '../locales/time-limits.zh-CN.ts';
import { useTimeLimitNoticeCount } from '../features/applications/time-limits/queries.ts';
import { t } from '../locales/zh-CN.ts';
import { tmenu } from '../locales/menu.zh-CN.ts';
import { tcc } from '../locales/command-center.zh-CN.ts';
import { useAuth } from './auth-context.tsx';

type Entry = {
  path: string;
  icon: ReactNode;
  label: (can: (p: Permission) => boolean) => string;
  /** shown only to holders; entries without one are for everyone */
  permission?: Permission;
  /** the 办不成事 desk: only for the center's managers and the clerk of an `unresolved` counter */
  isDeskOnly?: boolean;
  /** shows the manager's notice: first-inquiry violations flagged to them and not yet handled */
  hasViolationNotice?: boolean;
  /** shows the undecided applications whose time limit was raised to me */
  hasTimeLimitNotice?: boolean;
};

const HOME: Entry = { path: '/', icon: <HomeOutlined />, label: () => t.menu.home };
/** the home of managers and chief officers, beside 首页 (which leads there for them) */
const COMMAND_CENTER: Entry = { path: '/command-center', icon: <DashboardOutlined />, label: () => tcc.menu, permission: 'command_center.view' };

type GroupKey = keyof typeof tmenu.groups;

/** The areas, in the order a user looks for them; an entry sits in the one area where its user expects it. */
const GROUPS: { key: GroupKey; icon: ReactNode; entries: Entry[] }[] = [
  {
    key: 'front',
    icon: <CustomerServiceOutlined />,
    entries: [
      { path: '/workbench', icon: <NotificationOutlined />, label: () => tq.menu.workbench, permission: 'queue.serve' },
      { path: '/reception', icon: <FormOutlined />, label: () => tq.menu.reception, permission: 'queue.issue' },
      { path: '/appointments', icon: <ScheduleOutlined />, label: () => ty.menu.appointments, permission: 'appointment.view' },
      { path: '/guidance', icon: <CompassOutlined />, label: () => tc.menu.guidance, permission: 'org.read' },
      { path: '/queue-figures', icon: <BarChartOutlined />, label: () => tq.menu.figures, permission: 'queue.figures' },
      { path: '/queue-settings', icon: <ControlOutlined />, label: () => tq.menu.settings, permission: 'queue.manage' },
      { path: '/facilities', icon: <ToolOutlined />, label: () => tfac.menu, permission: 'facility.report' },
    ],
  },
  {
    key: 'approval',
    icon: <FileDoneOutlined />,
    entries: [
      { path: '/applications', icon: <FileDoneOutlined />, label: () => ta.menu.applications, permission: 'application.intake' },
      { path: '/online-review', icon: <CloudUploadOutlined />, label: () => tol.review.menu, permission: 'application.intake' },
      { path: '/review', icon: <ReviewOutlined />, label: () => ta.menu.review, permission: 'application.review' },
      { path: '/deliveries', icon: <SendOutlined />, label: () => ta.menu.deliveries, permission: 'application.deliver' },
      { path: '/time-limits', icon: <FieldTimeOutlined />, label: () => ttl.menu, permission: 'time_limit.view', hasTimeLimitNotice: true },
      { path: '/cross-region', icon: <GlobalOutlined />, label: () => tcr.menu, permission: 'application.intake' },
      { path: '/application-figures', icon: <AreaChartOutlined />, label: () => ta.menu.figures, permission: 'application.figures' },
    ],
  },
  {
    key: 'supervision',
    icon: <LikeOutlined />,
    entries: [
      { path: '/phone-ratings', icon: <PhoneOutlined />, label: () => trating.menu.phone, permission: 'evaluation.enter' },
      { path: '/callbacks', icon: <CustomerServiceOutlined />, label: () => tcallback.menu, permission: 'evaluation.callback' },
      { path: '/appeals', icon: <ExceptionOutlined />, label: () => tappeal.menu.appeal, permission: 'evaluation.appeal' },
      { path: '/appeal-review', icon: <SolutionOutlined />, label: () => tappeal.menu.review, permission: 'evaluation.decide_appeal' },
      { path: '/evaluation-figures', icon: <LikeOutlined />, label: () => tfigures.menu, permission: 'evaluation.figures' },
      { path: '/evaluation-settings', icon: <ControlOutlined />, label: () => tsettings.menu, permission: 'evaluation.manage' },
      { path: '/feedback', icon: <MessageOutlined />, label: () => tfb.menu.inbox, permission: 'feedback.handle' },
      { path: '/unresolved-desk', icon: <IssuesCloseOutlined />, label: () => tfb.menu.unresolved, permission: 'feedback.unresolved', isDeskOnly: true },
      { path: '/inquiries', icon: <QuestionCircleOutlined />, label: () => tfb.menu.inquiries, permission: 'inquiry.record' },
      { path: '/inquiry-violations', icon: <AlertOutlined />, label: () => tfb.menu.violations, permission: 'inquiry.violations', hasViolationNotice: true },
      { path: '/feedback-figures', icon: <FundOutlined />, label: () => tfb.menu.figures, permission: 'feedback.figures' },
      { path: '/improvements', icon: <RiseOutlined />, label: () => tfb.menu.improvements, permission: 'feedback.handle' },
      { path: '/experience', icon: <ExperimentOutlined />, label: () => tfb.menu.experience, permission: 'experience.manage' },
      { path: '/surveys', icon: <ProfileOutlined />, label: () => tsv.menu, permission: 'survey.read' },
      { path: '/assessments', icon: <FileSearchOutlined />, label: () => tas.menu, permission: 'assessment.read' },
    ],
  },
  {
    key: 'enterprise',
    icon: <ShopOutlined />,
    entries: [
      { path: '/enterprises', icon: <ShopOutlined />, label: () => te.menu.enterprises, permission: 'enterprise.read' },
      { path: '/people', icon: <IdcardOutlined />, label: () => te.menu.people, permission: 'enterprise.read' },
      { path: '/license-redeem', icon: <QrcodeOutlined />, label: () => tl.menu.redeem, permission: 'license.redeem' },
      { path: '/licenses', icon: <SafetyCertificateOutlined />, label: () => tl.menu.library, permission: 'license.manage' },
      { path: '/policies', icon: <GiftOutlined />, label: () => tpol.menu, permission: 'policy.read' },
      { path: '/policy-grants', icon: <MoneyCollectOutlined />, label: () => tpol.menuGrants, permission: 'policy.verify' },
      { path: '/assistance', icon: <VideoCameraOutlined />, label: () => tast.menu, permission: 'assistance.record' },
      { path: '/agency', icon: <SolutionOutlined />, label: () => tag.menu.requests, permission: 'agency.handle' },
      { path: '/agency-projects', icon: <ProjectOutlined />, label: () => tag.menu.projects, permission: 'agency.handle' },
      { path: '/agency-items', icon: <UnorderedListOutlined />, label: () => tag.menu.items, permission: 'agency.handle' },
      { path: '/agency-figures', icon: <BarChartOutlined />, label: () => tag.menu.figures, permission: 'agency.handle' },
      { path: '/talent', icon: <CrownOutlined />, label: () => ttal.menu, permission: 'talent.manage' },
      { path: '/talent-figures', icon: <PieChartOutlined />, label: () => ttal.menuFigures, permission: 'talent.figures' },
      { path: '/briefings', icon: <ReadOutlined />, label: () => tbr.menu, permission: 'briefing.check_in' },
      { path: '/scenarios', icon: <AppstoreAddOutlined />, label: () => tsn.menu, permission: 'scenario.manage' },
    ],
  },
  {
    key: 'center',
    icon: <ControlOutlined />,
    entries: [
      { path: '/org', icon: <ApartmentOutlined />, label: (can) => (can('org.manage') ? t.menu.orgManage : t.menu.orgDirectory), permission: 'org.read' },
      { path: '/staff', icon: <TeamOutlined />, label: () => t.menu.staff, permission: 'staff.read' },
      { path: '/calendar', icon: <CalendarOutlined />, label: () => t.menu.calendar },
      { path: '/catalog', icon: <BookOutlined />, label: () => tc.menu.catalog, permission: 'catalog.manage' },
      { path: '/training', icon: <SafetyCertificateOutlined />, label: () => ttr.menu, permission: 'training.read' },
      { path: '/service-points', icon: <ApartmentOutlined />, label: () => tpt.menu, permission: 'point.manage' },
      { path: '/jobs', icon: <FieldTimeOutlined />, label: () => tj.menu, permission: 'job.manage' },
      { path: '/audit', icon: <AuditOutlined />, label: () => t.menu.audit, permission: 'audit.read' },
    ],
  },
];

/** The groups the user closed, remembered in this browser; every group is open until closed, so every entry is in sight, and the current page's group cannot be closed. */
const CLOSED_KEY = 'banshi.side-menu.closed';
function readClosed(): GroupKey[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(CLOSED_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((k): k is GroupKey => typeof k === 'string' && k in tmenu.groups) : [];
  } catch {
    return [];
  }
}

export function SideMenu() {
  const { can } = useAuth();
  const { pathname } = useLocation();
  const selected = `/${pathname.split('/')[1] ?? ''}`;
  const desk = useIsDesk(can('feedback.unresolved') && !can('feedback.handle_all'));
  const isDesk = can('feedback.handle_all') || desk.data?.isDesk === true;
  const notice = useViolationNotice(can('inquiry.violations'));
  const timeLimits = useTimeLimitNoticeCount(can('time_limit.view'));
  // the current page's group is always open; the others stay as the user left them
  const current = GROUPS.find((g) => g.entries.some((e) => e.path === selected))?.key;
  const [closed, setClosed] = useState<GroupKey[]>(readClosed);
  const remember = (next: GroupKey[]) => {
    setClosed(next);
    localStorage.setItem(CLOSED_KEY, JSON.stringify(next));
  };
  const isClosed = (k: GroupKey) => k !== current && closed.includes(k);
  const isShown = (e: Entry) => (!e.permission || can(e.permission)) && (!e.isDeskOnly || isDesk);
  const badgeOf = (e: Entry) => (e.hasViolationNotice ? (notice.data?.open ?? 0) : 0) + (e.hasTimeLimitNotice ? (timeLimits.data?.open ?? 0) : 0);
  const entry = (e: Entry) => ({
    key: e.path,
    icon: e.icon,
    label: (
      <Link to={e.path} data-testid={`menu-${e.path.slice(1) || 'home'}`}>
        {e.label(can)}
        {e.hasViolationNotice && (notice.data?.open ?? 0) > 0 && <Badge count={notice.data!.open} size="small" offset={[6, -2]} data-testid="violation-badge" />}
        {e.hasTimeLimitNotice && (timeLimits.data?.open ?? 0) > 0 && <Badge count={timeLimits.data!.open} size="small" offset={[6, -2]} data-testid="time-limit-badge" />}
      </Link>
    ),
  });
  const groups = GROUPS.map((g) => ({ ...g, entries: g.entries.filter(isShown) })).filter((g) => g.entries.length > 0);
  const items = [
    entry(HOME),
    ...(isShown(COMMAND_CENTER) ? [entry(COMMAND_CENTER)] : []),
    ...groups.map((g) => {
      const sum = g.entries.reduce((n, e) => n + badgeOf(e), 0);
      return {
        key: g.key,
        icon: g.icon,
        label: (
          <span data-testid={`menu-group-${g.key}`}>
            {tmenu.groups[g.key]}
            {isClosed(g.key) && sum > 0 && <Badge count={sum} size="small" offset={[6, -2]} title={tmenu.groupBadge(sum)} data-testid={`menu-group-badge-${g.key}`} />}
          </span>
        ),
        children: g.entries.map(entry),
      };
    }),
  ];
  const openKeys = groups.map((g) => g.key).filter((k) => !isClosed(k));
  const onOpenChange = (keys: string[]) => remember(groups.map((g) => g.key).filter((k) => k !== current && !keys.includes(k)));
  return (
    <nav data-testid="side-menu">
      <Menu mode="inline" selectedKeys={[selected]} openKeys={openKeys} onOpenChange={onOpenChange} items={items} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );
}
