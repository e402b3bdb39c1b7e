import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { StaffDto } from '@server/modules/staff/contract.ts';
import type { Role } from '@server/platform/auth/roles.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { ActiveTag } from '../../../components/active-tag.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { t } from '../../../locales/zh-CN.ts';
import { useCenters, useCountersOfCenters } from '../../venue/queries.ts';
import type { StaffFilter } from '../api.ts';
import { useDepartmentsOfCenters, useStaff } from '../queries.ts';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { StaffApprovals } from './staff-approvals.tsx';
import { StaffFilters } from './staff-filters.tsx';
import { StaffFormModal } from './staff-form-modal.tsx';
import { StaffRowActions } from './staff-row-actions.tsx';

type Dialog = { kind: 'edit'; member: StaffDto | null } | { kind: 'reset'; member: StaffDto } | null;

/** 人员管理: the staff list for readers; accounts, roles and placement for managers. */
export function StaffPage() {
  const canManage = useAuth().can('staff.manage');
  const [filter, setFilter] = useState<StaffFilter>({});
  const [dialog, setDialog] = useState<Dialog>(null);
  const staff = useStaff(filter);
  const centers = useCenters();
  const centerIds = [...new Set(staff.data?.flatMap((s) => (s.centerId ? [s.centerId] : [])))];
  const departments = useDepartmentsOfCenters(centerIds);
  const counters = useCountersOfCenters(centerIds);
  const centerName = new Map(centers.data?.map((c) => [c.id, c.name]));
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const counterName = new Map(counters.map((c) => [c.id, `${c.number} ${c.name}`]));
  const nameIn = (names: Map<string, string>) => (id: string | null) => (id ? (names.get(id) ?? null) : null);

  return (
    <Card
      title={t.staff.title}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'edit', member: null })}>
            {t.staff.newStaff}
          </Button>
        )
      }
    >
      {canManage && <StaffApprovals />}
      <StaffFilters filter={filter} onChange={setFilter} />
      {staff.isError ? (
        <QueryError error={staff.error} onRetry={() => void staff.refetch()} />
      ) : (
        <Table<StaffDto>
          rowKey="id"
          loading={staff.isFetching}
          dataSource={staff.data}
          pagination={{ showTotal: t.common.total, hideOnSinglePage: true, defaultPageSize: 20 }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t.staff.username, dataIndex: 'username' },
            { title: t.staff.displayName, dataIndex: 'displayName' },
            { title: t.staff.staffNumber, dataIndex: 'staffNumber' },
            {
              title: t.staff.roles,
              dataIndex: 'roles',
              render: (roles: Role[]) => (
                <Space size={[0, 4]} wrap>
                  {roles.map((r) => (
                    <Tag key={r}>{t.roles[r]}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: t.staff.center, dataIndex: 'centerId', render: nameIn(centerName) },
            { title: t.staff.department, dataIndex: 'departmentId', render: nameIn(departmentName) },
            { title: t.staff.counter, dataIndex: 'counterId', render: nameIn(counterName) },
            {
              title: t.common.status,
              key: 'status',
              render: (_, s) => (
                <Space size={[0, 4]} wrap>
                  <ActiveTag isActive={s.isActive} />
                  {s.mustChangePassword && <Tag color="gold">{t.staff.mustChange}</Tag>}
                  {s.isLocked && <Tag color="red">{t.staff.locked}</Tag>}
                  {s.hasTotp && <Tag color="green">{t.staff.hasTotp}</Tag>}
                  {s.isDemo && <Tag color="purple">{t.staff.demo}</Tag>}
                </Space>
              ),
            },
            ...(canManage
              ? [
                  {
                    title: t.common.actions,
                    key: 'actions',
                    fixed: 'right' as const,
                    render: (_: unknown, s: StaffDto) => (
                      <StaffRowActions
                        member={s}
                        onEdit={() => setDialog({ kind: 'edit', member: s })}
                        onResetPassword={() => setDialog({ kind: 'reset', member: s })}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {dialog?.kind === 'edit' && <StaffFormModal member={dialog.member} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal member={dialog.member} onClose={() => setDialog(null)} />}
    </Card>
  );
}
