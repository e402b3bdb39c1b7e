import { Alert, App, Button, Card, Flex, Form, InputNumber, Spin } from 'antd';
import { QueryError } from '../../../../components/query-error.tsx';
import { useShowError } from '../../../../components/use-show-error.ts';
import { applyFieldErrors } from '../../../../lib/forms.ts';
import { tsettings } from '../../../../locales/evaluations.zh-CN.ts';
import type { EvaluationSettingsDto, EvaluationSettingsInput } from '../api.ts';
import { useEvaluationSettings, useSaveEvaluationSettings } from '../queries.ts';

type Values = Omit<EvaluationSettingsInput, 'version'>;

/** Each limit with its bounds (the server checks them again). */
const LIMITS = [
  ['ratingPeriodDays', 90],
  ['additionPeriodDays', 180],
  ['callbackContactWorkingDays', 10],
  ['callbackFinishWorkingDays', 30],
] as const;

/** The center's evaluation rules (FACTS §6: the limits are configuration): rating and 追评 periods, callback deadlines. */
export function EvaluationSettingsPage() {
  const settings = useEvaluationSettings();
  if (settings.isPending) return <Spin />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm key={settings.data.version} current={settings.data} />;
}

function SettingsForm({ current }: { current: EvaluationSettingsDto }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveEvaluationSettings();
  const { message } = App.useApp();
  const showError = useShowError();
  const submit = async (values: Values) => {
    try {
      await save.mutateAsync({ ...values, version: current.version });
      void message.success(tsettings.saved);
    } catch (e) {
      showError(e);
      applyFieldErrors(form, e);
    }
  };
  const { ratingPeriodDays, additionPeriodDays, callbackContactWorkingDays, callbackFinishWorkingDays } = current;
  return (
    <Card title={tsettings.title} data-testid="evaluation-settings">
      <Alert type="info" showIcon title={tsettings.note} style={{ marginBottom: 16, maxWidth: 720 }} />
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ ratingPeriodDays, additionPeriodDays, callbackContactWorkingDays, callbackFinishWorkingDays }}
        onFinish={(v) => void submit(v)}
      >
        <Flex gap={16} wrap>
          {LIMITS.map(([name, max]) => (
            <Form.Item key={name} name={name} label={tsettings.fields[name]} extra={tsettings.extra[name]} rules={[{ required: true, message: tsettings.required }]} style={{ width: 330 }}>
              <InputNumber min={1} max={max} precision={0} style={{ width: 160 }} data-testid={`setting-${name}`} />
            </Form.Item>
          ))}
        </Flex>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
          {tsettings.save}
        </Button>
      </Form>
    </Card>
  );
}
