import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../../../components/use-show-error.ts';
import { applyFieldErrors } from '../../../../lib/forms.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { te } from '../../../../locales/enterprises.zh-CN.ts';
import { tsv } from '../../../../locales/surveys.zh-CN.ts';
import { searchEnterprises } from '../../../enterprises/api.ts';
import { useTowns } from '../../../enterprises/queries.ts';
import type { Sending, SendingResult, SurveyDetail } from '../api.ts';
import { useSendSurvey } from '../queries.ts';

type Values = { by: 'codes' | 'filter'; codes?: string; industry?: string; sizeClass?: string; town?: string };

/**
 * 发送问卷: to enterprises named by credit code, or to those of the registry that match a filter
 * (how many match is shown before sending); afterwards, how many were sent and who has no phone.
 */
export function SendSurveyModal({ survey, onClose }: { survey: SurveyDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const send = useSendSurvey();
  const towns = useTowns();
  const showError = useShowError();
  const [result, setResult] = useState<SendingResult | null>(null);
  const by = Form.useWatch('by', form) ?? 'filter';
  const industry = (Form.useWatch('industry', form) as string | undefined)?.trim() || undefined;
  const sizeClass = Form.useWatch('sizeClass', form) as string | undefined;
  const town = Form.useWatch('town', form) as string | undefined;
  const filter = { industry, sizeClass, town };
  const hasFilter = by === 'filter' && (industry !== undefined || sizeClass !== undefined || town !== undefined);
  const matching = useQuery({
    queryKey: ['enterprises', 'count', filter],
    queryFn: () => searchEnterprises({ ...filter, sizeClass: sizeClass as never, page: 1, pageSize: 1 }),
    enabled: hasFilter,
    retry: false,
  });

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const sending: Sending =
      v.by === 'codes'
        ? { usccs: (v.codes ?? '').split(/[\s,，、;；]+/).map((c) => c.trim().toUpperCase()).filter(Boolean) }
        : { filter: { industry: v.industry?.trim() || undefined, sizeClass: v.sizeClass, town: v.town } };
    try {
      setResult(await send.mutateAsync({ id: survey.id, sending }));
    } catch (error) {
      showError(error);
      applyFieldErrors(form, error);
    }
  };

  return (
    <Modal
      open
      title={tsv.send.title}
      width={640}
      okText={result ? tsv.send.close : tsv.send.ok}
      cancelText={t.common.cancel}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      confirmLoading={!result && send.isPending}
      onOk={result ? onClose : submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {result ? (
        <Flex vertical gap={8} data-testid="send-result">
          <Alert type="success" showIcon title={tsv.send.done(result.invited, result.alreadyInvited)} />
          {result.unreachable.length > 0 && <Alert type="warning" showIcon title={tsv.send.unreachable(result.unreachable.map((u) => u.name).join('、'))} />}
        </Flex>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ by: 'filter' }}>
          <Typography.Paragraph type="secondary">{tsv.send.hint}</Typography.Paragraph>
          <Form.Item name="by" label={tsv.send.by}>
            <Radio.Group
              options={[
                { value: 'filter', label: tsv.send.byFilter },
                { value: 'codes', label: tsv.send.byCodes },
              ]}
              data-testid="send-by"
            />
          </Form.Item>
          {by === 'codes' ? (
            <Form.Item name="codes" label={tsv.send.codes} rules={[{ required: true, whitespace: true, message: tsv.send.codesRequired }]}>
              <Input.TextArea rows={5} data-testid="send-codes" />
            </Form.Item>
          ) : (
            <>
              <Flex gap={12} wrap>
                <Form.Item name="industry" label={tsv.send.industry} style={{ width: 180 }}>
                  <Input maxLength={10} data-testid="send-industry" />
                </Form.Item>
                <Form.Item name="sizeClass" label={tsv.send.sizeClass} style={{ width: 140 }}>
                  <Select allowClear options={Object.entries(te.sizeClasses).map(([value, label]) => ({ value, label }))} data-testid="send-size" />
                </Form.Item>
                <Form.Item name="town" label={tsv.send.town} style={{ width: 200 }}>
                  <Select allowClear showSearch options={[...new Set((towns.data ?? []).map((x) => x.town))].map((value) => ({ value, label: value }))} data-testid="send-town" />
                </Form.Item>
              </Flex>
              {hasFilter ? (
                matching.data && <Alert type="info" showIcon title={tsv.send.matching(matching.data.total)} data-testid="send-matching" />
              ) : (
                <Typography.Text type="secondary">{tsv.send.filterRequired}</Typography.Text>
              )}
            </>
          )}
        </Form>
      )}
    </Modal>
  );
}
