import { Button, Card, Descriptions, Flex, Form, Input, Select, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { ttal } from '../../../locales/talent.zh-CN.ts';
import { useDepartments } from '../../staff/queries.ts';
import type { RequestDetail } from '../api.ts';
import { useRequest, useTakeStep } from '../queries.ts';

/** One talent service request: what was asked, its due date, its steps, and the next steps it may take. */
export function TalentRequestPage() {
  const { id = '' } = useParams();
  const query = useRequest(id);
  const [action, setAction] = useState<string | null>(null);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Spin />;
  const r = query.data;
  return (
    <Flex vertical gap={16} data-testid="talent-request">
      <Card
        title={
          <Flex gap={8} align="center">
            <span>{`${r.personName} · ${ttal.kinds[r.kind]}`}</span>
            <Tag color={ttal.stateColors[r.state]} data-testid="request-detail-state">
              {ttal.states[r.state]}
            </Tag>
            {r.overdue && <Tag color="red">{ttal.request.overdue}</Tag>}
          </Flex>
        }
        extra={<Link to="/talent">{ttal.request.back}</Link>}
      >
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={ttal.profile.category}>{ttal.categories[r.category]}</Descriptions.Item>
          <Descriptions.Item label={ttal.request.department}>{r.departmentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={ttal.request.submittedOn}>{r.submittedOn}</Descriptions.Item>
          <Descriptions.Item label={ttal.request.dueOn}>{r.dueOn}</Descriptions.Item>
          <Descriptions.Item label={ttal.request.closedOn}>{r.closedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={ttal.request.summary} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.summary}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
        {r.actions.length > 0 && (
          <Flex gap={8} style={{ marginTop: 16 }} wrap>
            {r.actions.map((a) => (
              <Button key={a} type={a === 'accept' || a === 'complete' ? 'primary' : 'default'} danger={a === 'decline'} onClick={() => setAction(a)} data-testid={`step-${a}`}>
                {ttal.actions[a]}
              </Button>
            ))}
          </Flex>
        )}
      </Card>
      <Card title={ttal.request.steps}>
        <Timeline
          data-testid="request-steps"
          items={r.steps.map((s) => ({
            color: s.toState === 'declined' ? 'red' : s.toState === 'done' ? 'green' : 'blue',
            children: (
              <Flex vertical>
                <Typography.Text strong>{`${ttal.actions[s.action] ?? s.action} → ${ttal.states[s.toState]}`}</Typography.Text>
                {s.note && <Typography.Text>{s.note}</Typography.Text>}
                <Typography.Text type="secondary">{`${s.staffName} · ${formatDateTime(s.at)}`}</Typography.Text>
              </Flex>
            ),
          }))}
        />
      </Card>
      {action && <StepModal request={r} action={action} onClose={() => setAction(null)} />}
    </Flex>
  );
}

type Values = { note?: string; departmentId?: string };

function StepModal({ request, action, onClose }: { request: RequestDetail; action: string; onClose: () => void }) {
  const { me } = useAuth();
  const departments = useDepartments(me.centerId);
  const step = useTakeStep();
  const noteRequired = action === 'decline' || action === 'note';
  const submit = (v: Values) => step.mutateAsync({ id: request.id, body: { action: action as never, note: v.note?.trim() ?? '', departmentId: v.departmentId ?? null, version: request.version } });
  return (
    <FormModal<Values> title={ttal.actions[action] ?? action} onSubmit={submit} onClose={onClose} initialValues={{ departmentId: request.departmentId ?? undefined }}>
      {action === 'coordinate' && (
        <Form.Item name="departmentId" label={ttal.request.department} rules={[{ required: true, message: ttal.request.departmentRequired }]}>
          <Select showSearch optionFilterProp="label" loading={departments.isLoading} options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} data-testid="step-department" />
        </Form.Item>
      )}
      <Form.Item name="note" label={ttal.request.note} rules={noteRequired ? [{ required: true, whitespace: true, message: ttal.request.noteRequired }] : []}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="step-note-text" />
      </Form.Item>
    </FormModal>
  );
}
