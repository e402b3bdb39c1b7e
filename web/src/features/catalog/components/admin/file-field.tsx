import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../../components/use-show-error.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { fileUrl, uploadFile } from '../../api.ts';

/** A template or sample file of a material: upload (checked by the server), look at, remove. The value is the file id. */
export function FileField({ centerId, value, onChange }: { centerId: string; value?: string | null; onChange?: (id: string | null) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const info = await uploadFile(centerId, file);
      onChange?.(info.id);
      message.success(tc.form.uploaded(info.filename));
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={4}>
      {value && (
        <a href={fileUrl(value)} target="_blank" rel="noreferrer">
          {tc.form.viewFile}
        </a>
      )}
      <Upload showUploadList={false} beforeUpload={(file) => (void upload(file), false)} accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png">
        <Button size="small" icon={<UploadOutlined />} loading={busy}>
          {value ? tc.form.replace : tc.form.upload}
        </Button>
      </Upload>
      {value && (
        <Button size="small" type="link" danger onClick={() => onChange?.(null)}>
          {tc.form.removeFile}
        </Button>
      )}
    </Space>
  );
}
