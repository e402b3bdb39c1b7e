import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { thome } from '../../../locales/home.zh-CN.ts';
import { deliveries, listApplications, reviewQueue } from '../../applications/api.ts';
import { listCallbacks } from '../../evaluations/callbacks/api.ts';
import { listCases } from '../../feedback/api.ts';
import { listTickets } from '../../queue/api.ts';
import { MyQueueCard } from './my-queue-card.tsx';

type Tile = { key: string; title: string; to: string; count: () => Promise<number>; isAlert: boolean };
const tile = (key: string, title: string, to: string, count: () => Promise<number>, isAlert = false): Tile => ({ key, title, to, count, isAlert });

/**
 * 我的工作 on the home page, first: my counter's queue and the counts of what waits for me — the
 * applications to complete, review and hand out, the callbacks and the feedback cases — each opening
 * its list. Only what the person's permissions open is shown; nothing at all when nothing is theirs.
 */
export function MyWorkCard() {
  const { me, can } = useAuth();
  const t = thome.tiles;
  const page = { page: 1, pageSize: 1 };
  const isIntake = can('application.intake');
  const isReview = can('application.review');
  const isCallback = can('evaluation.callback');
  const isFeedback = can('feedback.handle');
  const isHall = can('queue.issue') && !can('queue.serve') && me.centerId !== null;
  const tiles: (Tile | false)[] = [
    isHall && tile('hall', thome.queue.hall, '/reception', async () => (await listTickets(me.centerId!, { state: 'waiting' })).length),
    isIntake && tile('supplement', t.awaitingSupplement, '/applications', async () => (await listApplications({ state: 'awaiting_supplement', ...page })).total),
    isIntake && tile('due-warning', t.dueWarning, '/applications', async () => (await listApplications({ due: 'warning', ...page })).total, true),
    isIntake && tile('overdue', t.overdue, '/applications', async () => (await listApplications({ due: 'overdue', ...page })).total, true),
    isReview && tile('my-review', t.myReview, '/review', async () => (await reviewQueue('mine')).length),
    isReview && tile('open-review', t.openReview, '/review', async () => (await reviewQueue('open')).length),
    can('application.deliver') && tile('pickup', t.awaitingPickup, '/deliveries', async () => (await deliveries('awaiting_pickup')).length),
    isCallback && tile('callbacks', t.callbacksOpen, '/callbacks', async () => (await listCallbacks({ state: 'open', ...page })).total),
    isCallback && tile('callbacks-overdue', t.callbacksOverdue, '/callbacks', async () => (await listCallbacks({ overdue: true, ...page })).total, true),
    isFeedback && tile('feedback', t.feedbackOpen, '/feedback', async () => (await listCases({ isOpen: true, ...page })).total),
    isFeedback && tile('feedback-overdue', t.feedbackOverdue, '/feedback', async () => (await listCases({ isOpen: true, overdue: true, ...page })).total, true),
  ];
  const shown = tiles.filter((x): x is Tile => x !== false);
  const hasQueue = can('queue.serve');
  if (!hasQueue && shown.length === 0) return null;
  return (
    <Row gutter={[16, 16]} data-testid="home-work">
      {hasQueue && (
        <Col xs={24} lg={8}>
          <MyQueueCard />
        </Col>
      )}
      {shown.length > 0 && (
        <Col xs={24} lg={hasQueue ? 16 : 24}>
          <Card title={thome.work.title} size="small">
            <Row gutter={[16, 16]}>
              {shown.map((tile) => (
                <Col key={tile.key} xs={12} md={8} xl={6}>
                  <TileView tile={tile} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      )}
    </Row>
  );
}

/** One count: asked when shown, again each minute while the page is open. */
function TileView({ tile }: { tile: Tile }) {
  const { data, isError } = useQuery({ queryKey: ['home', 'work', tile.key], queryFn: tile.count, refetchInterval: 60_000 });
  const value = data ?? 0;
  return (
    <Link to={tile.to} data-testid={`home-work-${tile.key}`}>
      {isError ? (
        <Statistic title={tile.title} valueRender={() => <Typography.Text type="danger">{thome.work.loadFailed}</Typography.Text>} />
      ) : data === undefined ? (
        <Skeleton.Input active size="small" />
      ) : (
        <Statistic title={tile.title} value={value} styles={{ content: { color: tile.isAlert && value > 0 ? '#cf1322' : undefined } }} />
      )}
    </Link>
  );
}
