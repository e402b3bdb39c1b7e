import { Button, Card, DatePicker, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../../components/form-modal.tsx';
import { optionsOf } from '../../../lib/options.ts';
import { nowInShanghai, toIsoDate } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import type { ExperienceTaskDto, ReportInput } from '../api.ts';
import { useReportTask } from '../queries.ts';

const te = tfb.experience;
type Finding = { category: string; description: string; suggestion?: string };
type Values = { experiencedOn: Dayjs; summary: string; satisfaction?: 'satisfied' | 'basically' | 'dissatisfied'; findings?: Finding[] };

/** 登记体验报告: entered by staff on the officer's behalf, with the findings one by one; once per task. */
export function ReportModal({ task, onClose }: { task: ExperienceTaskDto; onClose: () => void }) {
  const report = useReportTask();
  const submit = (v: Values) =>
    report.mutateAsync({
      id: task.id,
      body: {
        version: task.version,
        experiencedOn: toIsoDate(v.experiencedOn),
        summary: v.summary,
        satisfaction: v.satisfaction ?? null,
        findings: (v.findings ?? []).map((f) => ({ category: f.category as NonNullable<ReportInput['findings']>[number]['category'], description: f.description, suggestion: f.suggestion?.trim() ?? '' })),
      },
    });
  return (
    <FormModal<Values> title={`${te.report}：${task.officerName} · ${task.itemName}`} width={720} onClose={onClose} onSubmit={submit} initialValues={{ experiencedOn: nowInShanghai(), findings: [] }}>
      <Typography.Paragraph type="secondary">{te.reportHint}</Typography.Paragraph>
      <Form.Item name="experiencedOn" label={te.fields.experiencedOn} rules={[{ required: true, message: t.common.required }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="summary" label={te.fields.summary} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="report-summary" />
      </Form.Item>
      <Form.Item name="satisfaction" label={te.fields.satisfaction}>
        <Radio.Group options={optionsOf(tfb.satisfactions as Record<'satisfied' | 'basically' | 'dissatisfied', string>)} />
      </Form.Item>
      <Form.List name="findings">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Card key={field.key} size="small" title={`${te.fields.findings} ${index + 1}`} extra={<Button size="small" type="link" danger onClick={() => remove(field.name)}>{t.common.delete}</Button>}>
                <Form.Item name={[field.name, 'category']} label={te.fields.category} rules={[{ required: true, message: t.common.required }]}>
                  <Select options={optionsOf(te.categories)} data-testid={`finding-category-${index}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'description']} label={te.fields.description} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
                  <Input.TextArea rows={2} maxLength={2000} data-testid={`finding-description-${index}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'suggestion']} label={te.fields.suggestion}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              </Card>
            ))}
            {fields.length < 20 && (
              <Button onClick={() => add({ category: 'other', description: '' })} data-testid="add-finding">
                {te.addFinding}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
