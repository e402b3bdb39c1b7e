import { Card, Col, List, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { tag } from '../../../locales/agency.zh-CN.ts';
import type { RequestSummary } from '../api.ts';
import { useAgencyHome } from '../queries.ts';
import { AgencyStateTag } from './tags.tsx';

/** 我的代办 on the agent's home, first: today's requests, their open ones, the follow-ups due (soonest first). */
export function AgencyHomeCard() {
  const home = useAgencyHome(true);
  const t = tag.home;
  const column = (title: string, rows: RequestSummary[] | undefined, testId: string, extra: (r: RequestSummary) => string) => (
    <Col xs={24} md={8}>
      <List
        size="small"
        header={<Typography.Text strong>{`${title}（${rows?.length ?? 0}）`}</Typography.Text>}
        loading={home.isLoading}
        dataSource={rows?.slice(0, 8)}
        locale={{ emptyText: t.empty }}
        data-testid={testId}
        renderItem={(r) => (
          <List.Item>
            <Link to={`/agency/${r.id}`}>{`${r.enterpriseName} · ${r.itemName || r.matter}`}</Link>
            <span>
              <AgencyStateTag state={r.state} /> {extra(r)}
            </span>
          </List.Item>
        )}
      />
    </Col>
  );
  return (
    <Card title={t.title} extra={<Link to="/agency">{t.all}</Link>} data-testid="agency-home">
      {home.isError ? (
        <QueryError error={home.error} onRetry={() => void home.refetch()} />
      ) : (
        <Row gutter={16}>
          {column(t.today, home.data?.today, 'agency-home-today', () => '')}
          {column(t.open, home.data?.open, 'agency-home-open', (r) => r.requestedOn)}
          {column(t.followUps, home.data?.followUpsDue, 'agency-home-follow-ups', (r) => r.followUpDue ?? '')}
        </Row>
      )}
    </Card>
  );
}
