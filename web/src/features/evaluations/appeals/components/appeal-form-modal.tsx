import { Button, Descriptions, Form, Input, Radio, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../../components/form-modal.tsx';
import { formatDateTime } from '../../../../lib/time.ts';
import { tappeal, tcallback, trating } from '../../../../locales/evaluations.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { useCreateAppeal } from '../queries.ts';

export type AppealTarget = { id: string; level: number; itemName: string; comment: string; ratedAt: string };

/** 申诉: a bad review appealed as mistaken or malicious, with a statement and evidence files. */
export function AppealFormModal({ rating, onClose }: { rating: AppealTarget; onClose: () => void }) {
  const create = useCreateAppeal();
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <FormModal<{ reason: 'mistaken' | 'malicious'; statement: string }>
      title={tappeal.form.title}
      width={600}
      okText={tappeal.appeal}
      successText={tappeal.form.submitted}
      onClose={onClose}
      onSubmit={(v) => create.mutateAsync({ input: { ratingId: rating.id, ...v }, files: files.map((f) => f.originFileObj as File) })}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={tcallback.fields.ratedAt}>{formatDateTime(rating.ratedAt)}</Descriptions.Item>
        <Descriptions.Item label={tcallback.fields.item}>{rating.itemName}</Descriptions.Item>
        <Descriptions.Item label={tcallback.fields.level}>{trating.levels[rating.level]}</Descriptions.Item>
        {rating.comment && <Descriptions.Item label={tcallback.fields.comment}>{rating.comment}</Descriptions.Item>}
      </Descriptions>
      <Form.Item name="reason" label={tappeal.form.reason} rules={[{ required: true, message: t.common.required }]}>
        <Radio.Group options={Object.entries(tappeal.reasons).map(([value, label]) => ({ value, label }))} data-testid="appeal-reason" />
      </Form.Item>
      <Form.Item name="statement" label={tappeal.form.statement} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input.TextArea rows={4} maxLength={2000} placeholder={tappeal.form.statementPlaceholder} data-testid="appeal-statement" />
      </Form.Item>
      <Form.Item label={tappeal.form.evidence}>
        <Upload
          accept=".pdf,.jpg,.jpeg,.png"
          multiple
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFiles(fileList)}
        >
          <Button>{tappeal.form.choose}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
