import { Card, Col, Flex, Row, Select, Space, Spin, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { tdis } from '../../../locales/disclosure.zh-CN.ts';
import { nowInShanghai } from '../../../lib/time.ts';
import { useDisclosureFigures } from '../queries.ts';

const tf = tdis.figures;

/** The last twelve months, this one first. */
function lastMonths(): string[] {
  const now = nowInShanghai();
  return Array.from({ length: 12 }, (_, i) => now.subtract(i, 'month').format('YYYY-MM'));
}

/** 月度服务数据: evaluations, time limits met, appointments within 3 working days, feedback answered in time. */
export function FiguresSection({ centerId, withEvaluationLink = false }: { centerId?: string; withEvaluationLink?: boolean }) {
  const months = lastMonths();
  const [month, setMonth] = useState(months[0]!);
  const query = useDisclosureFigures({ centerId, month });
  const f = query.data;
  return (
    <Flex vertical gap="middle" data-testid="disclosure-figures">
      <Space>
        <Typography.Text>{tf.month}</Typography.Text>
        <Select aria-label={tf.month} size="large" style={{ width: 160 }} value={month} options={months.map((m) => ({ value: m, label: m }))} onChange={setMonth} data-testid="disclosure-figures-month" />
      </Space>
      {query.isError && <QueryError error={query.error} onRetry={() => query.refetch()} />}
      {!f && !query.isError && <Spin />}
      {f && (
        <>
          <Typography.Text type="secondary">{tf.intro(f.month, f.from, f.to)}</Typography.Text>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12} xl={6}>
              <Card title={tf.evaluations} size="small" data-testid="disclosure-figures-evaluations">
                <Statistic title={tf.rated} value={f.evaluations.rated} />
                <Statistic title={tf.goodRate} value={tf.rate(f.evaluations.goodRate)} />
                <Statistic title={tf.rectified} value={f.evaluations.rectified} />
                {withEvaluationLink && <Link to="/portal/evaluation-disclosure">{tf.evaluationLink}</Link>}
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card title={tf.timeLimits} size="small" data-testid="disclosure-figures-time-limits">
                <Statistic title={tf.decided} value={f.timeLimits.decided} />
                <Statistic title={tf.onTimeRate} value={tf.rate(f.timeLimits.onTimeRate)} />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card title={tf.appointments} size="small" data-testid="disclosure-figures-appointments">
                <Statistic title={tf.appointmentsNote(f.appointments.asOf)} value={tf.meeting(f.appointments.meeting, f.appointments.total)} />
                <Statistic title={tf.appointmentsShare} value={tf.rate(f.appointments.share)} />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card title={tf.feedback} size="small" data-testid="disclosure-figures-feedback">
                <Statistic title={tf.received} value={f.feedback.received} />
                <Statistic title={tf.responseRate} value={tf.percent(f.feedback.rate)} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
