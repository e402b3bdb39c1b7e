import { Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { InquiryOutcome } from '@server/modules/feedback/inquiries/workflow.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { emptyToNull } from '../../../lib/forms.ts';
import { optionsOf } from '../../../lib/options.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import type { InquiryInput } from '../api.ts';
import { useInquiryOptions, useRecordInquiry } from '../queries.ts';

type Values = Required<Pick<InquiryInput, 'mode' | 'purpose' | 'subject' | 'outcome'>> & {
  uscc?: string;
  enterpriseName?: string;
  personName?: string;
  phone?: string;
  reply?: string;
  transferDepartmentId?: string;
  transferStaffId?: string;
  note?: string;
};

/** What a staff member records here; directing to a counter with a ticket is the guidance desk's. */
const OUTCOMES: InquiryOutcome[] = ['answered', 'pending', 'transferred', 'directed', 'outside_center'];

/** 登记咨询: who asked, what, and how it ended — answered, to answer within the limit, transferred, directed, outside the remit. */
export function InquiryFormModal({ onClose }: { onClose: () => void }) {
  const record = useRecordInquiry();
  const submit = (v: Values) =>
    record.mutateAsync({
      mode: v.mode,
      purpose: v.purpose,
      subject: v.subject,
      uscc: emptyToNull(v.uscc),
      enterpriseName: v.enterpriseName?.trim() ?? '',
      personName: v.personName?.trim() ?? '',
      phone: emptyToNull(v.phone),
      outcome: v.outcome,
      reply: v.outcome === 'answered' || v.outcome === 'outside_center' || v.outcome === 'directed' ? (v.reply?.trim() ?? '') : '',
      transferDepartmentId: v.outcome === 'transferred' ? (v.transferDepartmentId ?? null) : null,
      transferStaffId: v.outcome === 'transferred' ? (v.transferStaffId ?? null) : null,
      note: v.note?.trim() ?? '',
    });
  return (
    <FormModal<Values> title={tfb.inquiries.record} width={640} onSubmit={submit} onClose={onClose} successText={tfb.inquiries.recorded} initialValues={{ mode: 'in_person', purpose: 'consult', outcome: 'answered' }}>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="mode" label={tfb.inquiries.fields.mode}>
            <Radio.Group options={optionsOf(tfb.inquiries.modes)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="purpose" label={tfb.inquiries.fields.purpose}>
            <Radio.Group options={optionsOf(tfb.inquiries.purposes)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="subject" label={tfb.inquiries.fields.subject} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input maxLength={200} data-testid="inquiry-subject" />
      </Form.Item>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="uscc" label={tfb.inquiries.fields.uscc}>
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="enterpriseName" label={tfb.inquiries.fields.enterpriseName}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="personName" label={tfb.inquiries.fields.personName}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={tfb.inquiries.fields.phone}>
            <Input maxLength={20} data-testid="inquiry-phone" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="outcome" label={tfb.inquiries.fields.outcome}>
        <Radio.Group options={OUTCOMES.map((o) => ({ value: o, label: tfb.inquiries.outcomes[o] }))} data-testid="inquiry-outcome" />
      </Form.Item>
      <OutcomeFields />
      <Form.Item name="note" label={tfb.inquiries.fields.note}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** What the outcome asks for: the answer, or whom it is transferred to (inside the form, to watch its values). */
function OutcomeFields() {
  const outcome = Form.useWatch('outcome') as InquiryOutcome | undefined;
  const department = Form.useWatch('transferDepartmentId') as string | undefined;
  const options = useInquiryOptions();
  const staff = (options.data?.staff ?? []).filter((p) => !department || p.departmentId === department);
  return (
    <>
      {(outcome === 'answered' || outcome === 'outside_center' || outcome === 'directed') && (
        <Form.Item
          name="reply"
          label={tfb.inquiries.fields.reply}
          extra={outcome === 'outside_center' ? tfb.inquiries.outsideRemit : undefined}
          rules={[{ required: outcome === 'answered', whitespace: true, message: t.common.required }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="inquiry-reply" />
        </Form.Item>
      )}
      {outcome === 'transferred' && (
        <>
          <Typography.Paragraph type="secondary">{tfb.inquiries.transferHint}</Typography.Paragraph>
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item name="transferDepartmentId" label={tfb.inquiries.fields.transferDepartment}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(options.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} data-testid="inquiry-department" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="transferStaffId" label={tfb.inquiries.fields.transferStaff}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={staff.map((p) => ({ value: p.id, label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name }))} />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
