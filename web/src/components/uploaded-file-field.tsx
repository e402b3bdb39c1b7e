import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { describeError } from './use-show-error.ts';

type Labels = { upload: string; uploaded: (filename: string) => string; hint: string };

/**
 * A form field whose value is the id of a file in the file store: the file is uploaded (and checked
 * by the server) as soon as it is chosen, and its name is shown once uploaded.
 */
export function UploadedFileField({
  value,
  onChange,
  upload,
  accept,
  labels,
  testId,
}: {
  value?: string | null;
  onChange?: (id: string) => void;
  upload: (file: File) => Promise<{ id: string; filename: string }>;
  accept: string;
  labels: Labels;
  testId: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState<string | null>(null);
  const send = async (file: File) => {
    setBusy(true);
    try {
      const info = await upload(file);
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
      <Upload showUploadList={false} beforeUpload={(file) => (void send(file), false)} accept={accept}>
        <Button icon={<UploadOutlined />} loading={busy} data-testid={testId}>
          {labels.upload}
        </Button>
      </Upload>
      <Typography.Text type="secondary" data-testid={`${testId}-name`}>
        {value && name ? labels.uploaded(name) : labels.hint}
      </Typography.Text>
    </Space>
  );
}
