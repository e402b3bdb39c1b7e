import { AutoComplete, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../../components/form-modal.tsx';
import { toIsoDate } from '../../../../lib/time.ts';
import { ttr } from '../../../../locales/training.zh-CN.ts';
import { useRecordCertificate } from '../queries.ts';
import { StaffSelect } from './staff-select.tsx';

type Values = { staffId: string; kind: string; number: string; issuedOn: Dayjs; expiresOn: Dayjs };

/** The manager records a certificate (a renewal, or one issued elsewhere); a renewal starts from the holder and the qualification. */
export function CertificateFormModal({ kinds, initial, onClose }: { kinds: string[]; initial?: { staffId: string; kind: string }; onClose: () => void }) {
  const record = useRecordCertificate();
  const submit = (v: Values) => record.mutateAsync({ staffId: v.staffId, kind: v.kind, number: v.number, issuedOn: toIsoDate(v.issuedOn), expiresOn: toIsoDate(v.expiresOn) });
  return (
    <FormModal<Values> title={ttr.certificates.record} initialValues={{ ...initial, issuedOn: dayjs() }} onSubmit={submit} onClose={onClose}>
      <Form.Item name="staffId" label={ttr.fields.staff} rules={[{ required: true, message: ttr.fields.staff }]}>
        <StaffSelect data-testid="certificate-staff" />
      </Form.Item>
      <Form.Item name="kind" label={ttr.fields.kind} rules={[{ required: true, whitespace: true, message: ttr.fields.kind }]}>
        <AutoComplete options={kinds.map((k) => ({ value: k }))} data-testid="certificate-kind" />
      </Form.Item>
      <Form.Item name="number" label={ttr.fields.number} rules={[{ required: true, whitespace: true, message: ttr.fields.number }]}>
        <Input maxLength={64} data-testid="certificate-number" />
      </Form.Item>
      <Form.Item name="issuedOn" label={ttr.fields.issuedOn} rules={[{ required: true, message: ttr.fields.issuedOn }]}>
        <DatePicker data-testid="certificate-issued" />
      </Form.Item>
      <Form.Item name="expiresOn" label={ttr.fields.expiresOn} rules={[{ required: true, message: ttr.fields.expiresOn }]}>
        <DatePicker data-testid="certificate-expires" />
      </Form.Item>
    </FormModal>
  );
}
