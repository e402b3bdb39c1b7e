import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { describeError } from '../../../components/use-show-error.ts';
import { isApiError } from '../../../lib/api.ts';
import { totpCodeRules } from '../../../lib/forms.ts';
import { t } from '../../../locales/zh-CN.ts';
import { DemoAccountsTable } from '../../demo/components/demo-accounts-table.tsx';
import { useDemo } from '../../demo/queries.ts';
import type { LoginInput } from '../api.ts';
import { meQuery, useLogin } from '../queries.ts';

/**
 * Staff login; in demo mode, the demo accounts to try. An account with a second factor is asked
 * for its code after the right password (the server answers TOTP_REQUIRED); while a name's delay
 * runs (LOGIN_DELAYED), a code may be given at once to sign in anyway.
 */
export function LoginPage() {
  const [form] = Form.useForm<LoginInput>();
  const login = useLogin();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const isDelayed = isApiError(login.error, 'LOGIN_DELAYED');
  const submit = async (values: LoginInput) => {
    try {
      await login.mutateAsync({ ...values, totp: values.totp?.trim() || undefined });
    } catch (error) {
      if (isApiError(error, 'TOTP_REQUIRED')) setStep('totp');
    }
  };
  const back = () => {
    setStep('password');
    form.resetFields(['password', 'totp']);
    login.reset();
  };
  // asking for the code is the next step, not an error
  const shownError = login.isError && !isApiError(login.error, 'TOTP_REQUIRED') ? describeError(login.error) : null;
  const { data: me } = useQuery(meQuery);
  const { data: demo } = useDemo();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';

  // Signed in (now, or already): on to where the person was going.
  if (me?.type === 'staff') return <Navigate to={from} replace />;

  return (
    <Flex orientation="vertical" align="center" gap={24} style={{ padding: '48px 16px' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t.app.name} · {t.app.title}
      </Typography.Title>
      <Card title={t.login.title} style={{ width: '100%', maxWidth: 400 }}>
        {shownError && <Alert type="error" showIcon title={shownError} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t.login.username} hidden={step === 'totp'} rules={[{ required: true, message: t.login.usernameRequired }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t.login.password} hidden={step === 'totp'} rules={[{ required: true, message: t.login.passwordRequired }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {step === 'totp' && (
            <Typography.Paragraph data-testid="login-totp-hint">{t.login.totpStepHint(form.getFieldValue('username') as string)}</Typography.Paragraph>
          )}
          {step === 'password' && isDelayed && <Typography.Paragraph type="secondary">{t.login.totpDelayedHint}</Typography.Paragraph>}
          {(step === 'totp' || isDelayed) && (
            <Form.Item name="totp" label={t.login.totp} rules={step === 'totp' ? totpCodeRules : [{ pattern: /^\d{6}$/, message: t.totp.codeRule }]}>
              <Input
                prefix={<SafetyOutlined />}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                placeholder={t.login.totpPlaceholder}
                autoFocus={step === 'totp'}
                data-testid="login-totp"
              />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {step === 'totp' ? t.login.totpSubmit : t.login.submit}
          </Button>
          {step === 'totp' && (
            <Button type="link" block onClick={back} data-testid="login-back">
              {t.login.back}
            </Button>
          )}
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <Link to="/portal" data-testid="login-to-portal">
            {t.login.toPortal}
          </Link>
        </Typography.Paragraph>
      </Card>
      {demo?.enabled && demo.accounts.length > 0 && (
        <Card title={t.demo.accountsTitle} style={{ width: '100%', maxWidth: 720 }}>
          <DemoAccountsTable
            accounts={demo.accounts}
            onPick={(a) => {
              back();
              form.setFieldsValue({ username: a.username, password: a.password });
            }}
          />
        </Card>
      )}
    </Flex>
  );
}
