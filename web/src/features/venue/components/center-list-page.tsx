import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CenterDto } from '@server/modules/venue/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { ActiveTag } from '../../../components/active-tag.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ToggleActiveButton } from '../../../components/toggle-active-button.tsx';
import { t } from '../../../locales/zh-CN.ts';
import { useCenters, useUpdateCenter } from '../queries.ts';
import { CenterFormModal } from './center-form-modal.tsx';
import { CenterLevelTag } from './center-level-tag.tsx';

export function CenterListPage() {
  const { can } = useAuth();
  const canManage = can('org.manage');
  const centers = useCenters();
  const update = useUpdateCenter();
  const [editing, setEditing] = useState<CenterDto | 'new' | null>(null);
  const nameOf = new Map(centers.data?.map((c) => [c.id, c.name]));

  if (centers.isError) return <QueryError error={centers.error} onRetry={() => void centers.refetch()} />;

  return (
    <Card
      title={t.org.centerList}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t.org.newCenter}
          </Button>
        )
      }
    >
      <Table<CenterDto>
        rowKey="id"
        loading={centers.isPending}
        dataSource={centers.data}
        pagination={{ showTotal: t.common.total, hideOnSinglePage: true, defaultPageSize: 20 }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t.org.name, dataIndex: 'name', render: (name: string, c) => <Link to={`/org/centers/${c.id}`}>{name}</Link> },
          { title: t.org.level, key: 'level', render: (_, c) => <CenterLevelTag center={c} /> },
          {
            title: t.org.region,
            key: 'region',
            render: (_, c) => (
              <>
                {c.regionName} <Typography.Text type="secondary">{c.regionCode}</Typography.Text>
              </>
            ),
          },
          { title: t.org.parent, key: 'parent', render: (_, c) => (c.parentId ? nameOf.get(c.parentId) : null) },
          { title: t.org.address, dataIndex: 'address', ellipsis: true },
          { title: t.common.status, dataIndex: 'isActive', render: (isActive: boolean) => <ActiveTag isActive={isActive} /> },
          ...(canManage
            ? [
                {
                  title: t.common.actions,
                  key: 'actions',
                  fixed: 'right' as const,
                  render: (_: unknown, c: CenterDto) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(c)}>
                        {t.common.edit}
                      </Button>
                      <ToggleActiveButton
                        isActive={c.isActive}
                        onToggle={(isActive) => update.mutateAsync({ id: c.id, version: c.version, isActive })}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <CenterFormModal center={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
