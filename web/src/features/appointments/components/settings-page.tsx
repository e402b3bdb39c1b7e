import { App, Button, Card, Flex, Form, Input, InputNumber, Space, Spin, Switch } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import type { AppointmentSettingsDto, AppointmentSettingsInput } from '../api.ts';
import { useAppointmentSettings, useSaveAppointmentSettings } from '../queries.ts';

type Values = Omit<AppointmentSettingsInput, 'version' | 'periods'> & { ownPeriods: boolean; periods: { start: string; end: string }[] };

const NUMBERS = [
  ['slotMinutes', 5, 240],
  ['placesPerCounter', 0, 50],
  ['horizonDays', 3, 90],
  ['changeCutoffMinutes', 0, 2880],
  ['checkInBeforeMinutes', 0, 240],
  ['checkInAfterMinutes', 0, 240],
  ['noShowLimit', 1, 50],
  ['noShowWindowDays', 1, 365],
  ['blockDays', 0, 365],
] as const;

/** The center's appointment settings (slot length, hours, cut-off, check-in window, no-show rule, horizon, reminders). */
export function AppointmentSettingsPage() {
  const { me } = useAuth();
  const settings = useAppointmentSettings(me.centerId);
  if (settings.isPending) return <Spin />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm key={settings.data.version} centerId={me.centerId!} current={settings.data} />;
}

function SettingsForm({ centerId, current }: { centerId: string; current: AppointmentSettingsDto }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveAppointmentSettings();
  const { message } = App.useApp();
  const showError = useShowError();
  const [ownPeriods, setOwnPeriods] = useState(current.periods !== null);
  const submit = async (v: Values) => {
    const { ownPeriods: own, periods, ...rest } = v;
    try {
      await save.mutateAsync({ centerId, input: { ...rest, version: current.version, periods: own ? periods : null } });
      void message.success(ty.capacity.saved);
    } catch (e) {
      showError(e);
      applyFieldErrors(form, e);
    }
  };
  const { centerId: _c, effectivePeriods, periods, version: _v, ...values } = current;
  return (
    <Card data-testid="appointments-settings">
      <Form form={form} layout="vertical" style={{ maxWidth: 640 }} initialValues={{ ...values, ownPeriods: periods !== null, periods: periods ?? effectivePeriods }} onFinish={(v) => void submit(v)}>
        <Flex gap={16} wrap>
          {NUMBERS.map(([name, min, max]) => (
            <Form.Item key={name} name={name} label={ty.settings[name]} rules={[{ required: true, message: ty.common.required }]}>
              <InputNumber min={min} max={max} style={{ width: 180 }} />
            </Form.Item>
          ))}
          <Form.Item name="reminderTime" label={ty.settings.reminderTime} rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:mm' }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
        </Flex>
        <Form.Item name="ownPeriods" label={ty.settings.periods} valuePropName="checked" extra={ownPeriods ? ty.settings.ownPeriods : ty.settings.usesQueueHours}>
          <Switch onChange={setOwnPeriods} />
        </Form.Item>
        {ownPeriods && (
          <Form.List name="periods">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} style={{ marginBottom: 16 }}>
                {fields.map((f) => (
                  <Space key={f.key}>
                    <Form.Item name={[f.name, 'start']} noStyle rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:mm' }]}>
                      <Input style={{ width: 100 }} placeholder="09:00" />
                    </Form.Item>
                    –
                    <Form.Item name={[f.name, 'end']} noStyle rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, message: 'HH:mm' }]}>
                      <Input style={{ width: 100 }} placeholder="12:00" />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>×</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ start: '09:00', end: '12:00' })} style={{ width: 160 }}>
                  {ty.settings.addPeriod}
                </Button>
              </Flex>
            )}
          </Form.List>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {ty.settings.save}
        </Button>
      </Form>
    </Card>
  );
}
