import { Alert, Button, Card, Descriptions, Flex, Form, Input, List, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import { revealComplainant, type CaseDetail } from '../api.ts';
import { useCase, useCaseAction } from '../queries.ts';
import { CaseActions } from './case-actions.tsx';
import { CaseStateTag, DueTag, KindTag } from './case-tags.tsx';
import { ImprovementFormModal } from './improvement-form-modal.tsx';

/** A case with its subject, reply, tasks and timeline; a confidential submitter only on a handler's request (audited). */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const query = useCase(id);
  const { can } = useAuth();
  const [isRaising, setRaising] = useState(false);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Spin />;
  const c = query.data;
  const source = c.kind === 'complaint' || c.kind === 'report' ? 'complaint' : c.kind === 'unresolved' ? 'unresolved' : 'feedback';

  return (
    <Flex vertical gap={16} data-testid="case-detail">
      <Card
        title={
          <Flex gap={8} align="center">
            <span>{tfb.detail.title(c.number)}</span>
            <KindTag kind={c.kind} />
            <CaseStateTag state={c.state} />
            {c.isConfidential && <Tag>{tfb.fields.confidential}</Tag>}
          </Flex>
        }
        extra={
          can('improvement.manage') && (
            <Button onClick={() => setRaising(true)} data-testid="raise-improvement">
              {tfb.detail.raiseImprovement}
            </Button>
          )
        }
      >
        <Flex vertical gap={16}>
          <CaseActions c={c} />
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={tfb.fields.channel}>{tfb.channels[c.channel]}</Descriptions.Item>
            <Descriptions.Item label={tfb.fields.receivedAt}>{formatDateTime(c.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={tfb.fields.dueOn}>
              <Flex gap={8}>
                {c.dueOn}
                <DueTag c={c} />
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={tfb.fields.handler}>{c.handlerName}</Descriptions.Item>
            <Descriptions.Item label={tfb.fields.subject} span={2}>
              {[c.departmentName, c.counterName, c.staffName, c.itemName, c.applicationNumber].filter(Boolean).join(' / ')}
            </Descriptions.Item>
            {c.complaintScope && <Descriptions.Item label={tfb.fields.complaintScope} span={2}>{tfb.scopes[c.complaintScope]}</Descriptions.Item>}
            {c.cause && <Descriptions.Item label={tfb.fields.cause} span={2}>{tfb.causes[c.cause]}</Descriptions.Item>}
            <Descriptions.Item label={tfb.fields.content} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="case-content">
                {c.content}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={tfb.fields.submitter} span={2}>
              <Submitter c={c} />
            </Descriptions.Item>
            {c.reply && (
              <Descriptions.Item label={tfb.fields.reply} span={2}>
                <span data-testid="case-reply">{c.reply}</span>
              </Descriptions.Item>
            )}
            {c.outcome && (
              <Descriptions.Item label={tfb.fields.outcome} span={2}>
                <Flex gap={8}>
                  <Tag color="blue">{tfb.outcomes[c.outcome]}</Tag>
                  <Tag color={c.isConfirmedByEnterprise ? 'green' : 'default'} data-testid="confirmation">
                    {c.isConfirmedByEnterprise ? tfb.detail.confirmed : tfb.detail.notConfirmed}
                  </Tag>
                </Flex>
              </Descriptions.Item>
            )}
            {c.satisfaction && (
              <Descriptions.Item label={tfb.fields.satisfaction} span={2}>
                <span data-testid="case-satisfaction">{tfb.satisfactions[c.satisfaction]}</span>
                {c.reopenCount > 0 && <Tag style={{ marginInlineStart: 8 }}>{tfb.detail.reopened}</Tag>}
              </Descriptions.Item>
            )}
            {c.referral && (
              <Descriptions.Item label={tfb.fields.referral} span={2}>
                {c.referral.body}（{c.referral.number}，{formatDateTime(c.referral.at)}）
              </Descriptions.Item>
            )}
          </Descriptions>
        </Flex>
      </Card>
      {c.kind === 'unresolved' && <TasksCard c={c} />}
      <Card title={tfb.fields.timeline}>
        <Timeline
          data-testid="case-timeline"
          items={c.timeline.map((e) => ({
            children: (
              <>
                <Typography.Text strong>{tfb.actions[e.action] ?? e.action}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(e.at)} · {e.actorName}</Typography.Text>
                {e.note && <div>{e.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
      {isRaising && <ImprovementFormModal caseId={c.id} sourceType={source} onClose={() => setRaising(false)} />}
    </Flex>
  );
}

function Submitter({ c }: { c: CaseDetail }) {
  const showError = useShowError();
  const [identity, setIdentity] = useState<Awaited<ReturnType<typeof revealComplainant>> | null>(null);
  if (!c.isIdentityHidden) {
    const s = c.submitter;
    return <span data-testid="submitter">{s ? [s.enterpriseName, s.uscc, s.personName, s.phoneMasked].filter(Boolean).join(' / ') : ''}</span>;
  }
  if (identity) return <span data-testid="submitter">{[identity.enterpriseName, identity.uscc, identity.personName, identity.phone].filter(Boolean).join(' / ')}</span>;
  return (
    <Flex gap={8} align="center" wrap>
      <Alert type="warning" showIcon title={tfb.detail.identityHidden} data-testid="identity-hidden" />
      {c.canRevealIdentity && (
        <Button size="small" onClick={() => revealComplainant(c.id).then(setIdentity, showError)} data-testid="reveal-identity">
          {tfb.detail.reveal}
        </Button>
      )}
    </Flex>
  );
}

function TasksCard({ c }: { c: CaseDetail }) {
  const { me, can } = useAuth();
  const [taskId, setTaskId] = useState<string | null>(null);
  const action = useCaseAction(c.id);
  const mayAnswer = (departmentId: string) => c.actions.includes('answer_task') && (can('feedback.handle_all') || departmentId === me.departmentId);
  return (
    <Card title={tfb.fields.tasks}>
      <List
        data-testid="case-tasks"
        locale={{ emptyText: tfb.detail.noTasks }}
        dataSource={c.tasks}
        renderItem={(t) => (
          <List.Item
            actions={
              !t.answeredAt && mayAnswer(t.departmentId)
                ? [
                    <Button key="answer" size="small" onClick={() => setTaskId(t.id)} data-testid={`answer-task-${t.departmentName}`}>
                      {tfb.detail.answerTask}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Flex gap={8}>
                  {t.departmentName}
                  <Tag color={t.answeredAt ? 'green' : t.isOverdue ? 'red' : 'orange'}>{tfb.detail.taskDue(t.dueOn)}</Tag>
                </Flex>
              }
              description={t.answer ? `${t.request} → ${t.answer}` : t.request}
            />
          </List.Item>
        )}
      />
      {taskId && (
        <FormModal<{ answer: string }> title={tfb.detail.answerTask} onClose={() => setTaskId(null)} onSubmit={(v) => action.mutateAsync({ path: 'task-answers', body: { version: c.version, taskId, answer: v.answer } })}>
          <Form.Item name="answer" label={tfb.forms.answer} rules={[{ required: true, whitespace: true, message: tfb.forms.answer }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="task-answer" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
