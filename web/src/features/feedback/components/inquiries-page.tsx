import { App, Button, Card, Flex, Form, Input, Popconfirm, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import { revealInquiryContact, type InquiryBox, type InquiryDto } from '../api.ts';
import { useInquiryList, useReceiveInquiry, useReplyInquiry } from '../queries.ts';
import { InquiryFormModal } from './inquiry-form-modal.tsx';

const STATE_COLORS: Record<string, string> = { answered: 'green', pending: 'orange', transferred: 'blue', directed: 'cyan', outside_center: 'default' };

/** 首问登记 (A.1, A.2): what I was asked first, what was transferred to me, and — for the desk and managers — the whole center's. */
export function InquiriesPage() {
  const { can } = useAuth();
  const [box, setBox] = useState<InquiryBox>('mine');
  const [isRecording, setRecording] = useState(false);
  const [replying, setReplying] = useState<InquiryDto | null>(null);
  const query = useInquiryList({ box });
  const receive = useReceiveInquiry();
  const reply = useReplyInquiry();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const boxes: InquiryBox[] = can('queue.issue') || can('inquiry.violations_all') ? ['mine', 'incoming', 'center'] : ['mine', 'incoming'];

  const showContact = async (i: InquiryDto) => {
    try {
      const c = await revealInquiryContact(i.id);
      modal.info({ title: tfb.inquiries.fields.asker, content: [c.enterpriseName, c.personName, c.phone].filter(Boolean).join(' · ') });
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Card
      title={tfb.inquiries.title}
      extra={
        <Flex gap={8} align="center">
          <Segmented value={box} onChange={(v) => setBox(v as InquiryBox)} options={boxes.map((b) => ({ value: b, label: tfb.inquiries.boxes[b] }))} data-testid="inquiry-box" />
          <Button type="primary" onClick={() => setRecording(true)} data-testid="record-inquiry">
            {tfb.inquiries.record}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{tfb.inquiries.hint}</Typography.Paragraph>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<InquiryDto>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data}
          data-testid="inquiries"
          expandable={{
            rowExpandable: (i) => Boolean(i.reply || i.note),
            expandedRowRender: (i) => (
              <Flex vertical gap={4}>
                {i.reply && <Typography.Text>{tfb.inquiries.fields.reply}：{i.reply}（{i.repliedByName} {i.repliedAt ? formatDateTime(i.repliedAt) : ''}）</Typography.Text>}
                {i.note && <Typography.Text type="secondary">{tfb.inquiries.fields.note}：{i.note}</Typography.Text>}
              </Flex>
            ),
          }}
          columns={[
            { title: tfb.inquiries.fields.askedAt, dataIndex: 'askedAt', render: formatDateTime },
            { title: tfb.inquiries.fields.mode, render: (_, i) => `${tfb.inquiries.modes[i.mode]} · ${tfb.inquiries.purposes[i.purpose]}` },
            { title: tfb.inquiries.fields.subject, dataIndex: 'subject' },
            { title: tfb.inquiries.fields.asker, render: (_, i) => [i.enterpriseName || i.uscc, i.personName, i.phoneMasked].filter(Boolean).join(' · ') },
            { title: tfb.inquiries.fields.firstResponder, dataIndex: 'firstResponderName' },
            {
              title: tfb.inquiries.fields.state,
              render: (_, i) => (
                <Flex vertical gap={2}>
                  <span>
                    <Tag color={STATE_COLORS[i.outcome]} data-testid="inquiry-state">{tfb.inquiries.states[i.outcome]}</Tag>
                    {(i.isOverdue || i.isTransferOverdue) && <Tag color="red">{tfb.inquiries.overdue}</Tag>}
                  </span>
                  {i.outcome === 'transferred' && <Typography.Text type="secondary">{[i.transferDepartmentName, i.transferStaffName].filter(Boolean).join(' / ')}</Typography.Text>}
                  {i.receivedByName && i.outcome === 'pending' && <Typography.Text type="secondary">{tfb.inquiries.fields.receivedBy}：{i.receivedByName}</Typography.Text>}
                  {i.outcome === 'transferred' && i.transferDueOn && <Typography.Text type="secondary">{tfb.inquiries.receiveDue(i.transferDueOn)}</Typography.Text>}
                  {(i.outcome === 'pending' || i.outcome === 'transferred') && i.replyDueOn && <Typography.Text type="secondary">{tfb.inquiries.replyDue(i.replyDueOn)}</Typography.Text>}
                </Flex>
              ),
            },
            {
              title: t.common.actions,
              render: (_, i) => (
                <Flex gap={4} wrap>
                  {i.canReceive && (
                    <Popconfirm
                      title={tfb.inquiries.receiveConfirm}
                      onConfirm={() =>
                        receive.mutateAsync({ id: i.id, version: i.version }).then(
                          () => void message.success(tfb.inquiries.received),
                          (e: unknown) => showError(e),
                        )
                      }
                    >
                      <Button size="small" type="primary" data-testid="receive-inquiry">
                        {tfb.inquiries.receive}
                      </Button>
                    </Popconfirm>
                  )}
                  {i.canReply && (
                    <Button size="small" onClick={() => setReplying(i)} data-testid="reply-inquiry">
                      {tfb.inquiries.reply}
                    </Button>
                  )}
                  {i.phoneMasked && (i.canReply || i.canReceive) && (
                    <Button size="small" type="link" onClick={() => void showContact(i)}>
                      {tfb.inquiries.showContact}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}
      {isRecording && <InquiryFormModal onClose={() => setRecording(false)} />}
      {replying && (
        <FormModal<{ reply: string }> title={`${tfb.inquiries.reply}：${replying.subject}`} onClose={() => setReplying(null)} onSubmit={(v) => reply.mutateAsync({ id: replying.id, version: replying.version, reply: v.reply })}>
          <Form.Item name="reply" label={tfb.inquiries.fields.reply} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="inquiry-reply-text" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
