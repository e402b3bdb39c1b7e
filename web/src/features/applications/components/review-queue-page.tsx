import { Alert, Button, Card, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApplicationSummary, QueueEntry } from '@server/modules/applications/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';
import type { ApplicationState } from '@server/modules/applications/workflow/definition.ts';
import type { QueueScope, SearchFilter, VerificationEntry } from '../api.ts';
import { ApplicationFilters } from './application-filters.tsx';
import { useLeadDecisions, useReviewQueue, useTaskAction, useVerifications } from '../queries.ts';
import { ApplicationBadges, DueTag, StateTag } from './tags.tsx';

/** 后台审批: the department's queue coloured by due date; the chief officer's whole department; lead decisions; commitment checks. */
export function ReviewQueuePage() {
  const { can } = useAuth();
  const [tab, setTab] = useState<QueueScope | 'lead' | 'verifications'>('open');
  const [due, setDue] = useState<'warning' | 'overdue' | undefined>();
  const [search, setSearch] = useState<SearchFilter>({});
  const scopes: QueueScope[] = can('application.department') ? ['open', 'mine', 'department'] : ['open', 'mine'];
  return (
    <Card title={ta.review.title}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as typeof tab)}
        items={[
          ...scopes.map((s) => ({ key: s, label: ta.review.tabs[s] })),
          { key: 'lead', label: ta.review.tabs.lead },
          { key: 'verifications', label: ta.review.tabs.verifications },
        ]}
        tabBarExtraContent={
          tab !== 'lead' && tab !== 'verifications' ? (
            <Space>
              <ApplicationFilters value={search} onChange={setSearch} states={REVIEW_STATES} testId="queue" />
            <Select
              allowClear
              placeholder={ta.review.dueFilter}
              style={{ width: 120 }}
              value={due}
              onChange={setDue}
              options={[
                { value: 'warning', label: ta.list.dueWarning },
                { value: 'overdue', label: ta.list.dueOverdue },
              ]}
            />
            </Space>
          ) : null
        }
      />
      {tab === 'lead' ? <LeadTable /> : tab === 'verifications' ? <VerificationTable /> : <QueueTable scope={tab} due={due} search={search} />}
    </Card>
  );
}

/** The states an application in review can be in (what the queue lists). */
const REVIEW_STATES = ['in_review', 'special_procedure', 'review_supplement', 'lead_decision', 'supplement_approval'] as const satisfies ApplicationState[];

function QueueTable({ scope, due, search }: { scope: QueueScope; due?: 'warning' | 'overdue'; search: SearchFilter }) {
  const query = useReviewQueue(scope, due, search);
  const rows = query.data;
  const showError = useShowError();
  const [taking, setTaking] = useState<string | null>(null);
  const take = useTaskAction(taking ?? '');
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const overdue = query.data?.filter((e) => e.application.due.status === 'overdue').length ?? 0;
  const warning = query.data?.filter((e) => e.application.due.status === 'warning').length ?? 0;
  return (
    <>
      {(overdue > 0 || warning > 0) && <Alert type={overdue > 0 ? 'error' : 'warning'} showIcon style={{ marginBottom: 12 }} title={ta.review.alerts(overdue, warning)} data-testid="due-alert" />}
    <Table<QueueEntry>
      rowKey={(e) => e.task.id}
      size="middle"
      loading={query.isPending}
      dataSource={rows}
      locale={{ emptyText: ta.review.empty }}
      data-testid="review-queue"
      columns={[
        { title: ta.fields.number, render: (_, e) => <Link to={`/applications/${e.application.id}`}>{e.application.number}</Link> },
        { title: ta.fields.name, render: (_, e) => <>{e.application.name} <ApplicationBadges app={e.application} /></> },
        { title: ta.fields.applicant, render: (_, e) => e.application.applicantName },
        { title: ta.fields.state, render: (_, e) => <StateTag state={e.application.state} label={e.application.stateLabel} /> },
        { title: ta.tasks.task, render: (_, e) => <Tag>{ta.taskStates[e.task.state]}</Tag> },
        { title: ta.tasks.assignee, render: (_, e) => e.task.assigneeName },
        { title: ta.fields.dueDate, render: (_, e) => <DueTag due={e.application.due} dueDate={e.application.dueDate} /> },
        {
          title: '',
          render: (_, e) =>
            e.task.state === 'open' && (
              <Button
                size="small"
                loading={take.isPending && taking === e.application.id}
                onClick={() => {
                  setTaking(e.application.id);
                  take.mutateAsync({ taskId: e.task.id, path: 'take', body: { version: e.task.version } }).catch(showError);
                }}
              >
                {ta.review.take}
              </Button>
            ),
        },
      ]}
    />
    </>
  );
}

function LeadTable() {
  const query = useLeadDecisions();
  return (
    <Table<ApplicationSummary>
      rowKey="id"
      loading={query.isPending}
      dataSource={query.data}
      locale={{ emptyText: ta.review.empty }}
      columns={[
        { title: ta.fields.number, render: (_, a) => <Link to={`/applications/${a.id}`}>{a.number}</Link> },
        { title: ta.fields.name, dataIndex: 'name' },
        { title: ta.fields.department, dataIndex: 'departmentName' },
        { title: ta.fields.dueDate, render: (_, a) => <DueTag due={a.due} dueDate={a.dueDate} /> },
      ]}
    />
  );
}

function VerificationTable() {
  const query = useVerifications();
  return (
    <Table<VerificationEntry>
      rowKey={(v) => v.application.id}
      loading={query.isPending}
      dataSource={query.data}
      locale={{ emptyText: ta.review.empty }}
      columns={[
        { title: ta.fields.number, render: (_, v) => <Link to={`/applications/${v.application.id}`}>{v.application.number}</Link> },
        { title: ta.fields.name, render: (_, v) => v.application.name },
        { title: ta.fields.applicant, render: (_, v) => v.application.applicantName },
        { title: ta.fields.dueDate, render: (_, v) => <>{v.dueDate} {v.isOverdue && <Tag color="red">{ta.due.overdue}</Tag>}</> },
      ]}
    />
  );
}
