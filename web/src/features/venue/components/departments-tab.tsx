import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table } from 'antd';
import { useState } from 'react';
import type { DepartmentDto } from '@server/modules/staff/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { ActiveTag } from '../../../components/active-tag.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ToggleActiveButton } from '../../../components/toggle-active-button.tsx';
import { t } from '../../../locales/zh-CN.ts';
import { useDepartments, useUpdateDepartment } from '../../staff/queries.ts';
import { DepartmentFormModal } from './department-form-modal.tsx';

/** Departments settled in the center, by staff or by delegated items, with their chief officers. */
export function DepartmentsTab({ centerId }: { centerId: string }) {
  const canManage = useAuth().can('org.manage');
  const departments = useDepartments(centerId);
  const update = useUpdateDepartment(centerId);
  const [editing, setEditing] = useState<DepartmentDto | 'new' | null>(null);

  if (departments.isError) return <QueryError error={departments.error} onRetry={() => void departments.refetch()} />;

  return (
    <>
      {canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 16 }}>
          {t.org.newDepartment}
        </Button>
      )}
      <Table<DepartmentDto>
        rowKey="id"
        loading={departments.isPending}
        dataSource={departments.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t.org.departmentName, dataIndex: 'name' },
          { title: t.org.uscc, dataIndex: 'uscc' },
          { title: t.org.settlement, dataIndex: 'settlement', render: (s: DepartmentDto['settlement']) => t.settlements[s] },
          { title: t.org.chiefOfficer, dataIndex: 'chiefOfficerName' },
          { title: t.org.departmentPhone, dataIndex: 'phone' },
          { title: t.common.status, dataIndex: 'isActive', render: (isActive: boolean) => <ActiveTag isActive={isActive} /> },
          ...(canManage
            ? [
                {
                  title: t.common.actions,
                  key: 'actions',
                  render: (_: unknown, d: DepartmentDto) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(d)}>
                        {t.common.edit}
                      </Button>
                      <ToggleActiveButton isActive={d.isActive} onToggle={(isActive) => update.mutateAsync({ id: d.id, version: d.version, isActive })} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <DepartmentFormModal centerId={centerId} department={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
