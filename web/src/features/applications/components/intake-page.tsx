import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { CHANNELS } from '@server/modules/catalog/contract.ts';
import type { NoticeQuestion } from '@server/modules/catalog/portal/contract.ts';
import { describeError } from '../../../components/use-show-error.ts';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';
import { getBundleNotice, getItemNotice, listPortalBundles, listPortalItems } from '../../catalog/api.ts';
import type { IntakeInput } from '../api.ts';
import { useApplicant, useCurrentTicket, useReceive } from '../queries.ts';

type Values = {
  kind: 'item' | 'bundle';
  code: string;
  uscc: string;
  applicantName?: string;
  hasAgent: boolean;
  agentName?: string;
  agentId?: string;
  agentPhone?: string;
  contactPhone?: string;
  channel: (typeof CHANNELS)[number];
  isCommitment: boolean;
  fromCurrentTicket: boolean;
};

/** 综合受理：收件 — from the ticket being served or directly; the guide's questions decide the checklist. */
export function IntakePage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const receive = useReceive();
  const ticket = useCurrentTicket();
  const kind = Form.useWatch('kind', form) ?? 'item';
  const code = Form.useWatch('code', form);
  const uscc = Form.useWatch('uscc', form);
  const hasAgent = Form.useWatch('hasAgent', form);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  /** after a first try to send, every unanswered question shows as an error */
  const [isChecked, setChecked] = useState(false);
  const items = useQuery({ queryKey: ['portal', 'items', 'all'], queryFn: () => listPortalItems({}) });
  const bundles = useQuery({ queryKey: ['portal', 'bundles', 'all'], queryFn: () => listPortalBundles({}) });
  const answerString = Object.entries(answers).map(([q, o]) => `${q}:${o}`).join(',');
  const notice = useQuery({
    queryKey: ['portal', 'notice', kind, code, answerString],
    queryFn: async (): Promise<{ questions: NoticeQuestion[] }> => (kind === 'item' ? getItemNotice(code, answerString) : getBundleNotice(code, answerString)),
    enabled: !!code,
  });
  const applicant = useApplicant(uscc?.trim().toUpperCase() ?? null);
  const item = useMemo(() => items.data?.find((i) => i.code === code), [items.data, code]);

  // The ticket in hand pre-fills who came and for what.
  useEffect(() => {
    const t = ticket.data;
    if (!t) return;
    form.setFieldsValue({ fromCurrentTicket: true, ...(t.uscc ? { uscc: t.uscc } : {}), ...(t.phone ? { contactPhone: t.phone } : {}) });
  }, [ticket.data, form]);

  const unanswered = (notice.data?.questions ?? []).filter((q) => !answers[q.key]);
  const submit = async (v: Values) => {
    setChecked(true);
    // The situation answers decide the checklist: all of them before anything is sent.
    if (unanswered.length > 0 || notice.isFetching) return;
    const input: IntakeInput = {
      source: { kind: v.kind, code: v.code },
      answers,
      applicant: { uscc: v.uscc, name: v.applicantName ?? '' },
      agent: v.hasAgent ? { name: v.agentName ?? '', idNumber: v.agentId ?? '', phone: v.agentPhone || null } : null,
      contactPhone: v.contactPhone || null,
      channel: v.channel,
      fromCurrentTicket: v.fromCurrentTicket,
      isCommitment: v.kind === 'item' && v.isCommitment,
    };
    try {
      const created = await receive.mutateAsync(input);
      navigate(`/applications/${created.id}`);
    } catch (error) {
      applyFieldErrors(form, error);
    }
  };

  const options = kind === 'item' ? (items.data ?? []).map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` })) : (bundles.data ?? []).map((b) => ({ value: b.code, label: `${b.name}（${b.code}）` }));
  return (
    <Card title={ta.intake.title}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'item', channel: 'counter', hasAgent: false, isCommitment: false, fromCurrentTicket: false }}
        onFinish={submit}
        onFinishFailed={() => setChecked(true)}
        onValuesChange={(changed) => ('code' in changed || 'kind' in changed ? setAnswers({}) : undefined)}
      >
        {ticket.data ? (
          <Form.Item name="fromCurrentTicket" valuePropName="checked">
            <Checkbox data-testid="from-ticket">{`${ta.intake.fromTicket}（${ta.intake.ticketInHand(ticket.data.displayNumber)}）`}</Checkbox>
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">{ta.intake.noTicket}</Typography.Paragraph>
        )}
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="kind" label={ta.intake.kind}>
              <Radio.Group optionType="button" options={[{ value: 'item', label: ta.intake.item }, { value: 'bundle', label: ta.intake.bundle }]} onChange={() => form.setFieldValue('code', undefined)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="code" label={ta.intake.code} rules={[{ required: true, message: ta.intake.codePlaceholder }]}>
              <Select showSearch optionFilterProp="label" placeholder={ta.intake.codePlaceholder} options={options} data-testid="intake-code" />
            </Form.Item>
          </Col>
        </Row>
        {notice.data && notice.data.questions.length > 0 && (
          <Card size="small" title={ta.intake.questions} style={{ marginBottom: 16 }}>
            {isChecked && unanswered.length > 0 && <Alert type="error" showIcon title={ta.intake.unanswered(unanswered.length)} style={{ marginBottom: 12 }} data-testid="intake-unanswered" />}
            {notice.data.questions.map((q) => (
              <Form.Item
                key={q.key}
                label={q.text}
                required
                validateStatus={answers[q.key] ? undefined : isChecked ? 'error' : 'warning'}
                help={!answers[q.key] && isChecked ? <span data-testid={`question-${q.key}-error`}>{ta.intake.answerRequired(q.text)}</span> : undefined}
              >
                <Radio.Group
                  value={answers[q.key]}
                  onChange={(e) => setAnswers((a) => ({ ...a, [q.key]: e.target.value as string }))}
                  options={q.options.map((o) => ({ value: o.key, label: o.label }))}
                  data-testid={`question-${q.key}`}
                />
              </Form.Item>
            ))}
          </Card>
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="uscc"
              label={ta.intake.uscc}
              rules={[{ required: true, len: 18, message: ta.intake.uscc }]}
              extra={applicant.data ? (applicant.data.name ? ta.intake.registered(applicant.data.name) : ta.intake.notRegistered) : undefined}
              normalize={(v: string) => v.toUpperCase()}
            >
              <Input maxLength={18} data-testid="intake-uscc" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {applicant.data && !applicant.data.isRegistered && (
              <Form.Item name="applicantName" label={ta.intake.applicantName} rules={[{ required: true }]}>
                <Input maxLength={100} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label={ta.intake.contactPhone}>
              <Input maxLength={20} data-testid="intake-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="channel" label={ta.intake.channel}>
              <Select options={CHANNELS.map((c) => ({ value: c, label: ta.channels[c] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="hasAgent" valuePropName="checked">
          <Checkbox>{ta.intake.agent}</Checkbox>
        </Form.Item>
        {hasAgent && (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="agentName" label={ta.intake.agentName} rules={[{ required: true }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="agentId" label={ta.intake.agentId} rules={[{ required: true }]}>
                <Input maxLength={18} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="agentPhone" label={ta.intake.agentPhone}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {kind === 'item' && item?.isCommitmentAllowed && (
          <Form.Item name="isCommitment" valuePropName="checked" extra={applicant.data && !applicant.data.mayUseCommitment.allowed ? ta.intake.commitmentBarred(applicant.data.mayUseCommitment.reason ?? '') : undefined}>
            <Checkbox disabled={applicant.data ? !applicant.data.mayUseCommitment.allowed : false}>{ta.intake.commitment}</Checkbox>
          </Form.Item>
        )}
        {receive.isError && <Alert type="error" showIcon title={describeError(receive.error)} style={{ marginBottom: 16 }} data-testid="intake-error" />}
        <Flex justify="end">
          <Button type="primary" htmlType="submit" loading={receive.isPending} data-testid="intake-submit">
            {ta.intake.submit}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
