import { Button, Card, DatePicker, Descriptions, Flex, Form, Input, Select, Spin, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { FormModal } from '../../../../components/form-modal.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { nowInShanghai, toIsoDate } from '../../../../lib/time.ts';
import { tfb } from '../../../../locales/feedback.zh-CN.ts';
import { tas } from '../../../../locales/surveys.zh-CN.ts';
import { useStaff } from '../../../staff/queries.ts';
import { reportFileUrl, type FindingDto, type ReportDetail } from '../api.ts';
import { useAddFinding, useRaiseImprovement, useReport } from '../queries.ts';

/** An evaluation report: its summary and file, its findings and the improvement each raised (9.4). */
export function AssessmentDetailPage() {
  const { id = '' } = useParams();
  const query = useReport(id);
  const { can } = useAuth();
  const [isAdding, setAdding] = useState(false);
  const [raising, setRaising] = useState<FindingDto | null>(null);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Spin />;
  const r = query.data;
  const mayRaise = can('assessment.manage') && can('improvement.manage');
  return (
    <Flex vertical gap={16} data-testid="report-detail">
      <Card
        title={
          <Flex gap={8} align="center">
            <span>{r.title}</span>
            <Tag color={r.kind === 'self' ? 'blue' : 'purple'}>{tas.kinds[r.kind]}</Tag>
          </Flex>
        }
        extra={<Link to="/assessments">{tas.detail.back}</Link>}
      >
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={tas.fields.period}>{`${r.periodFrom} 至 ${r.periodTo}`}</Descriptions.Item>
          <Descriptions.Item label={tas.fields.evaluatorOrg}>{r.evaluatorOrg || '—'}</Descriptions.Item>
          <Descriptions.Item label={tas.fields.file}>
            {r.file ? (
              <a href={reportFileUrl(r.id)} data-testid="report-download">
                {r.file.filename}
              </a>
            ) : (
              tas.detail.noFile
            )}
          </Descriptions.Item>
          <Descriptions.Item label={tas.fields.createdBy}>{r.createdByName}</Descriptions.Item>
          <Descriptions.Item label={tas.fields.summary} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.summary}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={tas.fields.findings}
        extra={
          can('assessment.manage') && (
            <Button onClick={() => setAdding(true)} data-testid="add-finding">
              {tas.detail.addFinding}
            </Button>
          )
        }
      >
        <Table<FindingDto>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={r.findings}
          data-testid="findings"
          columns={[
            { title: '#', dataIndex: 'position', width: 48 },
            { title: tas.fields.problem, dataIndex: 'problem' },
            { title: tas.fields.recommendation, render: (_, f) => f.recommendation || '—' },
            {
              title: tas.fields.improvement,
              render: (_, f) =>
                f.improvement ? (
                  <Flex vertical gap={4}>
                    <Link to="/improvements">{tas.detail.improvementOf(f.improvement.target, f.improvement.ownerName, f.improvement.dueOn)}</Link>
                    <Tag color={f.improvement.state === 'passed' ? 'green' : 'orange'} style={{ width: 'fit-content' }}>
                      {tfb.improvements.states[f.improvement.state]}
                    </Tag>
                  </Flex>
                ) : mayRaise ? (
                  <Button size="small" onClick={() => setRaising(f)} data-testid="raise-finding-improvement">
                    {tas.detail.raise}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{tas.detail.noImprovement}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      {isAdding && <AddFindingModal report={r} onClose={() => setAdding(false)} />}
      {raising && <RaiseModal report={r} finding={raising} onClose={() => setRaising(null)} />}
    </Flex>
  );
}

function AddFindingModal({ report, onClose }: { report: ReportDetail; onClose: () => void }) {
  const add = useAddFinding();
  return (
    <FormModal<{ problem: string; recommendation?: string }> title={tas.detail.addFinding} onClose={onClose} onSubmit={(v) => add.mutateAsync({ id: report.id, finding: v })}>
      <Form.Item name="problem" label={tas.fields.problem} rules={[{ required: true, whitespace: true, message: tas.fields.problem }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="recommendation" label={tas.fields.recommendation}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

type RaiseValues = { target: string; measures: string; ownerId: string; dueOn: Dayjs };

function RaiseModal({ report, finding, onClose }: { report: ReportDetail; finding: FindingDto; onClose: () => void }) {
  const { me } = useAuth();
  const people = useStaff({ centerId: me.centerId ?? undefined });
  const raise = useRaiseImprovement();
  return (
    <FormModal<RaiseValues>
      title={tas.detail.raiseTitle}
      onClose={onClose}
      initialValues={{ measures: finding.recommendation, dueOn: nowInShanghai().add(1, 'month') }}
      onSubmit={(v) => raise.mutateAsync({ id: report.id, findingId: finding.id, body: { target: v.target, measures: v.measures, ownerId: v.ownerId, dueOn: toIsoDate(v.dueOn) } })}
    >
      <Typography.Paragraph type="secondary">{finding.problem}</Typography.Paragraph>
      <Form.Item name="target" label={tfb.improvements.target} rules={[{ required: true, whitespace: true, message: tfb.improvements.target }]}>
        <Input maxLength={500} data-testid="raise-target" />
      </Form.Item>
      <Form.Item name="measures" label={tfb.improvements.measures} rules={[{ required: true, whitespace: true, message: tfb.improvements.measures }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="raise-measures" />
      </Form.Item>
      <Form.Item name="ownerId" label={tfb.improvements.owner} rules={[{ required: true, message: tfb.improvements.owner }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(people.data ?? []).filter((p) => p.isActive).map((p) => ({ value: p.id, label: `${p.displayName}（${p.username}）` }))}
          data-testid="raise-owner"
        />
      </Form.Item>
      <Form.Item name="dueOn" label={tfb.improvements.dueOn} rules={[{ required: true, message: tfb.improvements.dueOn }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
