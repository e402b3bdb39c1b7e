import { App, Button, Card, Empty, Flex, Form, Input, Radio, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { formatDate, formatDateTime } from '../../../lib/time.ts';
import { tast } from '../../../locales/assistance.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import type { SessionDto } from '../api.ts';
import { useBookSession, useCancelSession, useMySessions, useSlots } from '../queries.ts';

type Values = { date: string; startsAt: string; topic: string; itemId?: string; personName: string };

/** 视频辅导 on the portal: book a half-hour slot with a filing assistant, and join the call once it has started. */
export function PortalVideoPage() {
  return (
    <Flex vertical gap="large">
      <BookingCard />
      <MySessionsCard />
    </Flex>
  );
}

function BookingCard() {
  const slots = useSlots();
  const book = useBookSession();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useShowError();
  const date = Form.useWatch('date', form);
  if (slots.isError) return <QueryError error={slots.error} onRetry={() => void slots.refetch()} />;
  const day = slots.data?.days.find((d) => d.date === date);
  const submit = (v: Values) =>
    book.mutate(
      { startsAt: v.startsAt, topic: v.topic.trim(), personName: v.personName.trim(), ...(v.itemId ? { itemId: v.itemId } : {}) },
      {
        onSuccess: () => {
          void message.success(tast.portal.booked);
          form.resetFields(['startsAt', 'topic', 'itemId']);
        },
        onError: (error) => {
          showError(error);
          applyFieldErrors(form, error);
        },
      },
    );
  return (
    <Card title={tast.portal.title}>
      <Typography.Paragraph type="secondary">{tast.portal.intro}</Typography.Paragraph>
      {slots.isPending ? (
        <Skeleton active />
      ) : slots.data.days.length === 0 ? (
        <Empty description={tast.portal.noSlots} />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 720 }} initialValues={{ date: slots.data.days[0]!.date }}>
          <Form.Item name="date" label={tast.portal.date} rules={[{ required: true, message: t.common.required }]}>
            <Select options={slots.data.days.map((d) => ({ value: d.date, label: formatDate(d.date) }))} onChange={() => form.setFieldValue('startsAt', undefined)} data-testid="video-date" />
          </Form.Item>
          <div data-testid="video-slots">
            <Form.Item name="startsAt" label={tast.portal.slot} rules={[{ required: true, message: t.common.required }]}>
              <Radio.Group>
                {day?.slots.map((s) => (
                  <Radio.Button key={s.startsAt} value={s.startsAt} disabled={!s.free} data-testid={`video-slot-${s.time}`}>
                    {s.free ? s.time : `${s.time} ${tast.portal.taken}`}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          </div>
          <Form.Item name="topic" label={tast.portal.topic} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input maxLength={200} data-testid="video-topic" />
          </Form.Item>
          <Form.Item name="itemId" label={tast.portal.item}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={slots.data.items.map((i) => ({ value: i.id, label: i.name }))} data-testid="video-item" />
          </Form.Item>
          <Form.Item name="personName" label={tast.portal.personName} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input maxLength={100} data-testid="video-person" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={book.isPending} data-testid="video-book">
            {tast.portal.book}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function MySessionsCard() {
  const sessions = useMySessions();
  const cancel = useCancelSession();
  const navigate = useNavigate();
  const [cancelling, setCancelling] = useState<SessionDto | null>(null);
  if (sessions.isError) return <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const columns = [
    { key: 'slot', title: tast.columns.slot, render: (_: unknown, s: SessionDto) => formatDateTime(s.startsAt).slice(0, 16) },
    { key: 'topic', title: tast.columns.topic, render: (_: unknown, s: SessionDto) => [s.topic, s.itemName].filter(Boolean).join(' · ') },
    { key: 'state', title: tast.columns.state, render: (_: unknown, s: SessionDto) => <Tag color={tast.stateColors[s.state]} data-testid={`my-session-state-${s.id}`}>{tast.states[s.state]}</Tag> },
    { key: 'length', title: tast.columns.length, render: (_: unknown, s: SessionDto) => (s.durationSeconds === null ? '—' : tast.call.length(s.durationSeconds)) },
    {
      key: 'actions',
      title: tast.columns.actions,
      render: (_: unknown, s: SessionDto) =>
        s.state === 'booked' || s.state === 'live' ? (
          <Flex gap="small">
            <Button size="small" type="primary" onClick={() => void navigate(`/portal/video-assistance/${s.id}`)} data-testid={`my-session-join-${s.id}`}>
              {tast.sessions.join}
            </Button>
            {s.state === 'booked' && (
              <Button size="small" onClick={() => setCancelling(s)} data-testid={`my-session-cancel-${s.id}`}>
                {tast.portal.cancel}
              </Button>
            )}
          </Flex>
        ) : null,
    },
  ];
  return (
    <Card title={tast.portal.mine}>
      <Table<SessionDto> rowKey="id" size="small" loading={sessions.isPending} dataSource={sessions.data} columns={columns} pagination={false} scroll={{ x: 'max-content' }} data-testid="my-video-sessions" />
      {cancelling && (
        <FormModal<object> title={tast.portal.cancel} okText={tast.portal.cancel} successText={tast.portal.cancelled} onSubmit={() => cancel.mutateAsync({ id: cancelling.id, version: cancelling.version })} onClose={() => setCancelling(null)}>
          <Typography.Text>{`${formatDateTime(cancelling.startsAt).slice(0, 16)} ${cancelling.topic}`}</Typography.Text>
        </FormModal>
      )}
    </Card>
  );
}
