import { App, Button, Card, Checkbox, Col, Form, Input, Modal, Popconfirm, Radio, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { GreenReason } from '@server/modules/queue/contract.ts';
import type { InquiryMode, InquiryOutcome } from '@server/modules/feedback/inquiries/workflow.ts';
import type { Theme } from '@server/modules/catalog/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { applyFieldErrors, emptyToNull } from '../../../lib/forms.ts';
import { optionsOf } from '../../../lib/options.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import { cancelByDesk, recordInquiry, type InquiryDto, type TicketDto, type TicketStatusDto } from '../api.ts';
import { queueKeys, useInquiries, useQueueItems, useQueues, useWaitingTickets } from '../queries.ts';
import { Receipt } from './receipt.tsx';

/** What the desk settles on the spot; transfers and later answers are recorded on 首问登记. */
type DeskOutcome = Extract<InquiryOutcome, 'answered' | 'directed' | 'outside_center'>;
const DESK_OUTCOMES: DeskOutcome[] = ['answered', 'directed', 'outside_center'];

type Values = {
  mode: InquiryMode;
  subject: string;
  theme?: Theme;
  itemId?: string;
  uscc?: string;
  phone?: string;
  outcome: DeskOutcome;
  reply?: string;
  note?: string;
  takeTicket: boolean;
  queueId?: string;
  priorityClass: 'ordinary' | 'green_channel';
  greenReason?: GreenReason;
  overrideQuota: boolean;
};

/**
 * The guidance desk (咨询导办台, 6.1.1): record each inquiry with its first responder (A.1), and
 * when directing someone to a counter, take the ticket on their behalf and print the receipt.
 */
export function ReceptionPage() {
  const { me, can } = useAuth();
  const centerId = me.centerId;
  const queues = useQueues(centerId);
  const items = useQueueItems(centerId);
  const inquiries = useInquiries(centerId);
  const waiting = useWaitingTickets(centerId);
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [receipt, setReceipt] = useState<TicketStatusDto | null>(null);
  const [saving, setSaving] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const takeTicket = Form.useWatch('takeTicket', form);
  const priorityClass = Form.useWatch('priorityClass', form);
  const theme = Form.useWatch('theme', form);

  if (!centerId) return null;

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const withTicket = v.outcome === 'directed' && v.takeTicket;
      const result = await recordInquiry({
        mode: v.mode,
        subject: v.subject,
        theme: v.theme ?? null,
        itemId: v.itemId ?? null,
        uscc: emptyToNull(v.uscc),
        phone: emptyToNull(v.phone),
        outcome: v.outcome,
        reply: v.outcome === 'answered' ? (v.reply ?? '') : '',
        note: v.note ?? '',
        ticket: withTicket
          ? {
              queueId: v.queueId ?? null,
              itemId: v.itemId ?? null,
              priorityClass: v.priorityClass,
              greenReason: v.priorityClass === 'green_channel' ? (v.greenReason ?? null) : null,
              overrideQuota: v.overrideQuota,
            }
          : null,
      });
      message.success(tq.reception.recorded);
      if (result.issued) setReceipt(result.issued.status);
      form.resetFields();
      void client.invalidateQueries({ queryKey: queueKeys.inquiries(centerId) });
      void client.invalidateQueries({ queryKey: queueKeys.waiting(centerId) });
    } catch (e) {
      showError(e);
      applyFieldErrors(form, e);
    } finally {
      setSaving(false);
    }
  };

  const cancel = async (ticket: TicketDto) => {
    try {
      await cancelByDesk(ticket.id);
      void client.invalidateQueries({ queryKey: queueKeys.waiting(centerId) });
    } catch (e) {
      showError(e);
    }
  };

  const itemOptions = (items.data ?? []).filter((i) => !theme || i.theme === theme).map((i) => ({ value: i.id, label: `${i.name}（${i.code}）` }));

  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Card title={tq.reception.title}>
          <Typography.Paragraph type="secondary">{tq.reception.hint}</Typography.Paragraph>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ mode: 'in_person', outcome: 'answered', takeTicket: true, priorityClass: 'ordinary', overrideQuota: false }}
          >
            <Form.Item name="mode" label={tq.reception.mode}>
              <Radio.Group options={optionsOf(tfb.inquiries.modes)} />
            </Form.Item>
            <Form.Item name="subject" label={tq.reception.subject} rules={[{ required: true, message: t.common.required }]}>
              <Input maxLength={200} data-testid="reception-subject" />
            </Form.Item>
            <Row gutter={8}>
              <Col span={10}>
                <Form.Item name="theme" label={tq.reception.theme}>
                  <Select allowClear options={optionsOf(tq.themes)} />
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item name="itemId" label={tq.reception.item}>
                  <Select allowClear showSearch optionFilterProp="label" options={itemOptions} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={8}>
              <Col span={14}>
                <Form.Item name="uscc" label={tq.reception.uscc}>
                  <Input maxLength={18} />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name="phone" label={tq.reception.phone}>
                  <Input maxLength={20} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="outcome" label={tq.reception.outcome}>
              <Radio.Group options={DESK_OUTCOMES.map((o) => ({ value: o, label: tfb.inquiries.outcomes[o] }))} />
            </Form.Item>
            {outcome === 'answered' && (
              <Form.Item name="reply" label={tq.reception.reply} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
                <Input.TextArea rows={2} maxLength={2000} data-testid="reception-reply" />
              </Form.Item>
            )}
            {outcome === 'directed' && (
              <Card size="small" style={{ marginBottom: 16 }}>
                <Form.Item name="takeTicket" label={tq.reception.takeTicket} valuePropName="checked">
                  <Switch />
                </Form.Item>
                {takeTicket && (
                  <>
                    <Form.Item
                      name="queueId"
                      label={tq.reception.queue}
                      dependencies={['itemId']}
                      rules={[({ getFieldValue }) => ({ validator: (_, v) => (v || getFieldValue('itemId') ? Promise.resolve() : Promise.reject(new Error(tq.reception.queueOrItem))) })]}
                    >
                      <Select allowClear options={(queues.data ?? []).filter((q) => q.isOpen && q.isActive).map((q) => ({ value: q.id, label: tq.common.queueLabel(q.prefix, q.name) }))} />
                    </Form.Item>
                    <Form.Item name="priorityClass" label={tq.reception.priority}>
                      <Radio.Group options={[{ value: 'ordinary', label: tq.priorityClasses.ordinary }, { value: 'green_channel', label: tq.priorityClasses.green_channel }]} />
                    </Form.Item>
                    {priorityClass === 'green_channel' && (
                      <Form.Item name="greenReason" label={tq.reception.greenReason} rules={[{ required: true, message: t.common.required }]}>
                        <Radio.Group options={optionsOf(tq.greenReasons)} />
                      </Form.Item>
                    )}
                    {can('queue.override_quota') && (
                      <Form.Item name="overrideQuota" valuePropName="checked">
                        <Checkbox>{tq.reception.override}</Checkbox>
                      </Form.Item>
                    )}
                  </>
                )}
              </Card>
            )}
            <Form.Item name="note" label={tq.reception.note}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="reception-submit">
              {tq.reception.submit}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={tq.reception.waitingTickets} size="small" style={{ marginBottom: 16 }}>
          <Table<TicketDto>
            rowKey="id"
            size="small"
            loading={waiting.isPending}
            dataSource={waiting.data}
            pagination={{ pageSize: 8 }}
            columns={[
              { title: tq.reception.ticket, dataIndex: 'displayNumber' },
              { title: tq.reception.queue, dataIndex: 'queueName' },
              { title: tq.reception.priority, dataIndex: 'priorityClass', render: (p: TicketDto['priorityClass']) => tq.priorityClasses[p] },
              { title: tq.reception.askedAt, dataIndex: 'issuedAt', render: (v: string) => formatDateTime(v).slice(11) },
              {
                title: t.common.actions,
                key: 'a',
                render: (_: unknown, row: TicketDto) => (
                  <Popconfirm title={tq.reception.cancelConfirm} onConfirm={() => cancel(row)} okText={tq.common.confirm}>
                    <Button type="link" size="small" danger>
                      {tq.reception.cancel}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
        <Card title={tq.reception.today} size="small">
          <Table<InquiryDto>
            rowKey="id"
            size="small"
            loading={inquiries.isPending}
            dataSource={inquiries.data}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: tq.reception.askedAt, dataIndex: 'askedAt', render: (v: string) => formatDateTime(v).slice(11) },
              { title: tq.reception.subject, dataIndex: 'subject' },
              { title: tq.reception.outcome, dataIndex: 'outcome', render: (o: InquiryOutcome) => tfb.inquiries.states[o] },
              { title: tq.reception.ticket, dataIndex: 'ticketDisplayNumber', render: (n: string | null) => (n ? <Tag>{n}</Tag> : null) },
              { title: tq.reception.responder, dataIndex: 'firstResponderName' },
            ]}
          />
        </Card>
      </Col>
      <Modal open={receipt !== null} onCancel={() => setReceipt(null)} title={tq.receipt.title} footer={[
        <Button key="print" type="primary" onClick={() => window.print()}>
          {tq.common.print}
        </Button>,
        <Button key="close" onClick={() => setReceipt(null)}>
          {tq.common.close}
        </Button>,
      ]}>
        {receipt && <Receipt ticket={receipt} />}
      </Modal>
    </Row>
  );
}
