import { Alert, Button, Card, Flex, Radio, Typography } from 'antd';
import type { NoticeQuestion } from '@server/modules/catalog/portal/contract.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import type { AnswersState } from './use-answers.ts';

/** The situation questions (情形): each answer narrows the list to what applies. */
export function SituationQuestions({ questions, state, isComplete }: { questions: NoticeQuestion[]; state: AnswersState; isComplete: boolean }) {
  if (questions.length === 0) return null;
  return (
    <Card size="small" title={tc.notice.situations} className="no-print" style={{ marginBottom: 16 }} data-testid="situations">
      <Flex orientation="vertical" gap={12}>
        {questions.map((q) => (
          <Flex key={q.key} wrap gap={12} align="center">
            <Typography.Text strong style={{ minWidth: 220 }}>
              {q.text}
            </Typography.Text>
            <Radio.Group
              value={q.answer ?? undefined}
              onChange={(e) => state.setAnswer(q.key, e.target.value as string)}
              options={q.options.map((o) => ({ value: o.key, label: o.label }))}
              optionType="button"
              data-testid={`question-${q.key}`}
            />
          </Flex>
        ))}
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Alert type={isComplete ? 'success' : 'info'} showIcon title={isComplete ? tc.notice.complete : tc.notice.incomplete} style={{ flex: 1 }} />
          {state.answers.size > 0 && <Button onClick={state.clear}>{tc.notice.clearAnswers}</Button>}
        </Flex>
      </Flex>
    </Card>
  );
}

/** On paper, the answers given (the radio buttons do not print). */
export function AnswersPrinted({ questions }: { questions: NoticeQuestion[] }) {
  const answered = questions.filter((q) => q.answer !== null);
  if (answered.length === 0) return null;
  return (
    <div className="notice-print-only">
      <Typography.Text strong>{tc.notice.situationsPrint}：</Typography.Text>
      {answered.map((q) => `${q.text.replace(/[？?]$/, '')}：${q.options.find((o) => o.key === q.answer)?.label ?? ''}`).join('；')}
    </div>
  );
}
