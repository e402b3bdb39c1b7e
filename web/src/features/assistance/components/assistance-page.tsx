import { Button, Card, Flex, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { optionsOf } from '../../../lib/options.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tast } from '../../../locales/assistance.zh-CN.ts';
import type { RecordDto, RecordFilter } from '../api.ts';
import { useRecords } from '../queries.ts';
import { FiguresTab } from './figures-tab.tsx';
import { FollowUpModal } from './follow-up-modal.tsx';
import { RecordModal } from './record-modal.tsx';
import { SessionsTab } from './sessions-tab.tsx';

/** 申报辅导 (6.1.2): the ledger, the video sessions booked, the figures. */
export function AssistancePage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'ledger';
  return (
    <Card title={tast.title}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'ledger', label: tast.tabs.ledger, children: <LedgerTab /> },
          { key: 'sessions', label: tast.tabs.sessions, children: <SessionsTab /> },
          { key: 'figures', label: tast.tabs.figures, children: <FiguresTab /> },
        ]}
      />
    </Card>
  );
}

function LedgerTab() {
  const [filter, setFilter] = useState<RecordFilter>({});
  const [isRecording, setRecording] = useState(false);
  const [following, setFollowing] = useState<RecordDto | null>(null);
  const records = useRecords(filter);
  const set = (key: keyof RecordFilter) => (value: string | undefined) => setFilter((f) => ({ ...f, [key]: value }));
  const columns = [
    { key: 'time', title: tast.columns.time, render: (_: unknown, r: RecordDto) => formatDateTime(r.assistedAt) },
    { key: 'mode', title: tast.columns.mode, render: (_: unknown, r: RecordDto) => <Tag>{tast.modes[r.mode]}</Tag> },
    {
      key: 'enterprise',
      title: tast.columns.enterprise,
      render: (_: unknown, r: RecordDto) => (
        <Flex vertical>
          <span>{r.enterpriseName || r.personName}</span>
          {r.enterpriseName && <Typography.Text type="secondary">{r.personName}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'helped', title: tast.columns.helped, render: (_: unknown, r: RecordDto) => r.helpedWith.map((h) => tast.helps[h]).join('、') },
    { key: 'items', title: tast.columns.items, render: (_: unknown, r: RecordDto) => r.items.map((i) => i.name).join('、') },
    {
      key: 'result',
      title: tast.columns.result,
      render: (_: unknown, r: RecordDto) => (
        <Space size={4} wrap>
          <Tag color={tast.resultColors[r.result]}>{tast.results[r.result]}</Tag>
          {r.applicationNumber && <Typography.Text type="secondary">{r.applicationNumber}</Typography.Text>}
          {r.referredTo && <Typography.Text type="secondary">{r.referredTo}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'length', title: tast.columns.length, render: (_: unknown, r: RecordDto) => (r.durationSeconds === null ? '—' : <span data-testid="record-length">{tast.call.length(r.durationSeconds)}</span>) },
    {
      key: 'followUp',
      title: tast.columns.followUp,
      render: (_: unknown, r: RecordDto) =>
        !r.followUpDueOn ? (
          <Typography.Text type="secondary">{tast.followUp.none}</Typography.Text>
        ) : r.followUpDoneAt ? (
          <Typography.Text title={r.followUpResult}>{tast.followUp.done(formatDateTime(r.followUpDoneAt).slice(0, 10))}</Typography.Text>
        ) : (
          <Space size={4} wrap>
            <Typography.Text>{tast.followUp.dueOn(r.followUpDueOn)}</Typography.Text>
            <Button size="small" onClick={() => setFollowing(r)} data-testid={`follow-up-${r.id}`}>
              {tast.followUp.button}
            </Button>
          </Space>
        ),
    },
    { key: 'assistant', title: tast.columns.assistant, dataIndex: 'assistantName' },
  ];
  return (
    <Flex vertical gap="middle">
      <Flex gap="small" wrap justify="space-between">
        <Space wrap>
          <Select allowClear placeholder={tast.filters.mode} style={{ width: 140 }} options={optionsOf(tast.modes)} value={filter.mode} onChange={set('mode')} data-testid="filter-mode" />
          <Select allowClear placeholder={tast.filters.result} style={{ width: 140 }} options={optionsOf(tast.results)} value={filter.result} onChange={set('result')} data-testid="filter-result" />
          <Select
            allowClear
            placeholder={tast.filters.followUp}
            style={{ width: 160 }}
            options={[
              { value: 'due', label: tast.filters.due },
              { value: 'overdue', label: tast.filters.overdue },
            ]}
            value={filter.followUp}
            onChange={set('followUp')}
            data-testid="filter-follow-up"
          />
        </Space>
        <Button type="primary" onClick={() => setRecording(true)} data-testid="assistance-record">
          {tast.record.button}
        </Button>
      </Flex>
      {records.isError ? (
        <QueryError error={records.error} onRetry={() => void records.refetch()} />
      ) : (
        <Table<RecordDto> rowKey="id" size="small" loading={records.isPending} dataSource={records.data} columns={columns} scroll={{ x: 'max-content' }} data-testid="assistance-ledger" />
      )}
      {isRecording && <RecordModal onClose={() => setRecording(false)} />}
      {following && <FollowUpModal record={following} onClose={() => setFollowing(null)} />}
    </Flex>
  );
}
