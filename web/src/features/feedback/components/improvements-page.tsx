import { Button, Card, Checkbox, Flex, Form, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import type { ImprovementDto } from '../api.ts';
import { useImprovements, useRecheckImprovement, useSubmitImprovement } from '../queries.ts';
import { ImprovementFormModal } from './improvement-form-modal.tsx';

const STATE_COLORS: Record<string, string> = { open: 'orange', submitted: 'blue', passed: 'green' };

/** 改进与复查 (9.4): improvements from every source; the owner submits the result, someone else re-checks it. */
export function ImprovementsPage() {
  const { me, can } = useAuth();
  const [state, setState] = useState<string | undefined>();
  const [isMine, setMine] = useState(false);
  const [isAdding, setAdding] = useState(false);
  const [submitting, setSubmitting] = useState<ImprovementDto | null>(null);
  const [rechecking, setRechecking] = useState<ImprovementDto | null>(null);
  const query = useImprovements({ state, mine: isMine });
  const submit = useSubmitImprovement();
  const recheck = useRecheckImprovement();

  return (
    <Card
      title={tfb.improvements.title}
      extra={
        <Flex gap={8} align="center">
          <Select style={{ width: 140 }} allowClear placeholder={tfb.fields.state} value={state} onChange={setState} options={Object.entries(tfb.improvements.states).map(([value, label]) => ({ value, label }))} />
          <Checkbox checked={isMine} onChange={(e) => setMine(e.target.checked)}>
            {tfb.improvements.mine}
          </Checkbox>
          {can('improvement.manage') && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="add-improvement">
              {tfb.improvements.add}
            </Button>
          )}
        </Flex>
      }
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ImprovementDto>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data}
          data-testid="improvements"
          expandable={{
            expandedRowRender: (i) => (
              <Flex vertical gap={4}>
                <Typography.Text>{tfb.improvements.measures}：{i.measures}</Typography.Text>
                {i.result && <Typography.Text>{tfb.improvements.result}：{i.result}</Typography.Text>}
                {i.rechecks.map((r) => (
                  <Typography.Text key={r.checkedAt} type="secondary">
                    {tfb.improvements.history}：{formatDateTime(r.checkedAt)} {r.checkedByName} {r.outcome === 'passed' ? tfb.improvements.pass : tfb.improvements.sendBack}——{r.note}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          }}
          columns={[
            { title: tfb.improvements.source, render: (_, i) => (<>{tfb.improvements.sources[i.sourceType]}{i.caseId && <Link to={`/feedback/${i.caseId}`} style={{ marginInlineStart: 4 }}>{i.caseNumber}</Link>}</>) },
            { title: tfb.improvements.target, dataIndex: 'target' },
            { title: tfb.improvements.owner, dataIndex: 'ownerName' },
            { title: tfb.fields.department, dataIndex: 'departmentName' },
            { title: tfb.improvements.dueOn, dataIndex: 'dueOn', render: (d: string, i) => <Tag color={i.isOverdue ? 'red' : 'default'}>{d}</Tag> },
            {
              title: tfb.fields.state,
              render: (_, i) => (
                <Flex gap={4} wrap>
                  <Tag color={STATE_COLORS[i.state]} data-testid="improvement-state">{tfb.improvements.states[i.state]}</Tag>
                  {i.sentBackCount > 0 && <Tag color="red">{tfb.improvements.sentBack(i.sentBackCount)}</Tag>}
                </Flex>
              ),
            },
            {
              title: '',
              render: (_, i) => (
                <Flex gap={4}>
                  {i.state === 'open' && (i.ownerId === me.id || can('improvement.manage')) && (
                    <Button size="small" onClick={() => setSubmitting(i)} data-testid="submit-improvement">
                      {tfb.improvements.submit}
                    </Button>
                  )}
                  {i.state === 'submitted' && can('improvement.recheck') && i.ownerId !== me.id && (
                    <Button size="small" type="primary" onClick={() => setRechecking(i)} data-testid="recheck-improvement">
                      {tfb.improvements.recheck}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}
      {isAdding && <ImprovementFormModal onClose={() => setAdding(false)} />}
      {submitting && (
        <FormModal<{ result: string }> title={tfb.improvements.submit} onClose={() => setSubmitting(null)} onSubmit={(v) => submit.mutateAsync({ id: submitting.id, body: { version: submitting.version, result: v.result } })}>
          <Form.Item name="result" label={tfb.improvements.result} rules={[{ required: true, whitespace: true, message: tfb.improvements.result }]}>
            <Input.TextArea rows={4} maxLength={4000} data-testid="improvement-result" />
          </Form.Item>
        </FormModal>
      )}
      {rechecking && (
        <FormModal<{ outcome: 'passed' | 'sent_back'; note: string }>
          title={tfb.improvements.recheck}
          onClose={() => setRechecking(null)}
          onSubmit={(v) => recheck.mutateAsync({ id: rechecking.id, body: { version: rechecking.version, ...v } })}
        >
          <Typography.Paragraph>{rechecking.result}</Typography.Paragraph>
          <Form.Item name="outcome" label={tfb.improvements.recheck} rules={[{ required: true, message: tfb.improvements.recheck }]}>
            <Radio.Group options={[{ value: 'passed', label: tfb.improvements.pass }, { value: 'sent_back', label: tfb.improvements.sendBack }]} data-testid="recheck-outcome" />
          </Form.Item>
          <Form.Item name="note" label={tfb.improvements.recheckNote} rules={[{ required: true, whitespace: true, message: tfb.improvements.recheckNote }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="recheck-note" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
