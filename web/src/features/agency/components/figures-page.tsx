import { Card, Col, DatePicker, Row, Skeleton, Statistic, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error.tsx';
import { toIsoDate } from '../../../lib/time.ts';
import { tag } from '../../../locales/agency.zh-CN.ts';
import { useAgencyFigures } from '../queries.ts';

/** 代办统计: requests, in progress, done, average working days taken, satisfaction from the follow-ups; this year by default. */
export function AgencyFiguresPage() {
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const figures = useAgencyFigures(range);
  const t = tag.figures;
  const f = figures.data;
  return (
    <Card
      title={t.title}
      extra={<DatePicker.RangePicker aria-label={t.period} onChange={(v) => setRange(v?.[0] && v[1] ? { from: toIsoDate(v[0] as Dayjs), to: toIsoDate(v[1] as Dayjs) } : {})} />}
    >
      {figures.isError ? (
        <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : !f ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="agency-figures">
            <Col xs={12} md={6}><Statistic title={t.requests} value={f.requests} /></Col>
            <Col xs={12} md={6}><Statistic title={t.inProgress} value={f.inProgress} /></Col>
            <Col xs={12} md={6}><Statistic title={t.done} value={f.done} /></Col>
            <Col xs={12} md={6}><Statistic title={t.declined} value={f.declined} /></Col>
            <Col xs={12} md={6}><Statistic title={t.averageDays} value={f.averageDays ?? '—'} /></Col>
            <Col xs={12} md={6}><Statistic title={t.followedUp} value={f.followedUp} /></Col>
            <Col xs={12} md={6}><Statistic title={t.satisfaction} value={f.averageSatisfaction ?? '—'} /></Col>
            <Col xs={12} md={6}><Statistic title={t.satisfiedRate} value={f.satisfiedRate ?? '—'} suffix={f.satisfiedRate === null ? undefined : '%'} /></Col>
          </Row>
          <Table
            style={{ marginTop: 16 }}
            rowKey="channel"
            size="small"
            pagination={false}
            title={() => `${t.byChannel}（${f.from} 至 ${f.to}）`}
            dataSource={f.byChannel}
            columns={[
              { title: tag.form.channel, dataIndex: 'channel', render: (c: string) => tag.channels[c] },
              { title: t.requests, dataIndex: 'count' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
