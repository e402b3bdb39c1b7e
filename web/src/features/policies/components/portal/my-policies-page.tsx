import { Alert, App, Badge, Card, Collapse, Flex, List, Skeleton, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { describeError } from '../../../../components/use-show-error.ts';
import { formatDateTime } from '../../../../lib/time.ts';
import { tpol, yuan } from '../../../../locales/policies.zh-CN.ts';
import type { Grant, InboxEntry, PolicyApplication } from '../../api.ts';
import { useInbox, useMarkRead, useOptOut, useOwnApplications, useOwnExplanation, useOwnGrants, useSetOptOut } from '../../queries.ts';
import { ApplicationProgress } from './application-progress.tsx';

/** 我的政策: the policies pushed to the enterprise (read when opened, with why it qualifies), its 免申即享 grants and its applications. */
export function MyPoliciesPage() {
  const inbox = useInbox();
  const unread = inbox.data?.filter((e) => e.readAt === null).length ?? 0;
  return (
    <Card title={tpol.mine.title}>
      <Tabs
        items={[
          { key: 'inbox', label: <Badge count={unread} offset={[12, 0]} size="small">{tpol.mine.inbox}</Badge>, children: <InboxTab /> },
          { key: 'grants', label: tpol.mine.grants, children: <GrantsTab /> },
          { key: 'applications', label: tpol.mine.applications, children: <ApplicationsTab /> },
        ]}
      />
    </Card>
  );
}

function InboxTab() {
  const { message } = App.useApp();
  const inbox = useInbox();
  const optOut = useOptOut();
  const setOptOut = useSetOptOut();
  const markRead = useMarkRead();
  const [open, setOpen] = useState<string[]>([]);
  if (inbox.isError) return <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const onOpen = (keys: string[]) => {
    setOpen(keys);
    for (const key of keys) {
      const entry = inbox.data?.find((e) => e.id === key);
      if (entry && entry.readAt === null && !open.includes(key)) markRead.mutate(entry.id, { onError: (err) => void message.error(describeError(err)) });
    }
  };
  return (
    <Flex vertical gap="middle">
      <Space>
        <Switch
          checked={optOut.data ? !optOut.data.optedOut : true}
          loading={optOut.isPending || setOptOut.isPending}
          onChange={(on) => setOptOut.mutate(!on, { onSuccess: () => void message.success(tpol.mine.optOutSaved(on)), onError: (err) => void message.error(describeError(err)) })}
          aria-label={tpol.mine.optOut}
          data-testid="policy-opt-out"
        />
        <Typography.Text>{tpol.mine.optOut}</Typography.Text>
      </Space>
      {optOut.data?.optedOut && <Alert type="info" showIcon title={tpol.mine.optedOut} />}
      {inbox.isPending ? (
        <Skeleton active />
      ) : inbox.data.length === 0 ? (
        <Typography.Text type="secondary">{tpol.mine.emptyInbox}</Typography.Text>
      ) : (
        <Collapse
          activeKey={open}
          onChange={(keys) => onOpen(typeof keys === 'string' ? [keys] : keys)}
          data-testid="policy-inbox"
          items={inbox.data.map((e) => ({
            key: e.id,
            label: (
              <Space wrap data-testid="inbox-entry" data-policy={e.title}>
                <Typography.Text strong={e.readAt === null}>{e.title}</Typography.Text>
                <Tag color={e.mode === 'auto' ? 'green' : 'blue'}>{tpol.modes[e.mode]}</Tag>
                <Tag color={e.readAt === null ? 'red' : 'default'} data-testid="inbox-read-state">{e.readAt === null ? tpol.mine.unread : tpol.mine.read}</Tag>
              </Space>
            ),
            extra: <Typography.Text type="secondary">{formatDateTime(e.sentAt)}</Typography.Text>,
            children: <InboxEntryBody entry={e} isOpen={open.includes(e.id)} />,
          }))}
        />
      )}
    </Flex>
  );
}

function InboxEntryBody({ entry, isOpen }: { entry: InboxEntry; isOpen: boolean }) {
  const live = useOwnExplanation(entry.policyId, isOpen);
  return (
    <Flex vertical gap={8} data-testid="inbox-body">
      <Typography.Text type="secondary">{entry.issuingDepartment}</Typography.Text>
      <List size="small" header={tpol.mine.reasons} dataSource={entry.reasons} renderItem={(r) => <List.Item data-testid="inbox-reason">{r}</List.Item>} />
      {live.data && (
        <List size="small" header={tpol.mine.liveCheck} dataSource={live.data.conditions} renderItem={(c) => <List.Item data-testid="inbox-live">{c.text}</List.Item>} />
      )}
      {entry.grant && <Typography.Text>{tpol.pair(tpol.mine.grantText(entry.grant.amount), tpol.list(tpol.grants.statuses[entry.grant.status], tpol.grants.disbursements[entry.grant.disbursement]))}</Typography.Text>}
      <Link to={`/portal/policies/${entry.policyId}`}>{tpol.calculator.view}</Link>
    </Flex>
  );
}

function GrantsTab() {
  const grants = useOwnGrants();
  if (grants.isError) return <QueryError error={grants.error} onRetry={() => void grants.refetch()} />;
  return (
    <Table<Grant>
      rowKey="id"
      size="small"
      loading={grants.isPending}
      dataSource={grants.data}
      locale={{ emptyText: tpol.mine.emptyGrants }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: tpol.grants.policy, dataIndex: 'policyTitle', render: (t: string, g) => <Link to={`/portal/policies/${g.policyId}`}>{t}</Link> },
        { title: tpol.grants.amount, dataIndex: 'amount', render: (v: number, g) => <span title={g.amountBasis}>{yuan(v)}</span> },
        { title: tpol.grants.status, dataIndex: 'status', render: (s: Grant['status'], g) => (g.rejectReason ? tpol.pair(tpol.grants.statuses[s], g.rejectReason) : tpol.grants.statuses[s]) },
        { title: tpol.grants.disbursement, dataIndex: 'disbursement', render: (d: Grant['disbursement']) => tpol.grants.disbursements[d] },
      ]}
      data-testid="own-grants"
    />
  );
}

function ApplicationsTab() {
  const applications = useOwnApplications();
  if (applications.isError) return <QueryError error={applications.error} onRetry={() => void applications.refetch()} />;
  return (
    <Table<PolicyApplication>
      rowKey="id"
      size="small"
      loading={applications.isPending}
      dataSource={applications.data}
      locale={{ emptyText: tpol.mine.emptyApplications }}
      expandable={{ expandedRowRender: (a) => <ApplicationProgress applicationId={a.id} />, rowExpandable: () => true }}
      columns={[
        { title: tpol.mine.number, dataIndex: 'number' },
        { title: tpol.grants.policy, dataIndex: 'policyTitle', render: (t: string, a) => <Link to={`/portal/policies/${a.policyId}`}>{t}</Link> },
        { title: tpol.mine.state, dataIndex: 'stateLabel', render: (s: string) => <span data-testid="application-state">{s}</span> },
        { title: tpol.mine.appliedAt, dataIndex: 'appliedAt', render: (v: string) => formatDateTime(v) },
        { title: tpol.mine.dueDate, dataIndex: 'dueDate', render: (v: string | null) => v ?? '—' },
      ]}
      data-testid="own-applications"
    />
  );
}
