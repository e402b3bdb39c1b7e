import { Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Role } from '@server/platform/auth/roles.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { auditActions, auditObjectTypes } from '../../../locales/audit.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import type { AuditEntry, AuditFilter } from '../api.ts';
import { useAuditSearch } from '../queries.ts';
import { AuditDetail } from './audit-detail.tsx';
import { AuditFilterForm } from './audit-filter-form.tsx';

const PAGE_SIZE = 20;

/** The audit row keeps roles as text ("a,b"); only known roles get a label. */
const isRole = (value: string): value is Role => Object.hasOwn(t.roles, value);

/** 审计日志: who did what to which object, with what outcome; newest first. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: PAGE_SIZE });
  const audit = useAuditSearch(filter);

  return (
    <Card title={t.audit.title}>
      <AuditFilterForm onSearch={(criteria) => setFilter({ ...criteria, page: 1, pageSize: filter.pageSize })} />
      {audit.isError ? (
        <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={audit.isFetching}
          dataSource={audit.data?.items}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: audit.data?.total ?? 0,
            showTotal: t.common.total,
            showSizeChanger: true,
            onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
          }}
          expandable={{
            expandedRowRender: (entry) => <AuditDetail detail={entry.detail} />,
          }}
          columns={[
            { title: t.audit.time, dataIndex: 'at', render: formatDateTime },
            {
              title: t.audit.actor,
              key: 'actor',
              render: (_, e) => (
                <Space size={4}>
                  <Tag>{t.audit.actorTypes[e.actorType]}</Tag>
                  {e.actorName}
                </Space>
              ),
            },
            {
              title: t.audit.roles,
              dataIndex: 'roles',
              render: (roles: string) =>
                roles
                  .split(',')
                  .filter(isRole)
                  .map((r) => t.roles[r])
                  .join('、'),
            },
            {
              title: t.audit.action,
              dataIndex: 'action',
              render: (action: string) => (
                <Space orientation="vertical" size={0}>
                  <span data-testid="audit-action">{auditActions[action] ?? action}</span>
                  {auditActions[action] && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{action}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t.audit.object,
              key: 'object',
              render: (_, e) =>
                e.objectType && (
                  <Space orientation="vertical" size={0}>
                    {auditObjectTypes[e.objectType] ?? e.objectType}
                    <Typography.Text type="secondary" copyable={!!e.objectId} style={{ fontSize: 12 }}>
                      {e.objectId}
                    </Typography.Text>
                  </Space>
                ),
            },
            {
              title: t.audit.outcome,
              key: 'outcome',
              render: (_, e) => (
                <Tag color={e.outcome === 'success' ? 'success' : 'error'}>
                  {t.audit.outcomes[e.outcome]} {e.status}
                </Tag>
              ),
            },
            {
              title: t.audit.requestId,
              dataIndex: 'requestId',
              render: (id: string) => (
                <Typography.Text copyable={{ text: id }} ellipsis style={{ fontSize: 12, maxWidth: 120 }}>
                  {id}
                </Typography.Text>
              ),
            },
            { title: t.audit.clientIp, dataIndex: 'clientIp' },
          ]}
        />
      )}
    </Card>
  );
}
