import { Card, Flex, Progress, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { FiguresDto, PendingCallback } from '@server/modules/evaluations/figures/contract.ts';
import { formatDateTime } from '../../../../lib/time.ts';
import { tfigures as tf } from '../../../../locales/evaluations.zh-CN.ts';

/** A rate with its 100 % target: met (green) or not (red), and the counts behind it. */
export function TargetCard({ title, rate, done, total, doneLabel, testId }: { title: string; rate: number | null; done: number; total: number; doneLabel: string; testId: string }) {
  const isMet = rate === null || rate >= 1;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Flex justify="space-between" align="start">
        <Statistic title={title} value={tf.rate(rate)} styles={{ content: { color: isMet ? '#389e0d' : '#cf1322' } }} />
        <Tag color={isMet ? 'success' : 'error'}>{isMet ? tf.targetMet : tf.targetMissed}</Tag>
      </Flex>
      <Progress percent={rate === null ? 100 : Math.round(rate * 1000) / 10} status={isMet ? 'success' : 'exception'} showInfo={false} />
      <Typography.Text type="secondary">
        {total === 0 ? tf.noBadReviews : `${tf.realNameBad} ${total} · ${doneLabel} ${done} · ${tf.target}`}
      </Typography.Text>
    </Card>
  );
}

export function PendingTable({ pending }: { pending: PendingCallback[] }) {
  return (
    <Table<PendingCallback>
      rowKey="ratingId"
      size="small"
      data-testid="pending-callbacks"
      locale={{ emptyText: tf.pendingEmpty }}
      dataSource={pending}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: tf.reason, render: (_, p) => <Tag color={p.reason === 'not_closed' ? 'orange' : 'red'}>{tf.reasons[p.reason]}</Tag> },
        { title: tf.level, render: (_, p) => tf.levels[p.level] },
        { title: tf.ratedAt, render: (_, p) => formatDateTime(p.ratedAt) },
        { title: tf.department, dataIndex: 'departmentName' },
        { title: tf.counter, dataIndex: 'counterNumber' },
        { title: tf.item, dataIndex: 'itemName' },
        {
          title: tf.due,
          render: (_, p) => (
            <>
              {(p.reason === 'not_contacted' ? p.contactDueOn : p.finishDueOn) ?? ''} {p.isOverdue && <Tag color="red">{tf.overdue}</Tag>}
            </>
          ),
        },
        { title: '', render: (_, p) => p.callbackId && <Link to={`/callbacks/${p.callbackId}`}>{tf.open}</Link> },
      ]}
    />
  );
}

type GroupRow = FiguresDto['rows'][number];

export function GroupTable({ f }: { f: FiguresDto }) {
  const rate = (key: 'goodRate' | 'badRate' | 'activeRate' | 'unratedRate' | 'callbackRate' | 'rectificationRate') => ({
    title: tf[key],
    align: 'right' as const,
    render: (_: unknown, r: GroupRow) => tf.rate(r[key]),
  });
  return (
    <Table<GroupRow>
      rowKey={(r) => r.key ?? '—'}
      size="small"
      scroll={{ x: true }}
      dataSource={f.rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      data-testid="figures-rows"
      columns={[
        { title: tf.label, dataIndex: 'label', fixed: 'left' },
        { title: tf.rated, dataIndex: 'rated', align: 'right' },
        ...[5, 4, 3, 2, 1].map((level) => ({ title: tf.levels[level], align: 'right' as const, render: (_: unknown, r: GroupRow) => r.levels[level as 5] })),
        rate('goodRate'),
        rate('badRate'),
        { title: tf.finished, dataIndex: 'finished', align: 'right' },
        rate('activeRate'),
        rate('unratedRate'),
        { title: tf.realNameBad, dataIndex: 'realNameBad', align: 'right' },
        rate('callbackRate'),
        rate('rectificationRate'),
        { title: tf.avgCallbackHours, align: 'right', render: (_, r) => tf.hours(r.avgCallbackHours) },
        { title: tf.excluded, dataIndex: 'excluded', align: 'right' },
      ]}
    />
  );
}
