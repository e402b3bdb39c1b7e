import { Card, Descriptions, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { Role } from '@server/platform/auth/roles.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { formatDate, todayInShanghai } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useDueDate, useMonth } from '../../calendar/queries.ts';
import { useDepartments } from '../../staff/queries.ts';
import { useCenter } from '../../venue/queries.ts';
import { ExpiringCertificatesNotice } from '../../staff/training/components/expiring-notice.tsx';
import { TalentHomeCard } from '../../talent/components/talent-home-card.tsx';
import { MyAssistanceCard } from '../../assistance/components/my-assistance-card.tsx';
import { AgencyHomeCard } from '../../agency/components/agency-home-card.tsx';
import { MyWorkCard } from './my-work-card.tsx';

/** 工作台: who I am, where I work, and whether today is a working day. */
export function HomePage() {
  const { me, can } = useAuth();
  // the desks' own work comes first: the filing assistant's sessions, the agent's requests, the talent officer's ledger
  const isDesk = (role: Role) => me.roles.includes(role);
  const today = todayInShanghai();
  const month = useMonth(today.slice(0, 7));
  const todayInfo = month.data?.days.find((d) => d.date === today);
  // day 0 is today, so one working day later is the next working day
  const next = useDueDate({ from: today, workingDays: 1 });

  const items = [
    { key: 'name', label: t.home.name, children: me.displayName },
    {
      key: 'roles',
      label: t.home.roles,
      children: (
        <Space size={[0, 4]} wrap>
          {me.roles.map((r) => (
            <Tag key={r}>{t.roles[r]}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'center', label: t.home.center, children: me.centerId ? <CenterName id={me.centerId} /> : t.common.unassigned },
    {
      key: 'department',
      label: t.home.department,
      children: me.centerId && me.departmentId ? <DepartmentName centerId={me.centerId} id={me.departmentId} /> : t.common.unassigned,
    },
    { key: 'today', label: t.home.today, children: formatDate(today) },
    {
      key: 'status',
      label: t.home.todayStatus,
      children: todayInfo ? (
        <Space>
          <Tag color={todayInfo.isWorkingDay ? 'green' : 'orange'}>{todayInfo.isWorkingDay ? t.home.workingDay : t.home.restDay}</Tag>
          <Typography.Text type="secondary">
            {t.calendar.kindTitles[todayInfo.kind]}
            {todayInfo.name ? `（${todayInfo.name}）` : ''}
          </Typography.Text>
        </Space>
      ) : (
        <Pending isError={month.isError} />
      ),
    },
    {
      key: 'next',
      label: t.home.nextWorkingDay,
      children: next.data ? formatDate(next.data.dueDate) : <Pending isError={next.isError} />,
    },
  ];

  // managers and chief officers: their home is the command center (指挥中心)
  if (can('command_center.view')) return <Navigate to="/command-center" replace />;

  return (
    <Flex vertical gap="middle">
      {/* my own work first (the command center is the home of center managers and chief officers) */}
      {!isDesk('center_manager') && !isDesk('chief_officer') && <MyWorkCard />}
      {isDesk('talent_officer') && <TalentHomeCard />}
      {isDesk('filing_assistant') && <MyAssistanceCard />}
      {isDesk('agency_agent') && <AgencyHomeCard />}
      <Card title={t.home.greeting(me.displayName)}>
        <ExpiringCertificatesNotice />
        <Descriptions column={1} bordered items={items} styles={{ label: { width: 180 } }} />
      </Card>
    </Flex>
  );
}

function Pending({ isError }: { isError: boolean }): ReactNode {
  return isError ? <Typography.Text type="danger">{t.errors.loadFailed}</Typography.Text> : <Skeleton.Input active size="small" />;
}

function CenterName({ id }: { id: string }) {
  const { data, isError } = useCenter(id);
  return data ? data.name : <Pending isError={isError} />;
}

function DepartmentName({ centerId, id }: { centerId: string; id: string }) {
  const { data, isError } = useDepartments(centerId);
  if (!data) return <Pending isError={isError} />;
  return data.find((d) => d.id === id)?.name ?? t.common.unassigned;
}
