import { Form, Input } from 'antd';
import { FormModal } from '../../../components/form-modal.tsx';
import { tast } from '../../../locales/assistance.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useCreateRecord } from '../queries.ts';
import { OutcomeFields, outcomeOf, type OutcomeValues } from './outcome-fields.tsx';

type Values = OutcomeValues & { uscc?: string; enterpriseName?: string; personName: string };

/** 登记现场辅导: who was helped at the filing-assistance zone, with what, and how it ended. */
export function RecordModal({ onClose }: { onClose: () => void }) {
  const create = useCreateRecord();
  const submit = (v: Values) =>
    create.mutateAsync({
      ...(v.uscc?.trim() ? { uscc: v.uscc.trim() } : {}),
      enterpriseName: v.enterpriseName?.trim() ?? '',
      personName: v.personName.trim(),
      ...outcomeOf(v),
    });
  return (
    <FormModal<Values> title={tast.record.title} onSubmit={submit} onClose={onClose} successText={tast.record.saved} width={640} initialValues={{ helpedWith: [] }}>
      <Form.Item name="personName" label={tast.record.personName} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input maxLength={100} data-testid="assistance-person" />
      </Form.Item>
      <Form.Item name="enterpriseName" label={tast.record.enterpriseName}>
        <Input maxLength={100} data-testid="assistance-enterprise" />
      </Form.Item>
      <Form.Item name="uscc" label={tast.record.uscc}>
        <Input maxLength={18} data-testid="assistance-uscc" />
      </Form.Item>
      <OutcomeFields />
    </FormModal>
  );
}
