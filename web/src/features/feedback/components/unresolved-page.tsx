import { App, Button, Card, Col, Flex, Row, Segmented, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime, todayInShanghai } from '../../../lib/time.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import type { Ledger } from '../api.ts';
import { useLedger } from '../queries.ts';
import { CaseIntakeModal } from './case-intake-modal.tsx';
import { CaseStateTag, DueTag } from './case-tags.tsx';
import { defaultPeriod, PeriodPicker } from './period-picker.tsx';

type Group = Ledger['figures']['total'];

/** 办不成事台账 (9.2): every matter with its coordination tasks until solved or explained; figures by cause and department. */
export function UnresolvedPage() {
  const [period, setPeriod] = useState(defaultPeriod(todayInShanghai()));
  const [state, setState] = useState<'' | 'open' | 'closed'>('');
  const [isFiling, setFiling] = useState(false);
  const query = useLedger({ ...period, state: state || undefined });
  const navigate = useNavigate();
  const { message } = App.useApp();
  const total = query.data?.figures.total;
  const groupColumns = [
    { title: '', dataIndex: 'label' },
    { title: tfb.unresolved.matters, dataIndex: 'matters' },
    { title: tfb.unresolved.solved, dataIndex: 'solved' },
    { title: tfb.unresolved.explained, dataIndex: 'explained' },
    { title: tfb.unresolved.open, dataIndex: 'open' },
    { title: tfb.unresolved.solvedShare, dataIndex: 'solvedShare', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
    { title: tfb.unresolved.days, dataIndex: 'averageDaysToSolve', render: (v: number | null) => v ?? '—' },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={tfb.unresolved.title}
        extra={
          <Flex gap={8} wrap align="center">
            <PeriodPicker value={period} onChange={setPeriod} />
            <Segmented
              value={state}
              onChange={(v) => setState(v as typeof state)}
              options={[
                { value: '', label: tfb.unresolved.allStates },
                { value: 'open', label: tfb.unresolved.openOnly },
                { value: 'closed', label: tfb.unresolved.closedOnly },
              ]}
            />
            <Button type="primary" onClick={() => setFiling(true)} data-testid="file-unresolved">
              {tfb.unresolved.add}
            </Button>
          </Flex>
        }
      >
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            loading={query.isFetching}
            dataSource={query.data?.items}
            data-testid="unresolved-ledger"
            columns={[
              { title: tfb.fields.number, dataIndex: 'number', render: (n: string, c) => <Link to={`/feedback/${c.id}`}>{n}</Link> },
              { title: tfb.fields.cause, dataIndex: 'cause', render: (v: string | null) => (v ? tfb.causes[v] : '') },
              { title: tfb.fields.content, dataIndex: 'contentPreview' },
              { title: tfb.fields.tasks, render: (_, c) => c.tasks.map((t) => <Tag key={t.id} color={t.answeredAt ? 'green' : t.isOverdue ? 'red' : 'orange'}>{t.departmentName}</Tag>) },
              { title: tfb.fields.receivedAt, dataIndex: 'receivedAt', render: formatDateTime },
              { title: tfb.fields.dueOn, render: (_, c) => <DueTag c={c} /> },
              { title: tfb.fields.outcome, render: (_, c) => (c.outcome ? `${tfb.outcomes[c.outcome]}${c.isConfirmedByEnterprise ? `（${tfb.detail.confirmed}）` : ''}` : '') },
              { title: tfb.fields.state, dataIndex: 'state', render: (s: string) => <CaseStateTag state={s} /> },
            ]}
          />
        )}
      </Card>
      {total && (
        <Card title={tfb.unresolved.figures} data-testid="unresolved-figures">
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}><Statistic title={tfb.unresolved.matters} value={total.matters} /></Col>
            <Col span={6}><Statistic title={tfb.unresolved.solved} value={total.solved} /></Col>
            <Col span={6}><Statistic title={tfb.unresolved.solvedShare} value={total.solvedShare ?? '—'} suffix={total.solvedShare === null ? '' : '%'} /></Col>
            <Col span={6}><Statistic title={tfb.unresolved.days} value={total.averageDaysToSolve ?? '—'} /></Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Table<Group> title={() => tfb.unresolved.byCause} rowKey="key" size="small" pagination={false} dataSource={query.data?.figures.byCause} columns={groupColumns} />
            </Col>
            <Col span={12}>
              <Table<Group> title={() => tfb.unresolved.byDepartment} rowKey="key" size="small" pagination={false} dataSource={query.data?.figures.byDepartment} columns={groupColumns} />
            </Col>
          </Row>
        </Card>
      )}
      {isFiling && (
        <CaseIntakeModal
          kind="unresolved"
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
