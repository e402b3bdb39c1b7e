import { ArrowUpOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, List, Radio, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { PriorityClass } from '@server/modules/queue/contract.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { optionsOf } from '../../../lib/options.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { saveSettings, type QueueSettingsDto, type QueueSettingsInput } from '../api.ts';
import { queueKeys, useQueueMutation, useQueueSettings } from '../queries.ts';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Ticket-taking hours on the calendar's working days, the priority order and its fairness bound. */
export function RulesTab({ centerId }: { centerId: string }) {
  const settings = useQueueSettings(centerId);
  if (settings.isPending) return <Spin />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <RulesForm key={settings.data.version} centerId={centerId} settings={settings.data} />;
}

function RulesForm({ centerId, settings }: { centerId: string; settings: QueueSettingsDto }) {
  const [form] = Form.useForm<QueueSettingsInput>();
  const [order, setOrder] = useState<PriorityClass[]>(settings.classOrder);
  const save = useQueueMutation((input: QueueSettingsInput) => saveSettings(centerId, input), queueKeys.settings(centerId));
  const { message } = App.useApp();
  const showError = useShowError();
  const { centerId: _c, hoursText: _h, ...initial } = settings;

  const submit = async (values: QueueSettingsInput) => {
    try {
      await save.mutateAsync({ ...values, classOrder: order, version: settings.version });
      message.success(t.common.saved);
    } catch (e) {
      showError(e);
      applyFieldErrors(form, e);
    }
  };

  return (
    <Form<QueueSettingsInput> form={form} layout="vertical" initialValues={initial} onFinish={submit} style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">{tq.settings.hoursNow(settings.hoursText)}</Typography.Paragraph>
      <Form.Item name="serviceDays" label={tq.settings.serviceDays}>
        <Radio.Group options={optionsOf(tq.serviceDays)} />
      </Form.Item>
      <Form.Item label={tq.settings.periods} required>
        <Form.List name="openingPeriods">
          {(fields, { add, remove }) => (
            <Space orientation="vertical">
              {fields.map((field) => (
                <Space key={field.key}>
                  <Form.Item name={[field.name, 'start']} noStyle rules={[{ pattern: HHMM, message: 'HH:mm' }, { required: true, message: t.common.required }]}>
                    <Input style={{ width: 100 }} placeholder="09:00" />
                  </Form.Item>
                  <span>–</span>
                  <Form.Item name={[field.name, 'end']} noStyle rules={[{ pattern: HHMM, message: 'HH:mm' }, { required: true, message: t.common.required }]}>
                    <Input style={{ width: 100 }} placeholder="12:00" />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ start: '14:00', end: '17:30' })}>
                {tq.settings.addPeriod}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="lastTicketMinutes" label={tq.settings.lastTicket}>
        <InputNumber min={0} max={240} />
      </Form.Item>
      <Form.Item label={tq.settings.classOrder}>
        <List
          size="small"
          bordered
          style={{ maxWidth: 320 }}
          dataSource={order}
          renderItem={(c, i) => (
            <List.Item
              actions={
                i > 0
                  ? [<Button key="up" size="small" icon={<ArrowUpOutlined />} aria-label={tq.settings.up} onClick={() => setOrder(order.map((x, j) => (j === i - 1 ? c : j === i ? order[i - 1]! : x)))} />]
                  : []
              }
            >
              {i + 1}. {tq.priorityClasses[c]}
            </List.Item>
          )}
        />
      </Form.Item>
      <Form.Item name="maxExtraWaitMinutes" label={tq.settings.maxExtraWait}>
        <InputNumber min={0} max={480} />
      </Form.Item>
      <Form.Item name="greenReasons" label={tq.settings.greenReasons}>
        <Checkbox.Group options={optionsOf(tq.greenReasons)} />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item name="recallsBeforeNoShow" label={tq.settings.recalls}>
          <InputNumber min={0} max={10} />
        </Form.Item>
        <Form.Item name="ratingWindowMinutes" label={tq.settings.ratingWindow}>
          <InputNumber min={1} max={120} />
        </Form.Item>
        <Form.Item name="kioskTicketsPerMinute" label={tq.settings.kioskLimit}>
          <InputNumber min={1} max={100000} />
        </Form.Item>
        <Form.Item name="typicalServiceMinutes" label={tq.settings.typicalService} tooltip={tq.settings.typicalServiceHint}>
          <InputNumber min={1} max={240} />
        </Form.Item>
      </Space>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t.common.save}
        </Button>
      </Form.Item>
    </Form>
  );
}
