import { Alert, Card, Checkbox, DatePicker, Flex, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { formatDateTime, toIsoDate } from '../../../../lib/time.ts';
import { tcallback } from '../../../../locales/evaluations.zh-CN.ts';
import { useDepartments } from '../../../staff/queries.ts';
import type { CallbackFilter, CallbackSummary } from '../api.ts';
import { useCallbackAlerts, useCallbackList } from '../queries.ts';
import { CallbackStateTag, LevelTag, OverdueTag } from './callback-tags.tsx';

const STATES = ['open', 'contacted', 'verified', 'rectifying', 'closed'] as const;

/** 差评回访 (9.1.2): the callbacks the staff member answers for, the overdue alerts on top. */
export function CallbackListPage() {
  const { me, can } = useAuth();
  // a link may open the list filtered (the command center's callback rate: ?state=open&from=&to=)
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<CallbackFilter>(() => ({
    page: 1,
    pageSize: 20,
    ...(params.get('state') ? { state: params.get('state')! } : {}),
    ...(params.get('from') && params.get('to') ? { from: params.get('from')!, to: params.get('to')! } : {}),
  }));
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null);
  const query = useCallbackList(filter);
  const alerts = useCallbackAlerts();
  const isCenterWide = can('evaluation.callback_all');
  const departments = useDepartments(isCenterWide ? me.centerId : null);
  const change = (patch: Partial<CallbackFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));

  return (
    <Flex vertical gap={16}>
      {alerts.data && alerts.data.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="callback-alerts"
          title={tcallback.alerts.title(alerts.data.length)}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {alerts.data.map((a) => (
                <li key={a.id}>
                  <Link to={`/callbacks/${a.id}`}>{tcallback.alerts.item(a.departmentName ?? '', a.itemName, a.overdue ? (tcallback.overdue[a.overdue] ?? '') : '')}</Link>
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Card
        title={tcallback.title}
        extra={
          <Flex gap={8} wrap align="center">
            <Select
              style={{ width: 140 }}
              value={filter.state ?? ''}
              onChange={(v) => change({ state: v || undefined })}
              options={[{ value: '', label: tcallback.filters.allStates }, ...STATES.map((s) => ({ value: s, label: tcallback.states[s] }))]}
              data-testid="callback-state-filter"
            />
            {isCenterWide && (
              <Select
                style={{ width: 200 }}
                value={filter.departmentId ?? ''}
                onChange={(v) => change({ departmentId: v || undefined })}
                options={[{ value: '', label: tcallback.filters.allDepartments }, ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))]}
                showSearch={{ optionFilterProp: 'label' }}
              />
            )}
            <DatePicker.RangePicker
              value={range}
              placeholder={[tcallback.filters.period, tcallback.filters.period]}
              onChange={(v) => {
                setRange(v);
                change({ from: v?.[0] ? toIsoDate(v[0]) : undefined, to: v?.[1] ? toIsoDate(v[1]) : undefined });
              }}
            />
            <Checkbox checked={filter.overdue ?? false} onChange={(e) => change({ overdue: e.target.checked || undefined })}>
              {tcallback.filters.overdueOnly}
            </Checkbox>
          </Flex>
        }
      >
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <Table<CallbackSummary>
            rowKey="id"
            loading={query.isPending}
            dataSource={query.data?.items}
            locale={{ emptyText: tcallback.empty }}
            data-testid="callback-list"
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: query.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (page) => setFilter((f) => ({ ...f, page })),
            }}
            columns={[
              { title: tcallback.fields.ratedAt, render: (_, c) => formatDateTime(c.rating.ratedAt) },
              { title: tcallback.fields.item, render: (_, c) => c.rating.itemName },
              { title: tcallback.fields.level, render: (_, c) => <LevelTag level={c.rating.level} /> },
              { title: tcallback.fields.department, render: (_, c) => c.departmentName ?? '' },
              { title: tcallback.fields.counter, render: (_, c) => c.counterName ?? '' },
              {
                title: tcallback.fields.state,
                render: (_, c) => (
                  <>
                    <CallbackStateTag state={c.state} />
                    <OverdueTag overdue={c.overdue} />
                    {c.rating.excludedAt && <Tag>{tcallback.excluded}</Tag>}
                  </>
                ),
              },
              { title: tcallback.fields.contactDueOn, dataIndex: 'contactDueOn' },
              { title: tcallback.fields.finishDueOn, dataIndex: 'finishDueOn' },
              { title: tcallback.fields.assignee, render: (_, c) => c.assigneeName ?? '' },
              { title: '', render: (_, c) => <Link to={`/callbacks/${c.id}`} data-testid="callback-detail-link">{tcallback.detail}</Link> },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
