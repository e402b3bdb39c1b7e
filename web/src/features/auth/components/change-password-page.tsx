import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { applyFieldErrors, mustMatch, passwordRules } from '../../../lib/forms.ts';
import { t } from '../../../locales/zh-CN.ts';
import type { ChangePasswordInput } from '../api.ts';
import { useChangePassword } from '../queries.ts';
import { TotpCard } from './totp-card.tsx';

type Values = ChangePasswordInput & { confirm: string };

export function ChangePasswordPage() {
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();

  const submit = async ({ currentPassword, newPassword }: Values) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      message.success(t.password.changed);
      form.resetFields();
      await navigate('/', { replace: true });
    } catch (error) {
      showError(error);
      applyFieldErrors(form, error);
    }
  };

  return (
    <>
      <Card title={t.password.title} style={{ maxWidth: 480 }}>
        {me.mustChangePassword && <Alert type="warning" showIcon title={t.password.mustChange} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="currentPassword" label={t.password.current} rules={[{ required: true, message: t.common.required }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t.password.next}
            extra={t.password.rule}
            rules={passwordRules}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t.password.confirm}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t.common.required },
              mustMatch('newPassword', t.password.mismatch),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t.password.submit}
          </Button>
        </Form>
      </Card>
      {!me.mustChangePassword && <TotpCard />}
    </>
  );
}
