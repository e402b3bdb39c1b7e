import { Button, Card, Col, Empty, Flex, List, Row, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../../app/auth-context.tsx';
import { BarChart } from '../../../../components/bar-chart.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { formatDateTime } from '../../../../lib/time.ts';
import { tsv } from '../../../../locales/surveys.zh-CN.ts';
import { ImprovementFormModal } from '../../components/improvement-form-modal.tsx';
import type { QuestionResult } from '../api.ts';
import { useResults } from '../queries.ts';

/** The results: the response rate, and per question a chart of the choices or scores (ECharts) or the list of texts. */
export function SurveyResultsPanel({ id, title }: { id: string; title: string }) {
  const { can } = useAuth();
  const query = useResults(id);
  const [isRaising, setRaising] = useState(false);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Spin />;
  const r = query.data;
  return (
    <Flex vertical gap={16} data-testid="survey-results">
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Flex gap={48}>
          <Statistic title={tsv.results.sent} value={r.sent} />
          <Statistic title={tsv.results.answered} value={r.answered} data-testid="results-answered" />
          <Statistic title={tsv.results.rate} value={r.responseRate ?? '—'} suffix={r.responseRate === null ? undefined : '%'} data-testid="results-rate" />
        </Flex>
        {can('improvement.manage') && (
          <Button onClick={() => setRaising(true)} data-testid="survey-raise-improvement">
            {tsv.results.raiseImprovement}
          </Button>
        )}
      </Flex>
      {r.answered === 0 && <Empty description={tsv.results.noAnswers} />}
      <Row gutter={[16, 16]}>
        {r.questions.map((q) => (
          <Col key={q.id} xs={24} xl={q.kind === 'text' ? 24 : 12}>
            <QuestionCard q={q} />
          </Col>
        ))}
      </Row>
      {isRaising && <ImprovementFormModal sourceType="survey" sourceNote={tsv.results.sourceNote(title)} onClose={() => setRaising(false)} />}
    </Flex>
  );
}

const withShare = (count: number, share: number) => `${count}（${share}%）`;

function QuestionCard({ q }: { q: QuestionResult }) {
  return (
    <Card
      size="small"
      data-testid="question-result"
      title={
        <Flex gap={8} align="center">
          <Typography.Text strong ellipsis={{ tooltip: q.prompt }}>
            {q.position}. {q.prompt}
          </Typography.Text>
          <Tag>{tsv.kinds[q.kind]}</Tag>
        </Flex>
      }
      extra={<Typography.Text type="secondary">{tsv.results.respondents(q.answered)}</Typography.Text>}
    >
      {q.choices && (
        <>
          <BarChart
            isHorizontal
            title={q.prompt}
            categories={q.choices.map((c) => c.option)}
            values={q.choices.map((c) => c.count)}
            labels={q.choices.map((c) => withShare(c.count, c.share))}
            testId="choice-chart"
          />
          <Typography.Text type="secondary" data-testid="choice-figures">
            {q.choices.map((c) => `${c.option} ${withShare(c.count, c.share)}`).join('；')}
          </Typography.Text>
        </>
      )}
      {q.scale && (
        <>
          <Statistic title={tsv.results.mean} value={q.scale.mean ?? '—'} precision={q.scale.mean === null ? undefined : 2} data-testid="scale-mean" />
          <BarChart
            title={q.prompt}
            categories={q.scale.distribution.map((d) => tsv.results.score(d.score))}
            values={q.scale.distribution.map((d) => d.count)}
            labels={q.scale.distribution.map((d) => withShare(d.count, d.share))}
            height={200}
            testId="scale-chart"
          />
        </>
      )}
      {q.texts && (
        <List
          size="small"
          dataSource={q.texts}
          locale={{ emptyText: tsv.results.noTexts }}
          data-testid="text-answers"
          renderItem={(x) => (
            <List.Item extra={<Typography.Text type="secondary">{formatDateTime(x.submittedAt)}</Typography.Text>}>{x.text}</List.Item>
          )}
        />
      )}
    </Card>
  );
}
