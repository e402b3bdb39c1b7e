import { Alert, Form, Input, Radio } from 'antd';
import { FormModal } from '../../../../components/form-modal.tsx';
import { tfigures as tf } from '../../../../locales/evaluations.zh-CN.ts';
import type { UnmaskedExportInput } from '../api.ts';
import { useUnmaskedExport } from '../queries.ts';

/** The export with full phone numbers: a reason (audited), then the file is saved. */
export function UnmaskedExportModal({ period, onClose }: { period: { from: string; to: string; departmentId?: string }; onClose: () => void }) {
  const exporting = useUnmaskedExport();
  return (
    <FormModal<{ reason: string; format: 'json' | 'xlsx' }>
      title={tf.unmaskTitle}
      initialValues={{ format: 'xlsx' }}
      okText={tf.unmaskSubmit}
      successText={tf.unmaskSubmit}
      onClose={onClose}
      onSubmit={(values) => exporting.mutateAsync({ ...period, ...values } satisfies UnmaskedExportInput)}
    >
      <Alert type="warning" showIcon title={tf.unmaskHint} style={{ marginBottom: 16 }} />
      <Form.Item name="reason" label={tf.unmaskReason} rules={[{ required: true, min: 2, message: tf.unmaskReasonPlaceholder }]}>
        <Input placeholder={tf.unmaskReasonPlaceholder} maxLength={200} />
      </Form.Item>
      <Form.Item name="format" label={tf.unmaskFormat}>
        <Radio.Group options={[{ value: 'xlsx', label: 'Excel' }, { value: 'json', label: 'JSON' }]} />
      </Form.Item>
    </FormModal>
  );
}
