import { Button, Card, Col, Flex, Row, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { tbr } from '../../../locales/briefings.zh-CN.ts';
import type { EventSummary } from '../api.ts';
import { useEvents, useFigures } from '../queries.ts';
import { EventFormModal } from './event-form-modal.tsx';

/** 宣讲培训 (6.2.4): the center's events with their registrations, attendance and satisfaction, and the overall figures. */
export function BriefingsPage() {
  const { can } = useAuth();
  const isOrganiser = can('briefing.manage');
  const events = useEvents();
  const figures = useFigures(isOrganiser);
  const [isAdding, setAdding] = useState(false);
  const f = figures.data;
  return (
    <Flex vertical gap={16}>
      {isOrganiser && f && (
        <Card title={tbr.list.overall} size="small" data-testid="briefing-figures">
          <Row gutter={16}>
            <Col xs={12} md={4}><Statistic title={tbr.fields.events} value={f.events} /></Col>
            <Col xs={12} md={4}><Statistic title={tbr.fields.held} value={f.held} /></Col>
            <Col xs={12} md={4}><Statistic title={tbr.fields.registered} value={f.registered} /></Col>
            <Col xs={12} md={4}><Statistic title={tbr.fields.attended} value={f.attended} /></Col>
            <Col xs={12} md={4}><Statistic title={tbr.fields.attendanceRate} value={tbr.rate(f.attendanceRate)} /></Col>
            <Col xs={12} md={4}><Statistic title={tbr.fields.satisfaction} value={tbr.score(f.satisfaction)} /></Col>
          </Row>
        </Card>
      )}
      <Card
        title={tbr.title}
        extra={
          isOrganiser && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="add-event">
              {tbr.list.add}
            </Button>
          )
        }
      >
        {events.isError ? (
          <QueryError error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <Table<EventSummary>
            rowKey="id"
            size="middle"
            loading={events.isFetching}
            dataSource={events.data}
            data-testid="events"
            scroll={{ x: true }}
            columns={[
              { title: tbr.fields.topic, render: (_, e) => <Link to={`/briefings/${e.id}`} data-testid="event-link">{e.topic}</Link> },
              { title: tbr.fields.kind, render: (_, e) => tbr.kinds[e.kind] },
              { title: tbr.fields.time, render: (_, e) => tbr.timeRange(e.date, e.startTime, e.endTime) },
              { title: tbr.fields.place, render: (_, e) => e.roomName ?? tbr.online },
              { title: tbr.fields.status, render: (_, e) => <EventStatusTag status={e.status} /> },
              { title: tbr.fields.registered, render: (_, e) => `${e.figures.registered} / ${e.capacity}` },
              { title: tbr.fields.attended, render: (_, e) => e.figures.attended },
              { title: tbr.fields.attendanceRate, render: (_, e) => tbr.rate(e.figures.attendanceRate) },
              { title: tbr.fields.satisfaction, render: (_, e) => tbr.score(e.figures.satisfaction) },
            ]}
          />
        )}
      </Card>
      {isAdding && <EventFormModal onClose={() => setAdding(false)} />}
    </Flex>
  );
}

export function EventStatusTag({ status }: { status: string }) {
  return (
    <Tag color={tbr.statusColors[status]} data-testid="event-status">
      {tbr.statuses[status]}
    </Tag>
  );
}
