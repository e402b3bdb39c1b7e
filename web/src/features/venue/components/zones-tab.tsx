import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { ZoneDto, ZoneKind } from '@server/modules/venue/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { ActiveTag } from '../../../components/active-tag.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ToggleActiveButton } from '../../../components/toggle-active-button.tsx';
import { optionsOf } from '../../../lib/options.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useCreateZone, useUpdateZone, useZones } from '../queries.ts';

type Values = { kind: ZoneKind; name: string; floor: string };

/** The center's service zones (clause 4.1). */
export function ZonesTab({ centerId }: { centerId: string }) {
  const canManage = useAuth().can('org.manage');
  const zones = useZones(centerId);
  const create = useCreateZone(centerId);
  const update = useUpdateZone(centerId);
  const [editing, setEditing] = useState<ZoneDto | 'new' | null>(null);

  if (zones.isError) return <QueryError error={zones.error} onRetry={() => void zones.refetch()} />;
  const row = editing === 'new' ? null : editing;

  return (
    <>
      {canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 16 }}>
          {t.org.newZone}
        </Button>
      )}
      <Table<ZoneDto>
        rowKey="id"
        loading={zones.isPending}
        dataSource={zones.data}
        pagination={false}
        columns={[
          { title: t.org.zoneKind, dataIndex: 'kind', render: (kind: ZoneKind) => t.zoneKinds[kind] },
          { title: t.org.zoneName, dataIndex: 'name' },
          { title: t.org.floor, dataIndex: 'floor' },
          { title: t.common.status, dataIndex: 'isActive', render: (isActive: boolean) => <ActiveTag isActive={isActive} /> },
          ...(canManage
            ? [
                {
                  title: t.common.actions,
                  key: 'actions',
                  render: (_: unknown, z: ZoneDto) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(z)}>
                        {t.common.edit}
                      </Button>
                      <ToggleActiveButton isActive={z.isActive} onToggle={(isActive) => update.mutateAsync({ id: z.id, version: z.version, isActive })} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <FormModal<Values>
          title={row ? t.org.editZone : t.org.newZone}
          initialValues={row ?? { floor: '' }}
          onSubmit={(values) => (row ? update.mutateAsync({ id: row.id, version: row.version, ...values }) : create.mutateAsync(values))}
          onClose={() => setEditing(null)}
        >
          <Form.Item name="kind" label={t.org.zoneKind} rules={[{ required: true, message: t.common.required }]}>
            <Select options={optionsOf(t.zoneKinds)} placeholder={t.common.selectPlaceholder} />
          </Form.Item>
          <Form.Item name="name" label={t.org.zoneName} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="floor" label={t.org.floor}>
            <Input maxLength={20} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
