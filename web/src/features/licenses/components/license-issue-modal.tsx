import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { FormModal } from '../../../components/form-modal.tsx';
import { toIsoDate } from '../../../lib/time.ts';
import { tl } from '../../../locales/licenses.zh-CN.ts';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useIssueLicense, useLicenseTypes } from '../queries.ts';

type Values = { typeId: string; uscc: string; licenseNumber?: string; issuer?: string; validFrom: dayjs.Dayjs; validTo?: dayjs.Dayjs | null; site?: string; applicationRef?: string };

/** Manual issuance into the library (results of applications are issued by the applications module). */
export function LicenseIssueModal({ uscc, onClose }: { uscc?: string; onClose: () => void }) {
  const issue = useIssueLicense();
  const types = useLicenseTypes();
  const submit = ({ validFrom, validTo, licenseNumber, issuer, site, applicationRef, ...v }: Values) =>
    issue.mutateAsync({
      ...v,
      validFrom: toIsoDate(validFrom),
      ...(validTo ? { validTo: toIsoDate(validTo) } : {}),
      ...(licenseNumber?.trim() ? { licenseNumber } : {}),
      ...(issuer?.trim() ? { issuer } : {}),
      ...(site?.trim() ? { site } : {}),
      applicationRef: applicationRef ?? '',
    });
  return (
    <FormModal<Values> title={tl.library.issueTitle} initialValues={{ uscc, validFrom: dayjs() }} onSubmit={submit} onClose={onClose} width={560}>
      <Form.Item name="typeId" label={tl.fields.type} rules={[{ required: true, message: t.common.required }]}>
        <Select loading={types.isPending} options={types.data?.filter((x) => x.isActive).map((x) => ({ value: x.id, label: x.name }))} />
      </Form.Item>
      <Form.Item name="uscc" label={te.fields.uscc} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input maxLength={18} disabled={uscc !== undefined} />
      </Form.Item>
      <Form.Item name="licenseNumber" label={tl.fields.number} extra={tl.library.licenseNumberHelp}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.typeId !== b.typeId}>
        {({ getFieldValue }) => (
          <Form.Item name="issuer" label={tl.fields.issuer}>
            <Input maxLength={100} placeholder={types.data?.find((x) => x.id === getFieldValue('typeId'))?.defaultIssuer} />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.typeId !== b.typeId}>
        {({ getFieldValue }) =>
          types.data?.find((x) => x.id === getFieldValue('typeId'))?.isPerSite && (
            <Form.Item name="site" label={tl.fields.site} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
              <Input maxLength={100} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="validFrom" label={tl.fields.validFrom} rules={[{ required: true, message: t.common.required }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs())} />
      </Form.Item>
      <Form.Item name="validTo" label={tl.fields.validTo} extra={tl.library.validToHelp}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="applicationRef" label={tl.fields.applicationRef}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
