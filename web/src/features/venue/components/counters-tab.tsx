import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table } from 'antd';
import { useState } from 'react';
import type { CounterDto, CounterPurpose } from '@server/modules/venue/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { ActiveTag } from '../../../components/active-tag.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ToggleActiveButton } from '../../../components/toggle-active-button.tsx';
import { t } from '../../../locales/zh-CN.ts';
import { useDepartments } from '../../staff/queries.ts';
import { useCounters, useUpdateCounter, useZones } from '../queries.ts';
import { CounterFormModal } from './counter-form-modal.tsx';

/** The center's counters: comprehensive intake and delivery, and the specialised desks. */
export function CountersTab({ centerId }: { centerId: string }) {
  const canManage = useAuth().can('org.manage');
  const counters = useCounters(centerId);
  const zones = useZones(centerId);
  const departments = useDepartments(centerId);
  const update = useUpdateCounter(centerId);
  const [editing, setEditing] = useState<CounterDto | 'new' | null>(null);
  const departmentName = new Map(departments.data?.map((d) => [d.id, d.name]));
  const hasZones = (zones.data?.length ?? 0) > 0;

  if (counters.isError) return <QueryError error={counters.error} onRetry={() => void counters.refetch()} />;

  return (
    <>
      {canManage &&
        (hasZones || zones.isPending ? (
          <Button type="primary" icon={<PlusOutlined />} disabled={!hasZones} onClick={() => setEditing('new')} style={{ marginBottom: 16 }}>
            {t.org.newCounter}
          </Button>
        ) : (
          <Alert type="info" showIcon title={t.org.noZones} style={{ marginBottom: 16 }} />
        ))}
      <Table<CounterDto>
        rowKey="id"
        loading={counters.isPending}
        dataSource={counters.data}
        pagination={false}
        columns={[
          { title: t.org.counterNumber, dataIndex: 'number' },
          { title: t.org.counterName, dataIndex: 'name' },
          { title: t.org.counterPurpose, dataIndex: 'purpose', render: (p: CounterPurpose) => t.counterPurposes[p] },
          { title: t.org.counterZone, dataIndex: 'zoneName' },
          {
            title: t.org.counterDepartment,
            dataIndex: 'departmentId',
            render: (id: string | null) => (id ? departmentName.get(id) : null),
          },
          { title: t.common.status, dataIndex: 'isActive', render: (isActive: boolean) => <ActiveTag isActive={isActive} /> },
          ...(canManage
            ? [
                {
                  title: t.common.actions,
                  key: 'actions',
                  render: (_: unknown, c: CounterDto) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(c)}>
                        {t.common.edit}
                      </Button>
                      <ToggleActiveButton isActive={c.isActive} onToggle={(isActive) => update.mutateAsync({ id: c.id, version: c.version, isActive })} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <CounterFormModal
          centerId={centerId}
          counter={editing === 'new' ? null : editing}
          zones={zones.data ?? []}
          departments={departments.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
