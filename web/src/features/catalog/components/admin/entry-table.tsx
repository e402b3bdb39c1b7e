import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { CatalogStatus } from '@server/modules/catalog/contract.ts';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { describeError } from '../../../../components/use-show-error.ts';
import { optionsOf } from '../../../../lib/options.ts';
import { formatDateTime } from '../../../../lib/time.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import type { CatalogEntrySummary, EntryKind } from '../../api.ts';
import { useEntries, usePublish, useWithdraw } from '../../queries.ts';
import { HistoryDrawer } from './history-drawer.tsx';
import { WithdrawModal } from './withdraw-modal.tsx';

const STATUS_COLORS: Record<CatalogStatus, string> = { draft: 'gold', published: 'green', withdrawn: 'default' };

/** The items or bundles of a center, with their state and what can be done with each. */
export function EntryTable({ kind, centerId }: { kind: EntryKind; centerId: string }) {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<CatalogStatus | undefined>();
  const entries = useEntries(kind, centerId, { q: q || undefined, status });
  const publish = usePublish();
  const withdraw = useWithdraw();
  const [history, setHistory] = useState<CatalogEntrySummary | null>(null);
  const [withdrawing, setWithdrawing] = useState<CatalogEntrySummary | null>(null);
  const path = kind === 'item' ? 'items' : 'bundles';

  const doPublish = async (e: CatalogEntrySummary) => {
    try {
      await publish.mutateAsync({ kind, id: e.id, version: e.version });
      message.success(tc.admin.published);
    } catch (error) {
      message.error(describeError(error));
    }
  };

  if (entries.isError) return <QueryError error={entries.error} onRetry={() => void entries.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search allowClear placeholder={tc.admin.search} onSearch={setQ} style={{ width: 240 }} maxLength={50} />
        <Select allowClear placeholder={tc.admin.status} value={status} onChange={setStatus} options={optionsOf(tc.statuses)} style={{ width: 140 }} />
      </Space>
      <Table<CatalogEntrySummary>
        rowKey="id"
        size="middle"
        loading={entries.isPending}
        dataSource={entries.data}
        pagination={{ showTotal: t.common.total, hideOnSinglePage: true, defaultPageSize: 20 }}
        scroll={{ x: 'max-content' }}
        data-testid={`${kind}-table`}
        columns={[
          { title: tc.admin.code, dataIndex: 'code', width: 140 },
          { title: tc.admin.name, key: 'name', render: (_, e) => <Link to={`/catalog/${path}/${e.id}`}>{e.name}</Link> },
          {
            title: tc.admin.group,
            key: 'group',
            render: (_, e) => (kind === 'item' ? tc.themes[e.group as keyof typeof tc.themes] : tc.lifeStages[e.group as keyof typeof tc.lifeStages]) ?? e.group,
          },
          { title: tc.admin.department, dataIndex: 'departmentName' },
          {
            title: tc.admin.status,
            key: 'status',
            render: (_, e) => (
              <Space size={4}>
                <Tag color={STATUS_COLORS[e.status]}>{tc.statuses[e.status]}</Tag>
                {e.publishedNumber !== null && <Typography.Text type="secondary">v{e.publishedNumber}</Typography.Text>}
                {e.hasDraft && e.status !== 'draft' && <Tag color="gold">{tc.admin.hasDraft}</Tag>}
              </Space>
            ),
          },
          { title: tc.admin.updatedAt, dataIndex: 'updatedAt', render: (at: string) => formatDateTime(at) },
          {
            title: t.common.actions,
            key: 'actions',
            fixed: 'right',
            render: (_, e) => (
              <Space size={0}>
                <Link to={`/catalog/${path}/${e.id}`}>
                  <Button type="link" size="small">
                    {tc.admin.edit}
                  </Button>
                </Link>
                {(e.hasDraft || e.status === 'withdrawn') && (
                  <Popconfirm title={tc.admin.publishConfirm} onConfirm={() => doPublish(e)}>
                    <Button type="link" size="small">
                      {e.status === 'withdrawn' && !e.hasDraft ? tc.admin.republish : tc.admin.publish}
                    </Button>
                  </Popconfirm>
                )}
                {e.status === 'published' && (
                  <Button type="link" size="small" danger onClick={() => setWithdrawing(e)}>
                    {tc.admin.withdraw}
                  </Button>
                )}
                <Button type="link" size="small" onClick={() => setHistory(e)}>
                  {tc.admin.history}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {history && <HistoryDrawer kind={kind} id={history.id} title={history.name} onClose={() => setHistory(null)} />}
      {withdrawing && (
        <WithdrawModal
          onClose={() => setWithdrawing(null)}
          onSubmit={(reason) => withdraw.mutateAsync({ kind, id: withdrawing.id, version: withdrawing.version, reason })}
        />
      )}
    </>
  );
}
