import { Form, Input, Radio, Select } from 'antd';
import type { DepartmentDto } from '@server/modules/staff/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { emptyToNull } from '../../../lib/forms.ts';
import { optionsOf } from '../../../lib/options.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useCreateDepartment, useStaff, useUpdateDepartment } from '../../staff/queries.ts';

type Values = {
  name: string;
  uscc?: string | null;
  settlement: DepartmentDto['settlement'];
  chiefOfficerId?: string | null;
  phone: string;
};

type Props = { centerId: string; department: DepartmentDto | null; onClose: () => void };

/**
 * Creates or edits a settled department. The chief officer is picked from the center's staff,
 * which only those who may read staff can list; for others the field is left as it is.
 */
export function DepartmentFormModal({ centerId, department, onClose }: Props) {
  const canReadStaff = useAuth().can('staff.read');
  const create = useCreateDepartment(centerId);
  const update = useUpdateDepartment(centerId);
  const staff = useStaff({ centerId }, canReadStaff);

  const submit = ({ uscc, chiefOfficerId, ...values }: Values) => {
    const body = {
      ...values,
      uscc: emptyToNull(uscc),
      ...(canReadStaff ? { chiefOfficerId: chiefOfficerId ?? null } : {}),
    };
    return department ? update.mutateAsync({ id: department.id, version: department.version, ...body }) : create.mutateAsync(body);
  };

  return (
    <FormModal<Values>
      title={department ? t.org.editDepartment : t.org.newDepartment}
      initialValues={department ?? { settlement: 'staff', phone: '' }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="name" label={t.org.departmentName} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="uscc" label={t.org.uscc}>
        <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item name="settlement" label={t.org.settlement} rules={[{ required: true, message: t.common.required }]}>
        <Radio.Group options={optionsOf(t.settlements)} />
      </Form.Item>
      {canReadStaff && (
        <Form.Item name="chiefOfficerId" label={t.org.chiefOfficer} extra={t.org.chiefOfficerHint}>
          <Select
            allowClear
            loading={staff.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t.common.none}
            options={staff.data
              ?.filter((s) => s.isActive || s.id === department?.chiefOfficerId)
              .map((s) => ({ value: s.id, label: `${s.displayName}（${s.username}）` }))}
          />
        </Form.Item>
      )}
      <Form.Item name="phone" label={t.org.departmentPhone}>
        <Input maxLength={50} />
      </Form.Item>
    </FormModal>
  );
}
