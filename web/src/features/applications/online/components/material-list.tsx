import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../../components/use-show-error.ts';
import { tol } from '../../../../locales/online-applying.zh-CN.ts';
import { useUploadMaterial } from '../../../policies/queries.ts';
import type { OnlineForm } from '../api.ts';

export type Provided = { kind: 'file'; fileId: string; filename: string } | { kind: 'license'; licenseId: string } | { kind: 'none' };

/** The checklist of an online application: per material, the enterprise's e-license (免提交) or its upload. */
export function MaterialList({
  materials,
  choice,
  onChange,
}: {
  materials: OnlineForm['materials'];
  choice: (m: OnlineForm['materials'][number]) => Provided | undefined;
  onChange: (key: string, provided: Provided) => void;
}) {
  const upload = useUploadMaterial();
  const [uploading, setUploading] = useState<string | null>(null);
  return (
    <>
      <List
        header={
          <Flex vertical gap={4}>
            <Typography.Text strong>{tol.materials}</Typography.Text>
            {materials.some((m) => m.license) && <Typography.Text type="secondary">{tol.licenseHint}</Typography.Text>}
          </Flex>
        }
        dataSource={materials}
        data-testid="online-apply-materials"
        renderItem={(m) => {
          const c = choice(m);
          return (
            <List.Item data-testid="online-apply-material" data-key={m.key}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{m.name}</Typography.Text>
                  <Tag color={m.importance === 'core' ? 'red' : 'default'}>{m.importance === 'core' ? tol.core : tol.secondary}</Tag>
                </Space>
                <Typography.Text type="secondary">{m.requirement}</Typography.Text>
                {m.license && (
                  <Checkbox
                    checked={c?.kind === 'license'}
                    onChange={(e) => onChange(m.key, e.target.checked ? { kind: 'license', licenseId: m.license!.id } : { kind: 'none' })}
                    data-testid="online-apply-use-license"
                  >
                    {tol.useLicense(m.license.typeName, m.license.number)}
                  </Checkbox>
                )}
                {c?.kind !== 'license' && (
                  <Space wrap>
                    <Upload
                      accept=".pdf,.jpg,.jpeg,.png"
                      showUploadList={false}
                      customRequest={({ file }) => {
                        setUploading(m.key);
                        upload.mutate(file as File, {
                          onSuccess: (stored) => onChange(m.key, { kind: 'file', fileId: stored.id, filename: stored.filename }),
                          onSettled: () => setUploading(null),
                        });
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />} loading={uploading === m.key} data-testid="online-apply-upload">
                        {c?.kind === 'file' ? tol.replace : tol.upload}
                      </Button>
                    </Upload>
                    {c?.kind === 'file' && (
                      <Typography.Text type="success" data-testid="online-apply-uploaded">
                        {tol.uploaded(c.filename)}
                      </Typography.Text>
                    )}
                  </Space>
                )}
              </Flex>
            </List.Item>
          );
        }}
      />
      {upload.isError && <Alert type="error" showIcon title={describeError(upload.error)} data-testid="online-apply-upload-error" />}
    </>
  );
}
