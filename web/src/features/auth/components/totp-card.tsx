import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, QRCode, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TotpEnrolmentDto } from '@server/platform/auth/contract.ts';
import { useShowError } from '../../../components/use-show-error.ts';
import { applyFieldErrors, totpCodeRules } from '../../../lib/forms.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useConfirmTotp, useDisableTotp, useStartTotpEnrolment, useTotpStatus } from '../queries.ts';

type CodeValues = { totp: string };
type StartValues = { currentPassword: string };

/**
 * The staff member's own second factor: start (a QR code of the otpauth URI and the secret, shown
 * this once), confirm with a first code, or turn off with a current code. Administrators and chief
 * officers without one are asked to enrol; nobody is forced.
 */
export function TotpCard() {
  const status = useTotpStatus();
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotp();
  const disable = useDisableTotp();
  const [enrolment, setEnrolment] = useState<TotpEnrolmentDto | null>(null);
  const [startForm] = Form.useForm<StartValues>();
  const [confirmForm] = Form.useForm<CodeValues>();
  const [disableForm] = Form.useForm<CodeValues>();
  const { message } = App.useApp();
  const showError = useShowError();

  const state = status.data?.state;
  const begin = async ({ currentPassword }: StartValues) => {
    try {
      setEnrolment(await start.mutateAsync(currentPassword));
      startForm.resetFields();
      confirmForm.resetFields();
    } catch (error) {
      showError(error);
      applyFieldErrors(startForm, error);
    }
  };
  const submitCode = async (form: typeof confirmForm, run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
      setEnrolment(null);
      form.resetFields();
    } catch (error) {
      showError(error);
      applyFieldErrors(form, error);
    }
  };

  const tag =
    state === 'enrolled' ? <Tag color="green">{t.totp.stateEnrolled}</Tag> : state === 'pending' ? <Tag color="gold">{t.totp.statePending}</Tag> : <Tag>{t.totp.stateNone}</Tag>;

  return (
    <Card title={t.totp.title} extra={status.data && tag} style={{ maxWidth: 480, marginTop: 16 }} loading={status.isPending} data-testid="totp-card">
      {status.data?.isRecommended && state !== 'enrolled' && (
        <Alert type="warning" showIcon title={t.totp.recommended} style={{ marginBottom: 16 }} data-testid="totp-recommended" />
      )}
      <Typography.Paragraph type="secondary">{state === 'enrolled' ? t.totp.enrolledHint : t.totp.intro}</Typography.Paragraph>

      {state !== 'enrolled' && !enrolment && (
        <Form form={startForm} layout="vertical" onFinish={begin}>
          <Form.Item name="currentPassword" label={t.totp.currentPassword} rules={[{ required: true, message: t.common.required }]}>
            <Input.Password autoComplete="current-password" data-testid="totp-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={start.isPending} data-testid="totp-start">
            {state === 'pending' ? t.totp.restart : t.totp.start}
          </Button>
        </Form>
      )}

      {state !== 'enrolled' && enrolment && (
        <Flex vertical gap={12}>
          <Typography.Text>{t.totp.scan}</Typography.Text>
          <QRCode value={enrolment.uri} size={180} bordered={false} />
          <Typography.Text>
            {t.totp.secret}：
            <Typography.Text code copyable data-testid="totp-secret">
              {enrolment.secret}
            </Typography.Text>
          </Typography.Text>
          <Form form={confirmForm} layout="vertical" onFinish={({ totp }) => submitCode(confirmForm, () => confirm.mutateAsync(totp), t.totp.confirmed)}>
            <Form.Item name="totp" label={t.totp.confirmLabel} rules={totpCodeRules}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t.login.totpPlaceholder} data-testid="totp-confirm-code" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="totp-confirm">
                {t.totp.confirm}
              </Button>
              <Button onClick={() => setEnrolment(null)}>{t.common.cancel}</Button>
            </Space>
          </Form>
        </Flex>
      )}

      {state === 'enrolled' && (
        <Form form={disableForm} layout="vertical" onFinish={({ totp }) => submitCode(disableForm, () => disable.mutateAsync(totp), t.totp.disabled)}>
          <Form.Item name="totp" label={t.totp.disableLabel} rules={totpCodeRules}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t.login.totpPlaceholder} />
          </Form.Item>
          <Popconfirm title={t.totp.disable} onConfirm={() => disableForm.submit()}>
            <Button danger>{t.totp.disable}</Button>
          </Popconfirm>
        </Form>
      )}
    </Card>
  );
}
