import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../../app/auth-context.tsx';
import { describeError } from '../../../../components/use-show-error.ts';
import { isApiError } from '../../../../lib/api.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { useImportWorkbook } from '../../queries.ts';

/** Import of a whole catalog workbook: refused whole with every error listed, or loaded. */
export function ImportModal({ centerId, onClose }: { centerId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const canCreateDepartments = useAuth().can('org.manage');
  const importing = useImportWorkbook();
  const [file, setFile] = useState<File | null>(null);
  const [createDepartments, setCreateDepartments] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [summary, setSummary] = useState<string | null>(null);

  const submit = async () => {
    if (!file) return;
    setProblems([]);
    setSummary(null);
    try {
      const r = await importing.mutateAsync({ centerId, file, createDepartments });
      setSummary([tc.importer.done(r.created, r.updated, r.unchanged), r.departmentsCreated.length ? tc.importer.departmentsCreated(r.departmentsCreated.join('、')) : ''].filter(Boolean).join('；'));
      message.success(tc.importer.done(r.created, r.updated, r.unchanged));
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0) setProblems(error.fields.map((f) => f.message));
      else message.error(describeError(error));
    }
  };

  return (
    <Modal open title={tc.importer.title} onCancel={onClose} width={760} footer={[
      <Button key="close" onClick={onClose}>{t.common.cancel}</Button>,
      <Button key="go" type="primary" disabled={!file} loading={importing.isPending} onClick={() => void submit()} data-testid="import-submit">{tc.importer.submit}</Button>,
    ]}>
      <Flex orientation="vertical" gap={12}>
        <Typography.Paragraph type="secondary">{tc.importer.hint}</Typography.Paragraph>
        <Upload accept=".xlsx" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)}>
          <Button icon={<UploadOutlined />}>{tc.importer.pick}</Button>
        </Upload>
        {canCreateDepartments && (
          <Checkbox checked={createDepartments} onChange={(e) => setCreateDepartments(e.target.checked)}>
            {tc.importer.createDepartments}
          </Checkbox>
        )}
        {summary && <Alert type="success" showIcon title={summary} />}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={tc.importer.errorsTitle(problems.length)}
            data-testid="import-errors"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 320, overflow: 'auto' }}>
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
      </Flex>
    </Modal>
  );
}
