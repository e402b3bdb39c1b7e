import { Form, Input } from 'antd';
import { FormModal } from '../../../components/form-modal.tsx';
import { tast } from '../../../locales/assistance.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import type { RecordDto } from '../api.ts';
import { useFollowUp } from '../queries.ts';

/** 登记回访: what came of an assistance, once. */
export function FollowUpModal({ record, onClose }: { record: RecordDto; onClose: () => void }) {
  const followUp = useFollowUp();
  return (
    <FormModal<{ result: string }>
      title={tast.followUp.title}
      onSubmit={(v) => followUp.mutateAsync({ id: record.id, version: record.version, result: v.result.trim() })}
      onClose={onClose}
      successText={tast.followUp.saved}
    >
      <Form.Item name="result" label={tast.followUp.result} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="follow-up-result" />
      </Form.Item>
    </FormModal>
  );
}
