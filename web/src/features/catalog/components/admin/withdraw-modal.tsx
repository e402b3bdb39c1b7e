import { Form, Input } from 'antd';
import { FormModal } from '../../../../components/form-modal.tsx';
import { t } from '../../../../locales/zh-CN.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';

/** Takes an item or bundle off the portal, with the reason. */
export function WithdrawModal({ onSubmit, onClose }: { onSubmit: (reason: string) => Promise<unknown>; onClose: () => void }) {
  return (
    <FormModal<{ reason: string }> title={tc.admin.withdrawTitle} okText={tc.admin.withdraw} onSubmit={(v) => onSubmit(v.reason)} onClose={onClose}>
      <Form.Item name="reason" label={tc.admin.withdrawReason} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
