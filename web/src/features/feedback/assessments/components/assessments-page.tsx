import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, Radio, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { FormModal } from '../../../../components/form-modal.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { UploadedFileField } from '../../../../components/uploaded-file-field.tsx';
import { toIsoDate } from '../../../../lib/time.ts';
import { tas } from '../../../../locales/surveys.zh-CN.ts';
import { uploadReportFile, type ReportInput, type ReportSummary } from '../api.ts';
import { useCreateReport, useReports } from '../queries.ts';

type Values = {
  kind: 'self' | 'third_party';
  title: string;
  period: [Dayjs, Dayjs];
  evaluatorOrg?: string;
  summary: string;
  fileId?: string | null;
  findings?: { problem: string; recommendation?: string }[];
};

/** 自我评价与第三方评估 (9.1.1): the center's evaluation reports. */

const REPORT_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png';
export function AssessmentsPage() {
  const { can } = useAuth();
  const [kind, setKind] = useState<string | undefined>();
  const [isAdding, setAdding] = useState(false);
  const query = useReports(kind);
  return (
    <Card
      title={tas.title}
      extra={
        <Flex gap={8}>
          <Select style={{ width: 140 }} allowClear placeholder={tas.list.allKinds} value={kind} onChange={setKind} options={Object.entries(tas.kinds).map(([value, label]) => ({ value, label }))} />
          {can('assessment.manage') && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="add-report">
              {tas.list.add}
            </Button>
          )}
        </Flex>
      }
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ReportSummary>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data}
          data-testid="reports"
          columns={[
            { title: tas.fields.title, render: (_, r) => <Link to={`/assessments/${r.id}`} data-testid="report-link">{r.title}</Link> },
            { title: tas.fields.kind, render: (_, r) => tas.kinds[r.kind] },
            { title: tas.fields.period, render: (_, r) => `${r.periodFrom} 至 ${r.periodTo}` },
            { title: tas.fields.evaluatorOrg, render: (_, r) => r.evaluatorOrg || '—' },
            { title: tas.fields.findingCount, dataIndex: 'findingCount' },
            { title: tas.fields.improvementCount, dataIndex: 'improvementCount' },
            { title: tas.fields.createdBy, dataIndex: 'createdByName' },
          ]}
        />
      )}
      {isAdding && <ReportFormModal onClose={() => setAdding(false)} />}
    </Card>
  );
}

function ReportFormModal({ onClose }: { onClose: () => void }) {
  const create = useCreateReport();
  const navigate = useNavigate();
  const submit = async (v: Values) => {
    const input: ReportInput = {
      kind: v.kind,
      title: v.title,
      periodFrom: toIsoDate(v.period[0]),
      periodTo: toIsoDate(v.period[1]),
      evaluatorOrg: v.kind === 'third_party' ? (v.evaluatorOrg ?? '') : '',
      summary: v.summary,
      fileId: v.fileId ?? null,
      findings: (v.findings ?? []).filter((f) => f.problem?.trim()).map((f) => ({ problem: f.problem, recommendation: f.recommendation ?? '' })),
    };
    const created = await create.mutateAsync(input);
    navigate(`/assessments/${created.id}`);
  };
  return (
    <FormModal<Values> title={tas.list.add} width={760} initialValues={{ kind: 'self', findings: [{ problem: '' }] }} onSubmit={submit} onClose={onClose}>
      <Form.Item name="kind" label={tas.fields.kind} rules={[{ required: true }]}>
        <Radio.Group options={Object.entries(tas.kinds).map(([value, label]) => ({ value, label }))} data-testid="report-kind" />
      </Form.Item>
      <Form.Item name="title" label={tas.fields.title} rules={[{ required: true, whitespace: true, message: tas.fields.title }]}>
        <Input maxLength={200} data-testid="report-title" />
      </Form.Item>
      <Form.Item name="period" label={tas.fields.period} rules={[{ required: true, message: tas.fields.period }]}>
        <DatePicker.RangePicker data-testid="report-period" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.kind !== b.kind}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'third_party' && (
            <Form.Item name="evaluatorOrg" label={tas.fields.evaluatorOrg} rules={[{ required: true, whitespace: true, message: tas.fields.evaluatorOrg }]}>
              <Input maxLength={200} data-testid="report-evaluator" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="summary" label={tas.fields.summary} rules={[{ required: true, whitespace: true, message: tas.fields.summary }]}>
        <Input.TextArea rows={4} maxLength={8000} data-testid="report-summary" />
      </Form.Item>
      <Form.Item name="fileId" label={tas.fields.file}>
        <UploadedFileField upload={uploadReportFile} accept={REPORT_ACCEPT} labels={{ upload: tas.form.upload, uploaded: tas.form.uploaded, hint: tas.form.fileHint }} testId="report-file" />
      </Form.Item>
      <Form.List name="findings">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Card key={field.key} size="small" title={tas.form.finding(index + 1)} extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={tas.form.removeFinding} />}>
                <Form.Item name={[field.name, 'problem']} label={tas.fields.problem} rules={[{ required: true, whitespace: true, message: tas.fields.problem }]}>
                  <Input.TextArea rows={2} maxLength={1000} data-testid="finding-problem" />
                </Form.Item>
                <Form.Item name={[field.name, 'recommendation']} label={tas.fields.recommendation}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ problem: '' })} data-testid="add-finding">
              {tas.form.addFinding}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
