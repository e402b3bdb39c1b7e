import { Checkbox, Form, Input, Select } from 'antd';
import { FormModal } from '../../../components/form-modal.tsx';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import type { CaseInput } from '../api.ts';
import { useFeedbackOptions, useFileCase } from '../queries.ts';

const KINDS = ['consultation', 'help', 'suggestion', 'complaint', 'report', 'unresolved'];
const STAFF_CHANNELS = ['on_site', 'phone', 'letter', 'fax', 'email', 'comment_card', 'suggestion_box', 'hotline_12345', 'evaluation'];
const CAUSES = ['no_such_item', 'rules_conflict', 'departments_disagree', 'system_fault', 'materials_unreasonable', 'other'];

type Values = { kind: string; channel: string; content: string; isConfidential?: boolean; complaintScope?: string; cause?: string; departmentId?: string; counterId?: string; name?: string; phone?: string; uscc?: string; enterpriseName?: string };

/** Staff record a case someone brought them (A.1: whoever is asked first records it). */
export function CaseIntakeModal({ kind, onClose, onFiled }: { kind?: string; onClose: () => void; onFiled: (r: { id: string; number: string }) => void }) {
  const options = useFeedbackOptions();
  const file = useFileCase();
  const submit = async (v: Values) => {
    const input: CaseInput = {
      kind: v.kind as CaseInput['kind'],
      channel: v.channel as CaseInput['channel'],
      content: v.content,
      isConfidential: v.isConfidential ?? false,
      complaintScope: v.kind === 'complaint' ? (v.complaintScope as 'a' | 'b' | undefined) : undefined,
      cause: v.kind === 'unresolved' ? (v.cause as CaseInput['cause']) : undefined,
      departmentId: v.departmentId,
      counterId: v.counterId,
      contact: { name: v.name || undefined, phone: v.phone || undefined, uscc: v.uscc || undefined, enterpriseName: v.enterpriseName || undefined },
    };
    onFiled(await file.mutateAsync(input));
  };
  return (
    <FormModal<Values> title={tfb.intake.title} onSubmit={submit} onClose={onClose} initialValues={{ kind: kind ?? 'consultation', channel: 'on_site', isConfidential: false }} width={640}>
      <Form.Item name="kind" label={tfb.fields.kind} rules={[{ required: true }]} hidden={!!kind}>
        <Select options={KINDS.map((k) => ({ value: k, label: tfb.kinds[k] }))} data-testid="intake-kind" />
      </Form.Item>
      <Form.Item name="channel" label={tfb.fields.channel} rules={[{ required: true }]}>
        <Select options={STAFF_CHANNELS.map((c) => ({ value: c, label: tfb.channels[c] }))} data-testid="intake-channel" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
        {({ getFieldValue }) => (
          <>
            {getFieldValue('kind') === 'complaint' && (
              <Form.Item name="complaintScope" label={tfb.fields.complaintScope}>
                <Select allowClear options={['a', 'b'].map((s) => ({ value: s, label: tfb.scopes[s] }))} />
              </Form.Item>
            )}
            {getFieldValue('kind') === 'unresolved' && (
              <Form.Item name="cause" label={tfb.fields.cause} rules={[{ required: true, message: tfb.fields.cause }]}>
                <Select options={CAUSES.map((c) => ({ value: c, label: tfb.causes[c] }))} data-testid="intake-cause" />
              </Form.Item>
            )}
          </>
        )}
      </Form.Item>
      <Form.Item name="content" label={tfb.fields.content} rules={[{ required: true, whitespace: true, message: tfb.fields.content }]}>
        <Input.TextArea rows={4} maxLength={4000} data-testid="intake-content" />
      </Form.Item>
      <Form.Item name="departmentId" label={tfb.fields.department}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(options.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Form.Item name="counterId" label={tfb.fields.counter}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(options.data?.counters ?? []).map((c) => ({ value: c.id, label: `${c.number} ${c.name}` }))} />
      </Form.Item>
      <Form.Item name="enterpriseName" label={tfb.fields.enterpriseName}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="uscc" label={tfb.fields.uscc}>
        <Input maxLength={18} data-testid="intake-uscc" />
      </Form.Item>
      <Form.Item name="name" label={tfb.fields.name}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="phone" label={tfb.fields.phone} extra={tfb.intake.contactHint}>
        <Input maxLength={11} data-testid="intake-phone" />
      </Form.Item>
      <Form.Item name="isConfidential" valuePropName="checked">
        <Checkbox>{tfb.fields.confidential}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
