import { App, Button, Card, Descriptions, Drawer, Flex, List, Modal, Popconfirm, Skeleton, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { describeError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tpol, yuan } from '../../../locales/policies.zh-CN.ts';
import type { Grant, MatchPage, Policy, PolicyApplication } from '../api.ts';
import { useExplanation, useGrants, useMatches, usePolicy, usePolicyAction, usePolicyApplications, usePolicyFigures, usePolicyOptions } from '../queries.ts';
import { PolicyEditor } from './policy-editor.tsx';

/**
 * A policy's page for the policy officer and the departments: what it says, its push figures
 * (matched, sent, read, applied, granted, opted out), the enterprises it matches with the reason
 * for each, the applications made for it and its 免申即享 grants; edit, publish, withdraw.
 */
export function PolicyDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message } = App.useApp();
  const policy = usePolicy(id);
  const options = usePolicyOptions();
  const action = usePolicyAction();
  const [editing, setEditing] = useState(false);
  if (policy.isError) return <QueryError error={policy.error} onRetry={() => void policy.refetch()} />;
  if (!policy.data) return <Skeleton active />;
  const p = policy.data;
  const department = options.data?.departments.find((d) => d.id === p.departmentId)?.name;
  const item = options.data?.items.find((i) => i.id === p.itemId);
  const run = (kind: 'publish' | 'withdraw') =>
    action.mutate(
      { id: p.id, action: kind, version: p.version },
      { onSuccess: () => void message.success(kind === 'publish' ? tpol.published : tpol.withdrawn), onError: (err) => void message.error(describeError(err)) },
    );
  const canEdit = can('policy.manage') && (p.status === 'draft' || p.status === 'published');
  return (
    <Flex vertical gap="middle" data-testid="policy-detail">
      <Card
        title={
          <Space>
            <Typography.Text strong data-testid="policy-detail-title">{p.title}</Typography.Text>
            <Tag color={p.mode === 'auto' ? 'green' : 'blue'}>{tpol.modes[p.mode]}</Tag>
            <Tag data-testid="policy-status">{tpol.statuses[p.status]}</Tag>
          </Space>
        }
        extra={
          <Space>
            <Link to="/policies">{tpol.back}</Link>
            {canEdit && <Button onClick={() => setEditing(true)} data-testid="policy-edit">{tpol.edit}</Button>}
            {can('policy.manage') && p.status === 'draft' && (
              <Button type="primary" loading={action.isPending} onClick={() => run('publish')} data-testid="policy-detail-publish">
                {tpol.publish}
              </Button>
            )}
            {can('policy.manage') && p.status === 'published' && (
              <Popconfirm title={tpol.withdrawConfirm} onConfirm={() => run('withdraw')}>
                <Button danger loading={action.isPending}>{tpol.withdraw}</Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={tpol.fields.issuingDepartment}>{p.issuingDepartment}</Descriptions.Item>
          <Descriptions.Item label={tpol.fields.kind}>{tpol.kinds[p.kind]}</Descriptions.Item>
          <Descriptions.Item label={tpol.fields.legalBasis}>{[p.legalBasisName, p.legalBasisNumber].filter(Boolean).join(' ')}</Descriptions.Item>
          <Descriptions.Item label={tpol.fields.validity}>{tpol.validityText(p.validFrom, p.validTo)}</Descriptions.Item>
          <Descriptions.Item label={tpol.fields.amountRule}>{p.amountText}</Descriptions.Item>
          <Descriptions.Item label={tpol.fields.department}>{department ?? tpol.fields.departmentNone}</Descriptions.Item>
          {p.mode === 'apply' && <Descriptions.Item label={tpol.fields.item}>{item ? `${item.code} ${item.name}` : tpol.fields.itemNone}</Descriptions.Item>}
        </Descriptions>
        {p.interpretation && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }} data-testid="policy-detail-interpretation">
            <Typography.Text strong>{tpol.pair(tpol.fields.interpretation, '')}</Typography.Text>
            {p.interpretation}
          </Typography.Paragraph>
        )}
      </Card>
      {p.status !== 'draft' && <FiguresCard id={p.id} />}
      {p.status !== 'draft' && (
        <Card>
          <Tabs
            items={[
              { key: 'matches', label: tpol.detail.matches, children: <MatchesTab id={p.id} /> },
              ...(p.mode === 'apply' ? [{ key: 'applications', label: tpol.detail.applications, children: <ApplicationsTab id={p.id} /> }] : []),
              ...(p.mode === 'auto' ? [{ key: 'grants', label: tpol.detail.grants, children: <GrantsTab policy={p} /> }] : []),
            ]}
          />
        </Card>
      )}
      <Drawer open={editing} onClose={() => setEditing(false)} title={`${tpol.edit} · ${p.title}`} size={880} destroyOnHidden>
        <PolicyEditor policy={p} onDone={() => setEditing(false)} />
      </Drawer>
    </Flex>
  );
}

function FiguresCard({ id }: { id: string }) {
  const figures = usePolicyFigures(id);
  if (figures.isError) return <QueryError error={figures.error} onRetry={() => void figures.refetch()} />;
  const f = figures.data;
  const keys = ['matched', 'sent', 'read', 'applied', 'granted', 'optedOut'] as const;
  return (
    <Card title={tpol.detail.figuresTitle} loading={figures.isPending} data-testid="policy-figures">
      <Flex wrap gap="large">
        {f &&
          keys.map((k) => (
            <div key={k} data-testid={`figure-${k}`}>
              <Statistic title={tpol.detail.figures[k]} value={f[k]} />
            </div>
          ))}
      </Flex>
    </Card>
  );
}

function MatchesTab({ id }: { id: string }) {
  const [page, setPage] = useState(1);
  const [uscc, setUscc] = useState<string | null>(null);
  const matches = useMatches(id, page);
  const why = useExplanation(id, uscc);
  if (matches.isError) return <QueryError error={matches.error} onRetry={() => void matches.refetch()} />;
  type Row = MatchPage['items'][number];
  return (
    <>
      <Table<Row>
        rowKey="uscc"
        size="small"
        loading={matches.isLoading}
        dataSource={matches.data?.items}
        pagination={{ current: page, pageSize: 20, total: matches.data?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: tpol.grants.enterprise, dataIndex: 'name' },
          { title: tpol.detail.uscc, dataIndex: 'uscc' },
          { title: tpol.detail.firstMatchedAt, dataIndex: 'firstMatchedAt', render: (v: string) => formatDateTime(v) },
          { title: tpol.detail.figures.sent, dataIndex: 'isPushed', render: (v: boolean) => (v ? tpol.detail.pushed : tpol.detail.notPushed) },
          { title: '', key: 'why', render: (_, r) => <Button size="small" onClick={() => setUscc(r.uscc)}>{tpol.detail.explain}</Button> },
        ]}
      />
      <Modal open={uscc !== null} footer={null} onCancel={() => setUscc(null)} title={why.data ? tpol.detail.explainTitle(why.data.name) : tpol.detail.explain}>
        {why.isError ? (
          <QueryError error={why.error} onRetry={() => void why.refetch()} />
        ) : (
          <List loading={why.isFetching} dataSource={why.data?.conditions ?? []} renderItem={(c) => <List.Item>{c.text}</List.Item>} />
        )}
      </Modal>
    </>
  );
}

function ApplicationsTab({ id }: { id: string }) {
  const { can } = useAuth();
  const applications = usePolicyApplications(id);
  if (applications.isError) return <QueryError error={applications.error} onRetry={() => void applications.refetch()} />;
  const canOpen = can('application.intake') || can('application.review') || can('application.figures');
  return (
    <Table<PolicyApplication>
      rowKey="id"
      size="small"
      loading={applications.isPending}
      dataSource={applications.data}
      locale={{ emptyText: tpol.detail.noApplications }}
      columns={[
        { title: tpol.mine.number, dataIndex: 'number', render: (n: string, a) => (canOpen ? <Link to={`/applications/${a.id}`}>{n}</Link> : n) },
        { title: tpol.grants.enterprise, dataIndex: 'enterpriseName' },
        { title: tpol.mine.state, dataIndex: 'stateLabel' },
        { title: tpol.mine.appliedAt, dataIndex: 'appliedAt', render: (v: string) => formatDateTime(v) },
        { title: tpol.mine.dueDate, dataIndex: 'dueDate', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

function GrantsTab({ policy }: { policy: Policy }) {
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const grants = useGrants({ policyId: policy.id, scope: 'all', page });
  if (grants.isError) return <QueryError error={grants.error} onRetry={() => void grants.refetch()} />;
  return (
    <>
      {can('policy.verify') && (
        <Link to={`/policy-grants?policyId=${policy.id}`} data-testid="to-verification">
          {tpol.detail.toVerification}
        </Link>
      )}
      <Table<Grant>
        rowKey="id"
        size="small"
        loading={grants.isLoading}
        dataSource={grants.data?.items}
        pagination={{ current: page, pageSize: 50, total: grants.data?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: tpol.grants.enterprise, dataIndex: 'enterpriseName' },
          { title: tpol.grants.amount, dataIndex: 'amount', render: (v: number) => yuan(v) },
          { title: tpol.grants.status, dataIndex: 'status', render: (s: Grant['status']) => tpol.grants.statuses[s] },
          { title: tpol.grants.disbursement, dataIndex: 'disbursement', render: (d: Grant['disbursement']) => tpol.grants.disbursements[d] },
        ]}
      />
    </>
  );
}
