import { Button, Card, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../../app/auth-context.tsx';
import { formatDateTime } from '../../../../lib/time.ts';
import { ttl } from '../../../../locales/time-limits.zh-CN.ts';
import type { TimeLimitHistory } from '../api.ts';
import { useTimeLimitHistory } from '../queries.ts';
import { OpenSupervisionModal, SupervisionTable } from './supervisions.tsx';

type AlertRow = TimeLimitHistory['alerts'][number];

export function AlertKindTag({ kind, level }: { kind: AlertRow['kind']; level: number }) {
  const color = kind === 'warning' ? 'orange' : kind === 'overdue' ? 'red' : 'magenta';
  return <Tag color={color}>{kind === 'escalation' ? `${ttl.kinds.escalation}（${ttl.level(level)}）` : ttl.kinds[kind]}</Tag>;
}

/** On the application's page: the warnings, overdue and escalations raised (to whom), and its supervisions. */
export function TimeLimitPanel({ applicationId }: { applicationId: string }) {
  const { can } = useAuth();
  const query = useTimeLimitHistory(applicationId, can('time_limit.view'));
  const [isOpening, setOpening] = useState(false);
  if (!can('time_limit.view') || !query.data) return null;
  const h = query.data;
  return (
    <Card
      title={ttl.history}
      size="small"
      data-testid="time-limit-panel"
      extra={
        h.canSupervise &&
        !h.supervisions.some((s) => s.reply === null) && (
          <Button size="small" type="primary" danger onClick={() => setOpening(true)} data-testid="open-supervision">
            {ttl.supervise}
          </Button>
        )
      }
    >
      {h.alerts.length === 0 && h.supervisions.length === 0 ? (
        <Empty description={ttl.noHistory} />
      ) : (
        <>
          {h.alerts.length > 0 && (
            <Table<AlertRow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={h.alerts}
              data-testid="time-limit-alerts"
              columns={[
                { title: ttl.fields.kind, render: (_, a) => <AlertKindTag kind={a.kind} level={a.level} /> },
                { title: ttl.fields.raisedAt, render: (_, a) => formatDateTime(a.raisedAt) },
                { title: ttl.fields.dueDate, dataIndex: 'dueDate' },
                { title: ttl.fields.usedShare, render: (_, a) => `${Math.round(a.usedShare * 100)}%` },
                { title: ttl.fields.recipients, render: (_, a) => a.recipients.map((r) => `${r.name}（${ttl.roles[r.role]}）`).join('、') },
              ]}
            />
          )}
          {h.supervisions.length > 0 && <SupervisionTable rows={h.supervisions} />}
        </>
      )}
      {isOpening && <OpenSupervisionModal applicationId={applicationId} onClose={() => setOpening(false)} />}
    </Card>
  );
}
