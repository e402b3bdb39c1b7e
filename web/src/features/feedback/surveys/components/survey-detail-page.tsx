import { App, Button, Card, Descriptions, Flex, List, Popconfirm, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useShowError } from '../../../../components/use-show-error.ts';
import { formatDateTime } from '../../../../lib/time.ts';
import { tsv } from '../../../../locales/surveys.zh-CN.ts';
import type { Recipient, SurveyDetail } from '../api.ts';
import { useCloseSurvey, useOpenSurvey, useRecipients, useSurvey } from '../queries.ts';
import { SendSurveyModal } from './send-survey-modal.tsx';
import { SurveyStateTag } from './survey-list-page.tsx';

// the results draw charts with ECharts: loaded with the results tab only
const SurveyResultsPanel = lazy(async () => ({ default: (await import('./survey-results.tsx')).SurveyResultsPanel }));

/** One survey: its questions, whom it was sent to, its results with charts; the actions its state allows. */
export function SurveyDetailPage() {
  const { id = '' } = useParams();
  const query = useSurvey(id);
  const [params, setParams] = useSearchParams();
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Spin />;
  const s = query.data;
  const tab = params.get('tab') ?? (s.state === 'draft' ? 'questions' : 'results');
  return (
    <Flex vertical gap={16} data-testid="survey-detail">
      <Card
        title={
          <Flex gap={8} align="center">
            <span>{s.title}</span>
            <SurveyStateTag state={s.state} />
          </Flex>
        }
        extra={<SurveyActions s={s} />}
      >
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={tsv.fields.closesOn}>{s.closesOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={tsv.fields.sent}>{s.sent}</Descriptions.Item>
          <Descriptions.Item label={tsv.fields.answered}>{s.answered}</Descriptions.Item>
          <Descriptions.Item label={tsv.fields.responseRate}>{tsv.list.rate(s.responseRate)}</Descriptions.Item>
        </Descriptions>
        {s.intro && <Typography.Paragraph type="secondary">{s.intro}</Typography.Paragraph>}
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'questions', label: tsv.detail.tabs.questions, children: <QuestionsPanel s={s} /> },
            { key: 'recipients', label: tsv.detail.tabs.recipients, children: <RecipientsPanel id={s.id} /> },
            ...(s.state === 'draft'
              ? []
              : [
                  {
                    key: 'results',
                    label: tsv.detail.tabs.results,
                    children: (
                      <Suspense fallback={<Spin />}>
                        <SurveyResultsPanel id={s.id} title={s.title} />
                      </Suspense>
                    ),
                  },
                ]),
          ]}
        />
      </Card>
    </Flex>
  );
}

function SurveyActions({ s }: { s: SurveyDetail }) {
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const open = useOpenSurvey();
  const close = useCloseSurvey();
  const [isSending, setSending] = useState(false);
  if (!can('survey.manage')) return null;
  const run = (action: typeof open, done: string) => () =>
    action.mutateAsync({ id: s.id, version: s.version }).then(
      () => void message.success(done),
      (error: unknown) => showError(error),
    );
  return (
    <Flex gap={8}>
      {s.actions.includes('edit') && (
        <Button onClick={() => navigate(`/surveys/${s.id}/edit`)} data-testid="edit-survey">
          {tsv.detail.edit}
        </Button>
      )}
      {s.actions.includes('open') && (
        <Popconfirm title={tsv.detail.openConfirm} onConfirm={run(open, tsv.detail.opened)}>
          <Button type="primary" loading={open.isPending} data-testid="open-survey">
            {tsv.detail.open}
          </Button>
        </Popconfirm>
      )}
      {s.actions.includes('send') && (
        <Button type="primary" onClick={() => setSending(true)} data-testid="send-survey">
          {tsv.detail.send}
        </Button>
      )}
      {s.actions.includes('close') && (
        <Popconfirm title={tsv.detail.closeConfirm} onConfirm={run(close, tsv.detail.closed)}>
          <Button danger loading={close.isPending} data-testid="close-survey">
            {tsv.detail.close}
          </Button>
        </Popconfirm>
      )}
      {isSending && <SendSurveyModal survey={s} onClose={() => setSending(false)} />}
    </Flex>
  );
}

function QuestionsPanel({ s }: { s: SurveyDetail }) {
  return (
    <List
      dataSource={s.questions}
      renderItem={(q) => (
        <List.Item>
          <Flex vertical gap={4}>
            <Flex gap={8} align="center">
              <Typography.Text strong>
                {q.position}. {q.prompt}
              </Typography.Text>
              <Tag>{tsv.kinds[q.kind]}</Tag>
              <Tag color={q.isRequired ? 'red' : 'default'}>{q.isRequired ? tsv.detail.required : tsv.detail.optional}</Tag>
            </Flex>
            {q.options.length > 0 && <Typography.Text type="secondary">{q.options.join(' ／ ')}</Typography.Text>}
          </Flex>
        </List.Item>
      )}
    />
  );
}

function RecipientsPanel({ id }: { id: string }) {
  const query = useRecipients(id);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<Recipient>
      rowKey="id"
      size="small"
      loading={query.isFetching}
      dataSource={query.data}
      locale={{ emptyText: tsv.detail.noRecipients }}
      data-testid="survey-recipients"
      columns={[
        { title: tsv.fields.enterprise, dataIndex: 'enterpriseName' },
        { title: tsv.fields.uscc, dataIndex: 'uscc' },
        { title: tsv.fields.invitedAt, render: (_, r) => formatDateTime(r.invitedAt) },
        { title: tsv.fields.answeredAt, render: (_, r) => (r.answeredAt ? <Tag color="green">{formatDateTime(r.answeredAt)}</Tag> : <Tag>{tsv.detail.notAnswered}</Tag>) },
      ]}
    />
  );
}
