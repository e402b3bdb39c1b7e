import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Radio, Select, Tabs, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import { meQuery } from '../../auth/queries.ts';
import { fileCase, followCase, rateCase, type CaseInput, type Follow, type PublicCase } from '../api.ts';
import { useFeedbackOptions } from '../queries.ts';

const PUBLIC_KINDS = ['consultation', 'suggestion', 'complaint', 'unresolved'];

/**
 * 诉求与投诉 on the portal (and the kiosk, channel "kiosk"): a logged-in enterprise or anyone who
 * leaves a mobile number files a case; the number and the phone or credit code follow it and rate the reply.
 */
export function PortalFeedbackPage({ channel = 'portal' }: { channel?: 'portal' | 'kiosk' }) {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'follow' ? 'follow' : 'file';
  return (
    <Card title={tfb.portal.title}>
      <Typography.Paragraph type="secondary">{tfb.portal.intro}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'follow' ? { tab: 'follow' } : {})}
        items={[
          { key: 'file', label: tfb.portal.fileTab, children: <FileForm channel={channel} /> },
          { key: 'follow', label: tfb.portal.followTab, children: <FollowPanel /> },
        ]}
      />
    </Card>
  );
}

type Values = { kind: string; content: string; counterId?: string; departmentId?: string; isConfidential?: boolean; name?: string; phone?: string; cause?: string };

function FileForm({ channel }: { channel: 'portal' | 'kiosk' }) {
  const [form] = Form.useForm<Values>();
  const me = useQuery(meQuery);
  const enterprise = me.data?.type === 'enterprise' ? me.data : null;
  const options = useFeedbackOptions();
  const showError = useShowError();
  const [filed, setFiled] = useState<{ number: string; dueOn: string } | null>(null);
  const [isSaving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const input: CaseInput = {
        kind: v.kind as CaseInput['kind'],
        channel,
        content: v.content,
        isConfidential: v.kind === 'complaint' && (v.isConfidential ?? false),
        cause: v.kind === 'unresolved' ? ((v.cause ?? 'other') as CaseInput['cause']) : undefined,
        counterId: v.counterId,
        departmentId: v.departmentId,
        contact: { name: v.name || undefined, phone: v.phone || undefined },
      };
      setFiled(await fileCase(input));
      form.resetFields();
    } catch (error) {
      showError(error);
      applyFieldErrors(form, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      {filed && <Alert type="success" showIcon title={tfb.intake.submitted(filed.number)} description={tfb.intake.dueOn(filed.dueOn)} data-testid="filed-number" />}
      {enterprise && <Typography.Text>{tfb.portal.loggedInAs(enterprise.name)}</Typography.Text>}
      <Form form={form} layout="vertical" initialValues={{ kind: 'consultation' }} onFinish={submit} style={{ maxWidth: 640 }}>
        <Form.Item name="kind" label={tfb.fields.kind} rules={[{ required: true }]}>
          <Radio.Group options={PUBLIC_KINDS.map((k) => ({ value: k, label: tfb.kinds[k] }))} data-testid="portal-kind" />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'unresolved' ? (
              <Form.Item name="cause" label={tfb.fields.cause}>
                <Select allowClear options={Object.entries(tfb.causes).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            ) : getFieldValue('kind') === 'complaint' ? (
              <Form.Item name="isConfidential" valuePropName="checked">
                <Checkbox data-testid="portal-confidential">{tfb.portal.confidential}</Checkbox>
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item name="counterId" label={tfb.portal.counter}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(options.data?.counters ?? []).map((c) => ({ value: c.id, label: `${c.number} 号窗口 ${c.name}` }))} data-testid="portal-counter" />
        </Form.Item>
        <Form.Item name="departmentId" label={tfb.portal.department}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(options.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="content" label={tfb.fields.content} rules={[{ required: true, whitespace: true, message: tfb.fields.content }]}>
          <Input.TextArea rows={5} maxLength={4000} data-testid="portal-content" />
        </Form.Item>
        <Form.Item name="name" label={tfb.fields.name}>
          <Input maxLength={100} data-testid="portal-name" />
        </Form.Item>
        <Form.Item name="phone" label={tfb.fields.phone} rules={enterprise ? [] : [{ required: true, message: tfb.fields.phone }]} extra={tfb.intake.contactHint}>
          <Input maxLength={11} data-testid="portal-phone" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isSaving} data-testid="portal-submit">
          {tfb.portal.submit}
        </Button>
      </Form>
    </Flex>
  );
}

function FollowPanel() {
  const [form] = Form.useForm<{ number: string; key: string }>();
  const [follow, setFollow] = useState<Follow | null>(null);
  const [found, setFound] = useState<PublicCase | null>(null);
  const showError = useShowError();
  const toFollow = (v: { number: string; key: string }): Follow => (/^1\d{10}$/.test(v.key.trim()) ? { number: v.number.trim(), phone: v.key.trim() } : { number: v.number.trim(), uscc: v.key.trim() });
  const look = async (v: { number: string; key: string }) => {
    const f = toFollow(v);
    try {
      setFound(await followCase(f));
      setFollow(f);
    } catch (error) {
      setFound(null);
      showError(error);
    }
  };
  const rate = async (satisfaction: string) => {
    if (!follow) return;
    try {
      setFound(await rateCase({ ...follow, satisfaction }));
    } catch (error) {
      showError(error);
    }
  };
  const isUnresolved = found?.kind === 'unresolved';
  return (
    <Flex vertical gap={16}>
      <Form form={form} layout="inline" onFinish={look}>
        <Form.Item name="number" rules={[{ required: true, message: tfb.fields.number }]}>
          <Input placeholder={tfb.fields.number} data-testid="follow-number" />
        </Form.Item>
        <Form.Item name="key" rules={[{ required: true, message: tfb.portal.phoneOrUscc }]}>
          <Input placeholder={tfb.portal.phoneOrUscc} style={{ width: 240 }} data-testid="follow-key" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="follow-submit">
          {tfb.portal.follow}
        </Button>
      </Form>
      {found && (
        <Flex vertical gap={12} data-testid="follow-result">
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={tfb.fields.number}>{found.number}</Descriptions.Item>
            <Descriptions.Item label={tfb.fields.kind}>{tfb.kinds[found.kind]}</Descriptions.Item>
            <Descriptions.Item label={tfb.fields.state}>
              <span data-testid="follow-state">{tfb.states[found.state]}</span>
            </Descriptions.Item>
            <Descriptions.Item label={tfb.fields.content}>{found.content}</Descriptions.Item>
            <Descriptions.Item label={tfb.fields.dueOn}>{found.dueOn}</Descriptions.Item>
            {found.reply && <Descriptions.Item label={tfb.fields.reply}>{found.reply}</Descriptions.Item>}
            {found.outcome && <Descriptions.Item label={tfb.fields.outcome}>{tfb.outcomes[found.outcome]}</Descriptions.Item>}
            {found.satisfaction && <Descriptions.Item label={tfb.fields.satisfaction}>{tfb.satisfactions[found.satisfaction]}</Descriptions.Item>}
          </Descriptions>
          {found.canRate && (
            <Flex gap={8} align="center" wrap>
              <Typography.Text>{tfb.portal.rate}：</Typography.Text>
              {isUnresolved ? (
                <>
                  <Button type="primary" onClick={() => void rate('satisfied')} data-testid="confirm-solved">
                    {tfb.portal.confirmSolved}
                  </Button>
                  <Button onClick={() => void rate('dissatisfied')}>{tfb.portal.notSolved}</Button>
                </>
              ) : (
                ['satisfied', 'basically', 'dissatisfied'].map((s) => (
                  <Button key={s} onClick={() => void rate(s)} data-testid={`rate-${s}`}>
                    {tfb.satisfactions[s]}
                  </Button>
                ))
              )}
            </Flex>
          )}
          <Timeline items={found.timeline.map((e) => ({ children: `${formatDateTime(e.at)} ${tfb.actions[e.action] ?? e.action}${e.note ? `：${e.note}` : ''}` }))} />
        </Flex>
      )}
    </Flex>
  );
}
