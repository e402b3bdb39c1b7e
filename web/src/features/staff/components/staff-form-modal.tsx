import { Form, Input, Select } from 'antd';
import type { StaffDto } from '@server/modules/staff/contract.ts';
import type { Role } from '@server/platform/auth/roles.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { emptyToNull, passwordRules } from '../../../lib/forms.ts';
import { optionsOf } from '../../../lib/options.ts';
import { t } from '../../../locales/zh-CN.ts';
import { isPendingApproval } from '../api.ts';
import { useCreateStaff, useUpdateStaff } from '../queries.ts';
import { PlacementFields } from './placement-fields.tsx';

type Values = {
  username: string;
  password: string;
  displayName: string;
  staffNumber?: string | null;
  roles: Role[];
  centerId?: string | null;
  departmentId?: string | null;
  counterId?: string | null;
};

/** Creates an account with an initial password (the server makes it one to change), or edits one. */
export function StaffFormModal({ member, onClose }: { member: StaffDto | null; onClose: () => void }) {
  const create = useCreateStaff();
  const update = useUpdateStaff();

  const submit = ({ username, password, staffNumber, centerId, departmentId, counterId, ...values }: Values) => {
    const body = {
      ...values,
      staffNumber: emptyToNull(staffNumber),
      centerId: centerId ?? null,
      departmentId: departmentId ?? null,
      counterId: counterId ?? null,
    };
    return member
      ? update.mutateAsync({ id: member.id, version: member.version, ...body })
      : create.mutateAsync({ ...body, username, password });
  };

  return (
    <FormModal<Values>
      title={member ? t.staff.editStaff : t.staff.newStaff}
      initialValues={member ?? { roles: [] }}
      onSubmit={submit}
      successText={(result) => (isPendingApproval(result) ? t.staff.approvalSubmitted : t.common.saved)}
      onClose={onClose}
      width={640}
    >
      {!member && (
        <>
          <Form.Item name="username" label={t.staff.username} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t.staff.initialPassword}
            extra={`${t.password.rule}。${t.staff.initialPasswordHint}`}
            rules={passwordRules}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      )}
      <Form.Item name="displayName" label={t.staff.displayName} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="staffNumber" label={t.staff.staffNumber}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="roles" label={t.staff.roles} rules={[{ required: true, message: t.common.required }]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={optionsOf(t.roles)} placeholder={t.common.selectPlaceholder} />
      </Form.Item>
      <PlacementFields current={member ?? undefined} />
    </FormModal>
  );
}
