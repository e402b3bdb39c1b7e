import { Alert, App, Button, Card, Checkbox, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import type { CaseFilter, CaseSummary } from '../api.ts';
import { useCases } from '../queries.ts';
import { CaseIntakeModal } from './case-intake-modal.tsx';
import { CaseStateTag, DueTag, KindTag } from './case-tags.tsx';

const KINDS = ['consultation', 'help', 'suggestion', 'complaint', 'report', 'unresolved'];
const STATES = ['received', 'assigned', 'replied', 'closed', 'archived'];

/** 诉求办理: the cases this staff member answers for, nearest due date first, coloured by what is left. */
export function FeedbackInboxPage() {
  const [filter, setFilter] = useState<CaseFilter>({ page: 1, pageSize: 20, isOpen: true });
  const [isFiling, setFiling] = useState(false);
  const query = useCases(filter);
  const overdue = useCases({ page: 1, pageSize: 1, overdue: true });
  const navigate = useNavigate();
  const { message } = App.useApp();
  const change = (patch: Partial<CaseFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));

  return (
    <Flex vertical gap={16}>
      {(overdue.data?.total ?? 0) > 0 && <Alert type="error" showIcon title={tfb.inbox.alertTitle(overdue.data!.total)} data-testid="overdue-alert" />}
      <Card
        title={tfb.inbox.title}
        extra={
          <Flex gap={8} wrap align="center">
            <Select style={{ width: 120 }} value={filter.kind ?? ''} onChange={(v) => change({ kind: v || undefined })} options={[{ value: '', label: tfb.inbox.allKinds }, ...KINDS.map((k) => ({ value: k, label: tfb.kinds[k] }))]} />
            <Select style={{ width: 120 }} value={filter.state ?? ''} onChange={(v) => change({ state: v || undefined })} options={[{ value: '', label: tfb.inbox.allStates }, ...STATES.map((s) => ({ value: s, label: tfb.states[s] }))]} />
            <Input.Search style={{ width: 200 }} placeholder={tfb.inbox.search} allowClear onSearch={(q) => change({ q: q || undefined, ...(q ? { isOpen: undefined } : {}) })} data-testid="inbox-search" />
            <Checkbox checked={filter.isOpen ?? false} onChange={(e) => change({ isOpen: e.target.checked || undefined })}>
              {tfb.inbox.openOnly}
            </Checkbox>
            <Checkbox checked={filter.overdue ?? false} onChange={(e) => change({ overdue: e.target.checked || undefined })}>
              {tfb.inbox.overdueOnly}
            </Checkbox>
            <Button type="primary" onClick={() => setFiling(true)} data-testid="file-case">
              {tfb.inbox.file}
            </Button>
          </Flex>
        }
      >
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<CaseSummary>
            rowKey="id"
            size="middle"
            loading={query.isFetching}
            dataSource={query.data?.items}
            data-testid="feedback-inbox"
            pagination={{ current: filter.page, pageSize: filter.pageSize, total: query.data?.total, onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })) }}
            columns={[
              { title: tfb.fields.number, dataIndex: 'number', render: (n: string, c) => <Link to={`/feedback/${c.id}`} data-testid="case-link">{n}</Link> },
              { title: tfb.fields.kind, dataIndex: 'kind', render: (k: string, c) => (<><KindTag kind={k} />{c.isConfidential && <Tag>{tfb.fields.confidential}</Tag>}</>) },
              { title: tfb.fields.content, dataIndex: 'contentPreview' },
              { title: tfb.fields.subject, render: (_, c) => [c.departmentName, c.counterName, c.staffName].filter(Boolean).join(' / ') },
              { title: tfb.fields.handler, dataIndex: 'handlerName' },
              { title: tfb.fields.receivedAt, dataIndex: 'receivedAt', render: formatDateTime },
              { title: tfb.fields.dueOn, render: (_, c) => (<Flex vertical gap={2}><span>{c.dueOn}</span><DueTag c={c} />{c.isOverdueAlerted && <Tag color="red">{tfb.inbox.alerted}</Tag>}</Flex>) },
              { title: tfb.fields.state, dataIndex: 'state', render: (s: string) => <CaseStateTag state={s} /> },
            ]}
          />
        )}
      </Card>
      {isFiling && (
        <CaseIntakeModal
          onClose={() => setFiling(false)}
          onFiled={(r) => {
            message.success(tfb.intake.submitted(r.number));
            void navigate(`/feedback/${r.id}`);
          }}
        />
      )}
    </Flex>
  );
}
