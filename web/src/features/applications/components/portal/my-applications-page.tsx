import { Alert, Button, Card, Descriptions, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { ta } from '../../../../locales/applications.zh-CN.ts';
import { ownNoticeUrl } from '../../api.ts';
import { useMyApplications } from '../../queries.ts';
import { MyDrafts } from '../../online/components/my-drafts.tsx';
import { tol } from '../../../../locales/online-applying.zh-CN.ts';

/**
 * 我的办件 (portal, the enterprise signed in): its applications with state and due date, the
 * notices as PDFs and, while the result waits at the counter, the pickup code.
 */
export function MyApplicationsPage() {
  const mine = useMyApplications();
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  return (
    <Card
      title={ta.mine.title}
      extra={
        <Button onClick={() => void mine.refetch()} loading={mine.isFetching}>
          {ta.mine.refresh}
        </Button>
      }
    >
      <MyDrafts />
      {mine.isPending ? (
        <Skeleton active />
      ) : (
        <List
          data-testid="my-applications"
          dataSource={mine.data.items}
          locale={{ emptyText: ta.mine.empty }}
          renderItem={(a) => (
            <List.Item key={a.id} data-testid="my-application" data-number={a.number}>
              <Flex vertical gap={8} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{`${a.name}（${a.number}）`}</Typography.Text>
                  <Tag data-testid="my-application-state">{a.stateLabel}</Tag>
                  <Link to={`/portal/progress?number=${encodeURIComponent(a.number)}&checkCode=${encodeURIComponent(a.checkCode)}`} data-testid="my-application-progress">
                    {ta.mine.progress}
                  </Link>
                  {a.channel === 'online' && (
                    <Link to={`/portal/online/applications/${a.id}`} data-testid="my-application-follow">
                      {tol.follow}
                    </Link>
                  )}
                </Space>
                <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                  <Descriptions.Item label={ta.mine.receivedOn}>{a.receivedOn}</Descriptions.Item>
                  {a.dueDate && (
                    <Descriptions.Item label={ta.mine.dueDate}>
                      <span data-testid="my-application-due">{a.dueDate}</span>
                    </Descriptions.Item>
                  )}
                </Descriptions>
                <Typography.Text type="secondary">{a.summary}</Typography.Text>
                {a.pickupCode && (
                  <Alert
                    type="success"
                    showIcon
                    title={
                      <Space>
                        {ta.mine.pickupCode}
                        <Typography.Text strong copyable style={{ fontSize: 18, letterSpacing: 2 }} data-testid="my-application-pickup-code">
                          {a.pickupCode}
                        </Typography.Text>
                      </Space>
                    }
                    description={ta.mine.pickupHint}
                  />
                )}
                {a.notices.length > 0 && (
                  <Space wrap>
                    <Typography.Text type="secondary">{ta.mine.notices}</Typography.Text>
                    {a.notices.map((n) => (
                      <a key={n.id} href={ownNoticeUrl(a.id, n.id)} target="_blank" rel="noreferrer" data-testid="my-application-notice">
                        {`${n.title}（${n.number}）`}
                      </a>
                    ))}
                  </Space>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
