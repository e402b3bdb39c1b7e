import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Link, Navigate, useLocation } from 'react-router';
import { describeError } from '../../../components/use-show-error.ts';
import { t } from '../../../locales/zh-CN.ts';
import { DemoAccountsTable } from '../../demo/components/demo-accounts-table.tsx';
import { useDemo } from '../../demo/queries.ts';
import type { LoginInput } from '../api.ts';
import { meQuery, useLogin } from '../queries.ts';

/** Staff login; in demo mode, the demo accounts to try. */
export function LoginPage() {
  const [form] = Form.useForm<LoginInput>();
  const login = useLogin();
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
        {login.isError && <Alert type="error" showIcon title={describeError(login.error)} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false}>
          <Form.Item name="username" label={t.login.username} rules={[{ required: true, message: t.login.usernameRequired }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t.login.password} rules={[{ required: true, message: t.login.passwordRequired }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t.login.submit}
          </Button>
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
            onPick={(a) => form.setFieldsValue({ username: a.username, password: a.password })}
          />
        </Card>
      )}
    </Flex>
  );
}
