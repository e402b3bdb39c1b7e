import { Alert, Form, Input } from 'antd';
import type { StaffDto } from '@server/modules/staff/contract.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { mustMatch, passwordRules } from '../../../lib/forms.ts';
import { t } from '../../../locales/zh-CN.ts';
import { isPendingApproval } from '../api.ts';
import { useResetStaffPassword } from '../queries.ts';

type Values = { password: string; confirm: string };

export function ResetPasswordModal({ member, onClose }: { member: StaffDto; onClose: () => void }) {
  const reset = useResetStaffPassword();
  return (
    <FormModal<Values>
      title={t.staff.resetPasswordTitle(member.displayName)}
      okText={t.staff.resetPassword}
      successText={(result) => (isPendingApproval(result) ? t.staff.approvalSubmitted : t.staff.passwordReset)}
      onSubmit={({ password }) => reset.mutateAsync({ id: member.id, password })}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t.staff.resetPasswordHint} style={{ marginBottom: 16 }} />
      <Form.Item
        name="password"
        label={t.password.next}
        extra={t.password.rule}
        rules={passwordRules}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t.password.confirm}
        dependencies={['password']}
        rules={[
          { required: true, message: t.common.required },
          mustMatch('password', t.password.mismatch),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
