import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApplicationSummary } from '@server/modules/applications/contract.ts';
import { APPLICATION_STATES } from '@server/modules/applications/workflow/definition.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';
import type { SearchFilter } from '../api.ts';
import { useApplications } from '../queries.ts';
import { ApplicationFilters } from './application-filters.tsx';
import { ApplicationBadges, DueTag, StateTag } from './tags.tsx';

/** 办件: the center's applications, newest first, by state, due colour or a search. */
export function ApplicationListPage() {
  const { can } = useAuth();
  const [search, setSearch] = useState<SearchFilter>({});
  const [due, setDue] = useState<'warning' | 'overdue' | undefined>();
  const [page, setPage] = useState(1);
  const list = useApplications({ ...search, due, page, pageSize: 20 });
  return (
    <Card
      title={ta.list.title}
      extra={
        can('application.intake') && (
          <Link to="/applications/new">
            <Button type="primary" data-testid="new-intake">
              {ta.list.newIntake}
            </Button>
          </Link>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <ApplicationFilters value={search} onChange={(f) => (setSearch(f), setPage(1))} states={APPLICATION_STATES} testId="application" />
        <Select
          allowClear
          placeholder={ta.list.due}
          style={{ width: 140 }}
          value={due}
          onChange={(v) => (setDue(v), setPage(1))}
          options={[
            { value: 'warning', label: ta.list.dueWarning },
            { value: 'overdue', label: ta.list.dueOverdue },
          ]}
        />
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<ApplicationSummary>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data?.items}
          locale={{ emptyText: ta.list.empty }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: ta.fields.number, dataIndex: 'number', render: (n: string, a) => <Link to={`/applications/${a.id}`} style={{ whiteSpace: 'nowrap' }}>{n}</Link> },
            {
              title: ta.fields.name,
              render: (_, a) => (
                <Flex vertical gap={2}>
                  <span>{a.name}</span>
                  <ApplicationBadges app={a} />
                </Flex>
              ),
            },
            { title: ta.fields.applicant, dataIndex: 'applicantName' },
            { title: ta.fields.department, dataIndex: 'departmentName' },
            { title: ta.fields.state, render: (_, a) => <StateTag state={a.state} label={a.stateLabel} /> },
            { title: ta.fields.receivedAt, render: (_, a) => <Typography.Text type="secondary">{formatDateTime(a.receivedAt)}</Typography.Text> },
            { title: ta.fields.dueDate, width: 170, render: (_, a) => <DueTag due={a.due} dueDate={a.dueDate} /> },
          ]}
        />
      )}
    </Card>
  );
}
