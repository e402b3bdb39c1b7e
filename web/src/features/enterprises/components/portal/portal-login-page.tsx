import { LockOutlined, ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Table } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { describeError } from '../../../../components/use-show-error.ts';
import { te } from '../../../../locales/enterprises.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { meQuery } from '../../../auth/queries.ts';
import { useDemo } from '../../../demo/queries.ts';
import { useEnterpriseLogin } from '../../queries.ts';

type Values = { uscc: string; password: string };

/** 企业账户登录 on the portal; in demo mode, the demo enterprise accounts to try. */
export function PortalLoginPage() {
  const [form] = Form.useForm<Values>();
  const login = useEnterpriseLogin();
  const { data: me } = useQuery(meQuery);
  const { data: demo } = useDemo();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/portal/account';
  if (me?.type === 'enterprise') return <Navigate to={from} replace />;
  return (
    <Flex vertical align="center" gap={24} style={{ padding: '32px 0' }}>
      <Card title={te.portal.loginTitle} style={{ width: '100%', maxWidth: 420 }}>
        {login.isError && <Alert type="error" showIcon title={describeError(login.error)} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => login.mutate({ uscc: v.uscc.trim().toUpperCase(), password: v.password })}>
          <Form.Item name="uscc" label={te.portal.uscc} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input prefix={<ShopOutlined />} maxLength={18} autoComplete="username" data-testid="portal-uscc" />
          </Form.Item>
          <Form.Item name="password" label={te.portal.password} rules={[{ required: true, message: t.common.required }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="portal-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="portal-login-submit">
            {te.portal.login}
          </Button>
        </Form>
      </Card>
      {demo?.enabled && demo.enterpriseAccounts.length > 0 && (
        <Card title={te.portal.demoAccounts} style={{ width: '100%', maxWidth: 640 }}>
          <Table
            rowKey="uscc"
            size="small"
            pagination={false}
            dataSource={demo.enterpriseAccounts}
            onRow={(a) => ({ onClick: () => form.setFieldsValue({ uscc: a.uscc, password: a.password }), style: { cursor: 'pointer' } })}
            columns={[
              { title: te.fields.name, dataIndex: 'name' },
              { title: te.fields.uscc, dataIndex: 'uscc' },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
