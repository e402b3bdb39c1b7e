import { App, Button, Card, Descriptions, Flex, Popconfirm, Result, Spin, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';
import { cancelByHolder, getTicketStatus } from '../api.ts';

const STATE_COLOURS = { waiting: 'blue', transferred: 'blue', called: 'orange', serving: 'green', done: 'default', no_show: 'red', cancelled: 'default' } as const;

/** The ticket's status on a phone (/t/<token>, from the receipt's QR code): place in line, called or not. */
export function TicketStatusPage() {
  const { token = '' } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const key = ['queue', 'ticket', token];
  const status = useQuery({ queryKey: key, queryFn: () => getTicketStatus(token), refetchInterval: 5_000, staleTime: 0 });

  if (status.isPending) return <Spin fullscreen />;
  if (status.isError) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;
  const isCalled = s.state === 'called' || s.state === 'serving';

  const cancel = async () => {
    try {
      client.setQueryData(key, await cancelByHolder(token));
      message.success(tq.status.cancelled);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Flex justify="center" style={{ padding: 16, minHeight: '100vh', background: '#f5f5f5' }}>
      <Card data-testid="ticket-status" style={{ width: '100%', maxWidth: 480 }} title={`${s.centerName} · ${tq.status.title}`}>
        <Flex vertical align="center" gap={8}>
          <Typography.Text type="secondary">{s.queueName}</Typography.Text>
          <div style={{ fontSize: 64, fontWeight: 800, lineHeight: 1.1 }}>{s.displayNumber}</div>
          <Tag color={STATE_COLOURS[s.state]} style={{ fontSize: 16, padding: '4px 12px' }}>
            {tq.ticketStates[s.state]}
          </Tag>
          {isCalled && s.counterNumber && (
            <Result
              status="warning"
              title={<span data-testid="status-counter">{s.state === 'called' ? tq.status.calledTo(s.counterNumber) : tq.status.serving(s.counterNumber)}</span>}
            />
          )}
          {s.state === 'done' && <Typography.Paragraph>{tq.status.finished}</Typography.Paragraph>}
          {/* After the counter: follow the application received from this visit on the portal. */}
          <Link to="/portal/progress" data-testid="ticket-progress-link">
            {ta.progress.title}
          </Link>
        </Flex>
        <Descriptions column={1} style={{ marginTop: 16 }}>
          {s.ahead !== null && <Descriptions.Item label={tq.status.ahead}>{tq.common.people(s.ahead)}</Descriptions.Item>}
          {s.estimatedWait !== null && <Descriptions.Item label={tq.status.wait}>{tq.common.waitRange(s.estimatedWait)}</Descriptions.Item>}
          {s.itemName && <Descriptions.Item label={tq.receipt.item}>{s.itemName}</Descriptions.Item>}
          {s.priorityClass !== 'ordinary' && (
            <Descriptions.Item label="">{tq.priorityClasses[s.priorityClass]}{s.greenReason ? `（${tq.greenReasons[s.greenReason]}）` : ''}</Descriptions.Item>
          )}
          <Descriptions.Item label={tq.receipt.takenAt}>{formatDateTime(s.issuedAt)}</Descriptions.Item>
        </Descriptions>
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">{tq.status.refreshed}</Typography.Text>
          {s.canCancel && (
            <Popconfirm title={tq.status.cancelConfirm} onConfirm={cancel} okText={tq.common.confirm}>
              <Button danger>{tq.status.cancel}</Button>
            </Popconfirm>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
