import { Button, Card, Checkbox, Flex, Form, Input, Radio, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useShowError } from '../../../../components/use-show-error.ts';
import { isApiError } from '../../../../lib/api.ts';
import { tsv } from '../../../../locales/surveys.zh-CN.ts';
import { answerSurvey, type PublicSurvey, type ReplyValue } from '../api.ts';
import { useSurveyLink } from '../queries.ts';

const SCORES = [1, 2, 3, 4, 5];

/**
 * The questionnaire behind a survey link (/portal/surveys/<token>), opened from the SMS: public,
 * no login, one answer per link. A used, expired or forged link shows why it cannot be filled in.
 */
export function PortalSurveyPage() {
  const { token = '' } = useParams();
  const link = useSurveyLink(token);
  const [isDone, setDone] = useState(false);
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      {link.isPending ? (
        <Spin />
      ) : link.isError ? (
        <Result status="warning" title={tsv.portal.invalid} subTitle={link.error.message} data-testid="survey-refused" />
      ) : isDone ? (
        <Result status="success" title={tsv.portal.thanks} subTitle={tsv.portal.thanksSub} data-testid="survey-done" />
      ) : (
        <SurveyForm token={token} survey={link.data} onDone={() => setDone(true)} />
      )}
    </div>
  );
}

function SurveyForm({ token, survey, onDone }: { token: string; survey: PublicSurvey; onDone: () => void }) {
  const [form] = Form.useForm<Record<string, ReplyValue | undefined>>();
  const showError = useShowError();
  const [isSaving, setSaving] = useState(false);

  const submit = async (values: Record<string, ReplyValue | undefined>) => {
    const replies = survey.questions.flatMap((q) => {
      const value = values[q.id];
      return value === undefined || value === null ? [] : [{ questionId: q.id, value }];
    });
    setSaving(true);
    try {
      await answerSurvey(token, replies);
      onDone();
    } catch (error) {
      showError(error);
      if (isApiError(error)) form.setFields(error.fields.filter((f) => f.field.startsWith('replies.')).map((f) => ({ name: f.field.slice('replies.'.length), errors: [f.message] })));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={survey.title} data-testid="portal-survey">
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        {survey.intro && <Typography.Paragraph>{survey.intro}</Typography.Paragraph>}
        <Typography.Text type="secondary">{tsv.portal.for(survey.enterpriseName)}</Typography.Text>
        {survey.closesOn && <Typography.Text type="secondary">{tsv.portal.closesOn(survey.closesOn)}</Typography.Text>}
      </Flex>
      <Form form={form} layout="vertical" onFinish={submit}>
        {survey.questions.map((q) => (
          <Form.Item
            key={q.id}
            name={q.id}
            label={`${q.position}. ${q.prompt}`}
            required={q.isRequired}
            rules={q.isRequired ? [{ required: true, message: tsv.portal.missing }] : []}
            data-testid="survey-question"
          >
            {q.kind === 'single' ? (
              <Radio.Group>
                <Flex vertical gap={8}>
                  {q.options.map((o, i) => (
                    <Radio key={o} value={i}>
                      {o}
                    </Radio>
                  ))}
                </Flex>
              </Radio.Group>
            ) : q.kind === 'multiple' ? (
              <Checkbox.Group>
                <Flex vertical gap={8}>
                  {q.options.map((o, i) => (
                    <Checkbox key={o} value={i}>
                      {o}
                    </Checkbox>
                  ))}
                </Flex>
              </Checkbox.Group>
            ) : q.kind === 'scale' ? (
              <Radio.Group optionType="button" buttonStyle="solid" options={SCORES.map((s) => ({ value: s, label: tsv.results.score(s), title: s === 1 ? tsv.portal.scaleLow : s === 5 ? tsv.portal.scaleHigh : undefined }))} />
            ) : (
              <Input.TextArea rows={3} maxLength={2000} placeholder={tsv.portal.textPlaceholder} />
            )}
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={isSaving} data-testid="survey-submit">
          {tsv.portal.submit}
        </Button>
      </Form>
    </Card>
  );
}
