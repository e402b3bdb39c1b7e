import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { formatDateTime } from '../../../../lib/time.ts';
import { tol } from '../../../../locales/online-applying.zh-CN.ts';
import { StateTag } from '../../components/tags.tsx';
import type { OnlineReviewEntry } from '../api.ts';
import { useOnlineReview } from '../queries.ts';

/**
 * 网上审核中心 (6.1.4.2): the online applications of the center waiting for the check or for the
 * enterprise's supplement. The clerk opens one and decides on the application's page.
 */
export function OnlineReviewPage() {
  const queue = useOnlineReview();
  const r = tol.review;
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <Card
      title={r.title}
      extra={
        <Button onClick={() => void queue.refetch()} loading={queue.isFetching}>
          {r.refresh}
        </Button>
      }
    >
      <Alert type="info" showIcon title={r.hint} style={{ marginBottom: 16 }} />
      <Table<OnlineReviewEntry>
        rowKey="id"
        loading={queue.isPending}
        dataSource={queue.data ?? []}
        data-testid="online-review"
        locale={{ emptyText: r.empty }}
        pagination={false}
        onRow={(e) => ({ 'data-testid': 'online-review-row', 'data-number': e.number }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: r.number, dataIndex: 'number', render: (n: string, e) => <Link to={`/applications/${e.id}`} data-testid="online-review-open">{n}</Link> },
          { title: r.item, dataIndex: 'name' },
          { title: r.applicant, dataIndex: 'applicantName' },
          { title: r.state, dataIndex: 'state', render: (_: unknown, e) => <StateTag state={e.state} label={e.stateLabel} /> },
          { title: r.receivedAt, dataIndex: 'receivedAt', render: (at: string) => formatDateTime(at) },
          {
            title: r.owed,
            dataIndex: 'owedMaterials',
            render: (n: number, e) => (e.suppliedSinceNotice ? <Tag color="green" data-testid="online-review-supplied">{r.supplied}</Tag> : <Typography.Text type={n ? 'warning' : undefined}>{r.owedCount(n)}</Typography.Text>),
          },
        ]}
      />
    </Card>
  );
}
