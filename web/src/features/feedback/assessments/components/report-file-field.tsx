import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../../components/use-show-error.ts';
import { tas } from '../../../../locales/surveys.zh-CN.ts';
import { uploadReportFile } from '../api.ts';

/** The report file: uploaded to the file store (checked by the server) as soon as it is chosen; the value is its id. */
export function ReportFileField({ value, onChange }: { value?: string | null; onChange?: (id: string | null) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState<string | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const info = await uploadReportFile(file);
      onChange?.(info.id);
      setName(info.filename);
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={8} wrap>
      <Upload showUploadList={false} beforeUpload={(file) => (void upload(file), false)} accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png">
        <Button icon={<UploadOutlined />} loading={busy} data-testid="report-file">
          {tas.form.upload}
        </Button>
      </Upload>
      <Typography.Text type="secondary">{value && name ? tas.form.uploaded(name) : tas.form.fileHint}</Typography.Text>
    </Space>
  );
}
