import { Button, Card, Skeleton, Table, Tabs, Tag } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { tcr } from '../../../../locales/cross-region.zh-CN.ts';
import type { HandoverDto } from '../api.ts';
import { useHandovers } from '../queries.ts';
import { HandoverPanel } from './handover-panel.tsx';
import { ReceiveModal } from './receive-modal.tsx';

/** 跨域通办: the matters received here for other regions, and those received elsewhere for this center; both sides see each hand-over. */
export function CrossRegionPage() {
  const { can } = useAuth();
  const [side, setSide] = useState<'received' | 'competent'>('received');
  const [isReceiving, setReceiving] = useState(false);
  return (
    <Card
      title={tcr.list.title}
      extra={can('application.intake') && <Button type="primary" onClick={() => setReceiving(true)} data-testid="cross-region-receive">{tcr.list.receive}</Button>}
    >
      <Tabs
        activeKey={side}
        onChange={(k) => setSide(k as 'received' | 'competent')}
        items={[
          { key: 'received', label: <span data-testid="cross-region-tab-received">{tcr.list.received}</span> },
          { key: 'competent', label: <span data-testid="cross-region-tab-competent">{tcr.list.competent}</span> },
        ]}
      />
      <HandoverTable side={side} />
      {isReceiving && <ReceiveModal onClose={() => setReceiving(false)} />}
    </Card>
  );
}

function HandoverTable({ side }: { side: 'received' | 'competent' }) {
  const list = useHandovers(side);
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Skeleton active />;
  const c = tcr.list.columns;
  return (
    <Table<HandoverDto>
      rowKey="id"
      size="small"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: tcr.list.empty }}
      dataSource={list.data}
      expandable={{ expandedRowRender: (h) => <HandoverPanel handover={h} side={side} />, expandRowByClick: true }}
      onRow={(h) => ({ 'data-testid': 'cross-region-row', 'data-applicant': h.applicantName, 'data-state': h.state }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: c.item, dataIndex: 'itemName' },
        { title: c.applicant, dataIndex: 'applicantName' },
        { title: c.mode, dataIndex: 'mode', render: (m: string) => tcr.modes[m] },
        side === 'received'
          ? { title: c.competent, key: 'competent', render: (_: unknown, h: HandoverDto) => h.competentCenterName ?? `${h.competentRegionName}${tcr.list.foreign}` }
          : { title: c.receiving, dataIndex: 'receivingCenterName' },
        {
          title: c.application,
          key: 'application',
          render: (_: unknown, h: HandoverDto) => (h.application ? side === 'competent' ? <Link to={`/applications/${h.application.id}`}>{h.application.number}</Link> : h.application.number : '—'),
        },
        { title: c.progress, key: 'progress', render: (_: unknown, h: HandoverDto) => (h.application ? <span data-testid="cross-region-progress">{h.application.stateLabel}</span> : '—') },
        { title: c.due, key: 'due', render: (_: unknown, h: HandoverDto) => h.application?.dueDate ?? '—' },
        { title: c.state, dataIndex: 'state', render: (s: string) => <Tag data-testid="cross-region-state">{tcr.states[s]}</Tag> },
        { title: c.decision, dataIndex: 'decision', render: (d: string | null) => (d ? <Tag color={d === 'approved' ? 'green' : 'red'} data-testid="cross-region-decision">{tcr.decisions[d]}</Tag> : '—') },
      ]}
    />
  );
}
