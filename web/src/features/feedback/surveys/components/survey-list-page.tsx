import { Button, Card, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { formatDateTime } from '../../../../lib/time.ts';
import { tsv } from '../../../../locales/surveys.zh-CN.ts';
import type { SurveySummary } from '../api.ts';
import { useSurveys } from '../queries.ts';

/** 企业满意度调查 (9.1.1): every questionnaire of the center with how many were sent and answered. */
export function SurveyListPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [state, setState] = useState<string | undefined>();
  const query = useSurveys(state);
  return (
    <Card
      title={tsv.title}
      extra={
        <Flex gap={8}>
          <Select style={{ width: 140 }} allowClear placeholder={tsv.fields.state} value={state} onChange={setState} options={Object.entries(tsv.states).map(([value, label]) => ({ value, label }))} />
          {can('survey.manage') && (
            <Button type="primary" onClick={() => navigate('/surveys/new')} data-testid="add-survey">
              {tsv.list.add}
            </Button>
          )}
        </Flex>
      }
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<SurveySummary>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data}
          data-testid="surveys"
          columns={[
            { title: tsv.fields.title, render: (_, s) => <Link to={`/surveys/${s.id}`} data-testid="survey-link">{s.title}</Link> },
            { title: tsv.fields.state, render: (_, s) => <SurveyStateTag state={s.state} /> },
            { title: tsv.fields.closesOn, render: (_, s) => (s.closesOn ? <Tag color={s.isPastDeadline && s.state === 'open' ? 'red' : 'default'}>{s.closesOn}</Tag> : '—') },
            { title: tsv.fields.questionCount, dataIndex: 'questionCount' },
            { title: tsv.fields.sent, dataIndex: 'sent' },
            { title: tsv.fields.answered, dataIndex: 'answered' },
            { title: tsv.fields.responseRate, render: (_, s) => tsv.list.rate(s.responseRate) },
            { title: tsv.fields.createdBy, render: (_, s) => `${s.createdByName} ${formatDateTime(s.createdAt).slice(0, 10)}` },
          ]}
        />
      )}
    </Card>
  );
}

export function SurveyStateTag({ state }: { state: string }) {
  return (
    <Tag color={tsv.stateColors[state]} data-testid="survey-state">
      {tsv.states[state]}
    </Tag>
  );
}
