import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../../components/form-modal.tsx';
import { UploadedFileField } from '../../../components/uploaded-file-field.tsx';
import { emptyToNull } from '../../../lib/forms.ts';
import { toIsoDate } from '../../../lib/time.ts';
import { ttal } from '../../../locales/talent.zh-CN.ts';
import { uploadDocument } from '../api.ts';
import { useCreateProfile } from '../queries.ts';

type Values = { name: string; idNumber: string; phone?: string; uscc?: string; employerName?: string; category: string; documentTitle: string; documentFileId: string; validity: [Dayjs, Dayjs] };

/** 登记人才档案: the person, the employer, the category and the certifying document with its validity. */
export function ProfileFormModal({ onClose }: { onClose: () => void }) {
  const create = useCreateProfile();
  const submit = (v: Values) =>
    create.mutateAsync({
      person: { name: v.name, idNumber: v.idNumber, phone: emptyToNull(v.phone) },
      uscc: emptyToNull(v.uscc),
      employerName: v.employerName?.trim() ?? '',
      category: v.category as never,
      documentTitle: v.documentTitle,
      documentFileId: v.documentFileId,
      validFrom: toIsoDate(v.validity[0]),
      validUntil: toIsoDate(v.validity[1]),
    });
  return (
    <FormModal<Values> title={ttal.profile.add} width={640} onSubmit={submit} onClose={onClose}>
      <Form.Item name="name" label={ttal.profile.name} rules={[{ required: true, whitespace: true, message: ttal.profile.name }]}>
        <Input maxLength={50} data-testid="profile-person-name" />
      </Form.Item>
      <Form.Item name="idNumber" label={ttal.profile.idNumber} rules={[{ required: true, whitespace: true, message: ttal.profile.idNumber }]}>
        <Input maxLength={18} data-testid="profile-id-number" />
      </Form.Item>
      <Form.Item name="phone" label={ttal.profile.phone}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="uscc" label={ttal.profile.uscc} extra={ttal.profile.employerHint}>
        <Input maxLength={18} data-testid="profile-uscc" />
      </Form.Item>
      <Form.Item name="employerName" label={ttal.profile.employerName}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="category" label={ttal.profile.category} rules={[{ required: true, message: ttal.profile.category }]}>
        <Select options={Object.entries(ttal.categories).map(([value, label]) => ({ value, label }))} data-testid="profile-category" />
      </Form.Item>
      <Form.Item name="documentTitle" label={ttal.profile.documentTitle} rules={[{ required: true, whitespace: true, message: ttal.profile.documentTitle }]}>
        <Input maxLength={200} data-testid="profile-document-title" />
      </Form.Item>
      <Form.Item name="documentFileId" label={ttal.profile.document} rules={[{ required: true, message: ttal.profile.document }]}>
        <UploadedFileField upload={uploadDocument} accept=".pdf,.jpg,.jpeg,.png" labels={{ upload: ttal.profile.upload, uploaded: ttal.profile.uploaded, hint: ttal.profile.documentHint }} testId="profile-document" />
      </Form.Item>
      <Form.Item name="validity" label={ttal.profile.validity} rules={[{ required: true, message: ttal.profile.validity }]}>
        <DatePicker.RangePicker data-testid="profile-validity" />
      </Form.Item>
    </FormModal>
  );
}
