import { Button, DatePicker, Form, Input, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormModal } from '../../../../components/form-modal.tsx';
import { formatDateTime, nowInShanghai, toIsoDate } from '../../../../lib/time.ts';
import { ttl } from '../../../../locales/time-limits.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import type { SupervisionDto } from '../api.ts';
import { useOpenSupervision, useReplySupervision } from '../queries.ts';

const f = ttl.supervisionFields;

export function SupervisionState({ s }: { s: SupervisionDto }) {
  return (
    <>
      <Tag color={s.reply === null ? 'orange' : 'green'}>{s.reply === null ? ttl.supervisionOpen : ttl.supervisionReplied}</Tag>
      {s.isOverdue && <Tag color="red" data-testid="supervision-overdue">{ttl.supervisionOverdue}</Tag>}
    </>
  );
}

/** Supervisions with their replies; the addressee answers an open one here. */
export function SupervisionTable({ rows, showApplication, loading }: { rows: SupervisionDto[] | undefined; showApplication?: boolean; loading?: boolean }) {
  const [replying, setReplying] = useState<SupervisionDto | null>(null);
  const reply = useReplySupervision();
  return (
    <>
      <Table<SupervisionDto>
        rowKey="id"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={rows}
        data-testid="supervisions"
        expandable={{
          rowExpandable: (s) => s.reply !== null,
          expandedRowRender: (s) => <Typography.Text>{f.reply}：{s.reply}（{s.repliedByName} {s.repliedAt ? formatDateTime(s.repliedAt) : ''}）</Typography.Text>,
        }}
        columns={[
          ...(showApplication ? [{ title: ttl.fields.application, render: (_: unknown, s: SupervisionDto) => <Link to={`/applications/${s.applicationId}`}>{`${s.applicationNumber} ${s.applicationName}`}</Link> }] : []),
          { title: ttl.fields.department, dataIndex: 'departmentName' },
          { title: f.addressee, dataIndex: 'addresseeName' },
          { title: f.request, dataIndex: 'request' },
          { title: f.deadline, dataIndex: 'deadline' },
          { title: f.openedBy, render: (_, s) => `${s.openedByName} ${formatDateTime(s.openedAt)}` },
          {
            title: ttl.fields.state,
            render: (_, s) =>
              s.canReply ? (
                <Button size="small" type="primary" onClick={() => setReplying(s)} data-testid="reply-supervision">
                  {ttl.replySupervision}
                </Button>
              ) : (
                <SupervisionState s={s} />
              ),
          },
        ]}
      />
      {replying && (
        <FormModal<{ reply: string }> title={`${ttl.replySupervision}：${replying.applicationNumber}`} onClose={() => setReplying(null)} onSubmit={(v) => reply.mutateAsync({ id: replying.id, version: replying.version, reply: v.reply })}>
          <Typography.Paragraph>
            {f.request}：{replying.request}（{f.deadline} {replying.deadline}）
          </Typography.Paragraph>
          <Form.Item name="reply" label={f.reply} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="supervision-reply" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** The manager's 督办 on one application: deadline and what is asked. */
export function OpenSupervisionModal({ applicationId, onClose }: { applicationId: string; onClose: () => void }) {
  const open = useOpenSupervision();
  type V = { deadline: Dayjs; request: string };
  return (
    <FormModal<V>
      title={ttl.openSupervision}
      initialValues={{ deadline: nowInShanghai().add(2, 'day') }}
      onClose={onClose}
      onSubmit={(v) => open.mutateAsync({ applicationId, deadline: toIsoDate(v.deadline), request: v.request })}
    >
      <Typography.Paragraph type="secondary">{ttl.supervisionHint}</Typography.Paragraph>
      <Form.Item name="deadline" label={f.deadline} rules={[{ required: true, message: t.common.required }]}>
        <DatePicker data-testid="supervision-deadline" />
      </Form.Item>
      <Form.Item name="request" label={f.request} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="supervision-request" />
      </Form.Item>
    </FormModal>
  );
}
