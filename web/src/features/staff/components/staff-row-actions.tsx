import { App, Button, Popconfirm, Space } from 'antd';
import type { StaffDto } from '@server/modules/staff/contract.ts';
import { ToggleActiveButton } from '../../../components/toggle-active-button.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { t } from '../../../locales/zh-CN.ts';
import { isPendingApproval } from '../api.ts';
import { useResetStaffTotp, useUnlockStaff, useUpdateStaff } from '../queries.ts';

type Props = { member: StaffDto; onEdit: () => void; onResetPassword: () => void };

export function StaffRowActions({ member, onEdit, onResetPassword }: Props) {
  const update = useUpdateStaff();
  const unlock = useUnlockStaff();
  const resetTotp = useResetStaffTotp();
  const { message } = App.useApp();
  const showError = useShowError();

  const doUnlock = async () => {
    try {
      await unlock.mutateAsync(member.id);
      message.success(t.staff.unlocked);
    } catch (error) {
      showError(error);
    }
  };

  const doResetTotp = async () => {
    try {
      const result = await resetTotp.mutateAsync(member.id);
      message.success(isPendingApproval(result) ? t.staff.approvalSubmitted : t.staff.totpReset);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        {t.common.edit}
      </Button>
      <Button type="link" size="small" onClick={onResetPassword}>
        {t.staff.resetPassword}
      </Button>
      {member.isLocked && (
        <Popconfirm title={t.staff.unlockConfirm} onConfirm={doUnlock}>
          <Button type="link" size="small">
            {t.staff.unlock}
          </Button>
        </Popconfirm>
      )}
      {member.hasTotp && (
        <Popconfirm title={t.staff.resetTotpConfirm} onConfirm={doResetTotp}>
          <Button type="link" size="small">
            {t.staff.resetTotp}
          </Button>
        </Popconfirm>
      )}
      <ToggleActiveButton
        isActive={member.isActive}
        onToggle={(isActive) => update.mutateAsync({ id: member.id, version: member.version, isActive })}
      />
    </Space>
  );
}
