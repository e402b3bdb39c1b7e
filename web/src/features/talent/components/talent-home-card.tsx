import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ttal } from '../../../locales/talent.zh-CN.ts';
import { useTalentToday } from '../queries.ts';
import { RequestTable } from './requests-tab.tsx';

/** The talent officer's own work first on the home page: today's new requests, the open ones, those due. */
export function TalentHomeCard() {
  const { can } = useAuth();
  const query = useTalentToday(true);
  return (
    <Card
      title={ttal.home.title}
      data-testid="talent-home"
      extra={
        <Flex gap={12}>
          {can('queue.serve') && <Link to="/workbench">{ttal.home.workbench}</Link>}
          {can('application.intake') && <Link to="/applications/new">{ttal.home.intake}</Link>}
          <Link to="/talent">{ttal.home.ledger}</Link>
        </Flex>
      }
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <Row gutter={16}>
            <Col span={12}>
              <Statistic title={ttal.home.submittedToday} value={query.data?.submittedToday ?? '—'} />
            </Col>
            <Col span={12}>
              <Statistic title={ttal.home.open} value={query.data?.open ?? '—'} />
            </Col>
          </Row>
          <Typography.Text strong>{ttal.home.due}</Typography.Text>
          {query.data && query.data.due.length === 0 ? <Typography.Text type="secondary">{ttal.home.noneDue}</Typography.Text> : <RequestTable rows={query.data?.due} loading={query.isLoading} compact />}
        </Flex>
      )}
    </Card>
  );
}
