import { App, Button, Popconfirm } from 'antd';
import { t } from '../locales/zh-CN.ts';
import { useShowError } from './use-show-error.ts';

type Props = {
  isActive: boolean;
  /** Sends the change with the row's version; a stale version fails and the list reloads. */
  onToggle: (isActive: boolean) => Promise<unknown>;
};

/** Deactivate or reactivate a row, after a confirmation. */
export function ToggleActiveButton({ isActive, onToggle }: Props) {
  const { message } = App.useApp();
  const showError = useShowError();
  const toggle = async () => {
    try {
      await onToggle(!isActive);
      message.success(t.common.saved);
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Popconfirm title={isActive ? t.common.deactivateConfirm : t.common.reactivateConfirm} onConfirm={toggle}>
      <Button type="link" size="small" danger={isActive}>
        {isActive ? t.common.deactivate : t.common.reactivate}
      </Button>
    </Popconfirm>
  );
}
