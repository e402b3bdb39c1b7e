import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Spin, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { useShowError } from '../../../../components/use-show-error.ts';
import { isApiError } from '../../../../lib/api.ts';
import { toIsoDate } from '../../../../lib/time.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { tsv } from '../../../../locales/surveys.zh-CN.ts';
import type { SurveyDetail, SurveyInput } from '../api.ts';
import { useCreateSurvey, useSurvey, useUpdateSurvey } from '../queries.ts';

type QuestionValues = { kind: string; prompt: string; isRequired: boolean; options?: string };
type Values = { title: string; intro?: string; closesOn?: Dayjs | null; questions: QuestionValues[] };

const NEW_QUESTION: QuestionValues = { kind: 'scale', prompt: '', isRequired: true };
const hasOptions = (kind: string | undefined) => kind === 'single' || kind === 'multiple';

/** Writes a survey's draft: title, introduction, closing date and its questions (/surveys/new, /surveys/:id/edit). */
export function SurveyEditorPage() {
  const { id } = useParams();
  const query = useSurvey(id);
  if (id && query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (id && !query.data) return <Spin />;
  return <SurveyEditor survey={query.data} />;
}

function SurveyEditor({ survey }: { survey?: SurveyDetail }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const create = useCreateSurvey();
  const update = useUpdateSurvey();
  const [isSaving, setSaving] = useState(false);
  const initial: Values = survey
    ? {
        title: survey.title,
        intro: survey.intro,
        closesOn: survey.closesOn ? dayjs(survey.closesOn) : null,
        questions: survey.questions.map((q) => ({ kind: q.kind, prompt: q.prompt, isRequired: q.isRequired, options: q.options.join('\n') })),
      }
    : { title: '', questions: [{ ...NEW_QUESTION }] };

  const save = async (v: Values) => {
    const input: SurveyInput = {
      title: v.title,
      intro: v.intro ?? '',
      closesOn: v.closesOn ? toIsoDate(v.closesOn) : null,
      questions: v.questions.map((q) => ({
        kind: q.kind as SurveyInput['questions'][number]['kind'],
        prompt: q.prompt,
        isRequired: q.isRequired,
        options: hasOptions(q.kind) ? (q.options ?? '').split('\n').map((o) => o.trim()).filter(Boolean) : [],
      })),
    };
    setSaving(true);
    try {
      const saved = survey ? await update.mutateAsync({ id: survey.id, input: { ...input, version: survey.version } }) : await create.mutateAsync(input);
      message.success(tsv.editor.saved);
      navigate(`/surveys/${saved.id}`);
    } catch (error) {
      showError(error);
      if (isApiError(error)) form.setFields(error.fields.map((f) => ({ name: f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never, errors: [f.message] })));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={survey ? tsv.editor.editTitle : tsv.editor.newTitle} data-testid="survey-editor">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} style={{ maxWidth: 880 }}>
        <Form.Item name="title" label={tsv.fields.title} rules={[{ required: true, whitespace: true, message: tsv.fields.title }]}>
          <Input maxLength={200} data-testid="survey-title" />
        </Form.Item>
        <Form.Item name="intro" label={tsv.fields.intro}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="closesOn" label={tsv.fields.closesOn}>
          <DatePicker data-testid="survey-closes-on" />
        </Form.Item>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={tsv.editor.question(index + 1)}
                  data-testid="question-card"
                  extra={
                    fields.length > 1 && (
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={tsv.editor.removeQuestion} />
                    )
                  }
                >
                  <Flex gap={12} wrap>
                    <Form.Item name={[field.name, 'kind']} label={tsv.fields.kind} rules={[{ required: true }]} style={{ width: 160 }}>
                      <Select options={Object.entries(tsv.kinds).map(([value, label]) => ({ value, label }))} data-testid="question-kind" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'isRequired']} label={tsv.fields.isRequired} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Flex>
                  <Form.Item name={[field.name, 'prompt']} label={tsv.fields.prompt} rules={[{ required: true, whitespace: true, message: tsv.fields.prompt }]}>
                    <Input maxLength={500} data-testid="question-prompt" />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.questions?.[index]?.kind !== b.questions?.[index]?.kind}>
                    {({ getFieldValue }) =>
                      hasOptions(getFieldValue(['questions', field.name, 'kind'])) && (
                        <Form.Item name={[field.name, 'options']} label={tsv.fields.options} extra={tsv.editor.optionsHint} rules={[{ required: true, message: tsv.editor.optionsHint }]}>
                          <Input.TextArea rows={4} data-testid="question-options" />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ ...NEW_QUESTION })} data-testid="add-question">
                {tsv.editor.addQuestion}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Flex gap={8} style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={isSaving} data-testid="save-survey">
            {t.common.save}
          </Button>
          <Button onClick={() => navigate(survey ? `/surveys/${survey.id}` : '/surveys')}>{tsv.editor.back}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
