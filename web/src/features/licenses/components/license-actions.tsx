import { App, Button, Form, Input, Space, Upload } from 'antd';
import { useState } from 'react';
import type { LicenseDto } from '@server/modules/licenses/contract.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { tl } from '../../../locales/licenses.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useRevokeLicense, useUploadLicenseDocument } from '../queries.ts';

/** Upload a document file, or revoke: the library manager's actions on one license. */
export function LicenseActions({ license }: { license: LicenseDto }) {
  const [isRevoking, setRevoking] = useState(false);
  const upload = useUploadLicenseDocument();
  const revoke = useRevokeLicense();
  const showError = useShowError();
  const { message } = App.useApp();
  return (
    <Space size={0}>
      <Upload
        accept=".pdf,.png,.jpg,.jpeg"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutateAsync({ id: license.id, file }).then(() => message.success(tl.library.uploaded), showError);
          return false;
        }}
      >
        <Button type="link" size="small" loading={upload.isPending}>
          {tl.library.upload}
        </Button>
      </Upload>
      {license.status !== 'revoked' && (
        <Button type="link" size="small" danger onClick={() => setRevoking(true)}>
          {tl.library.revoke}
        </Button>
      )}
      {isRevoking && (
        <FormModal<{ reason: string }>
          title={`${tl.library.revokeTitle}：${license.type.name} ${license.number}`}
          onSubmit={({ reason }) => revoke.mutateAsync({ id: license.id, reason, version: license.version })}
          onClose={() => setRevoking(false)}
        >
          <Form.Item name="reason" label={tl.library.reason} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input.TextArea maxLength={200} rows={2} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
