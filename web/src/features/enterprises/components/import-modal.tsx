import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Space, Table, Typography, Upload } from 'antd';
import type { FieldError } from '@server/platform/errors.ts';
import { describeError } from '../../../components/use-show-error.ts';
import { isApiError } from '../../../lib/api.ts';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import { IMPORT_TEMPLATE_URL } from '../api.ts';
import { useImportEnterprises } from '../queries.ts';

/** Uploads an .xlsx or CSV file; when any row is bad, nothing is imported and every bad row is listed. */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const upload = useImportEnterprises();
  const { message } = App.useApp();
  const problems: FieldError[] = isApiError(upload.error) ? upload.error.fields : [];
  const rows = problems.map((p, i) => {
    const [, row, field] = p.field.split('.');
    return { key: i, row: row && /^\d+$/.test(row) ? Number(row) : null, field: field ?? p.field, message: p.message };
  });

  return (
    <Modal open title={te.import.title} onCancel={onClose} footer={<Button onClick={onClose}>{te.import.close}</Button>} width={860}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {te.import.hint}
        </Typography.Paragraph>
        <Space>
          <Button icon={<DownloadOutlined />} href={IMPORT_TEMPLATE_URL}>
            {te.import.template}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file, { onSuccess: (r) => message.success(te.import.done(r.imported)) });
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="enterprise-import-file">
              {te.import.choose}
            </Button>
          </Upload>
        </Space>
        {upload.isSuccess && <Alert type="success" showIcon title={te.import.done(upload.data.imported)} />}
        {upload.isError && <Alert type="error" showIcon title={describeError(upload.error)} />}
        {rows.length > 0 && (
          <Table
            size="small"
            rowKey="key"
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: te.import.row, dataIndex: 'row', width: 80 },
              { title: te.import.field, dataIndex: 'field', width: 160 },
              { title: te.import.reason, dataIndex: 'message' },
            ]}
          />
        )}
      </Flex>
    </Modal>
  );
}
