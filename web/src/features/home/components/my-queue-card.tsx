import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { thome } from '../../../locales/home.zh-CN.ts';
import { getWorkbench } from '../../queue/api.ts';
import { useMyCounters } from '../../queue/queries.ts';

/** Today's queue at my counter: the tickets waiting in the queues it calls and the next few numbers. */
export function MyQueueCard() {
  const counters = useMyCounters();
  const mine = counters.data?.find((c) => c.session?.isMine) ?? counters.data?.find((c) => c.isHome);
  const bench = useQuery({
    queryKey: ['queue', 'home-workbench', mine?.id ?? ''],
    queryFn: () => getWorkbench(mine!.id),
    enabled: !!mine,
    refetchInterval: 15_000,
  });
  const t = thome.queue;
  const body = () => {
    if (counters.isError || bench.isError) return <Typography.Text type="danger">{thome.work.loadFailed}</Typography.Text>;
    if (counters.data && !mine) return <Typography.Text type="secondary">{t.noCounter}</Typography.Text>;
    if (!bench.data) return <Skeleton active paragraph={{ rows: 1 }} />;
    return (
      <Flex vertical gap="small">
        <Space wrap>
          <Typography.Text strong data-testid="home-queue-counter">
            {t.counter(bench.data.counter.number, bench.data.counter.name)}
          </Typography.Text>
          {!bench.data.session && <Tag>{t.closed}</Tag>}
        </Space>
        <Space size="large">
          <Statistic title={t.waiting} value={bench.data.waitingTotal} data-testid="home-queue-waiting" />
          <Statistic title={t.served} value={bench.data.servedToday} data-testid="home-queue-served" />
        </Space>
        <Space wrap size={[4, 4]}>
          {bench.data.queues.map((q) => (
            <Tag key={q.id} data-testid="home-queue-line">{`${q.name} ${q.waiting}`}</Tag>
          ))}
        </Space>
        <Typography.Text type="secondary">
          {`${t.next}：`}
          {bench.data.next.length > 0 ? bench.data.next.map((n) => n.displayNumber).join('、') : t.none}
        </Typography.Text>
      </Flex>
    );
  };
  return (
    <Card title={t.title} size="small" extra={<Link to="/workbench">{thome.work.open}</Link>} data-testid="home-queue">
      {body()}
    </Card>
  );
}
