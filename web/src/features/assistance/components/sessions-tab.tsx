import { Button, Flex, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tast } from '../../../locales/assistance.zh-CN.ts';
import type { SessionDto } from '../api.ts';
import { useCenterSessions, useStartSession } from '../queries.ts';

/** The video sessions booked with the center: the assistant starts one and joins its call. */
export function SessionsTab() {
  const [scope, setScope] = useState<'upcoming' | 'all'>('upcoming');
  const sessions = useCenterSessions(scope);
  const start = useStartSession();
  const navigate = useNavigate();
  const showError = useShowError();
  const onStart = (s: SessionDto) => start.mutate({ id: s.id, version: s.version }, { onSuccess: () => void navigate(`/assistance/video/${s.id}`), onError: showError });
  const columns = [
    { key: 'slot', title: tast.columns.slot, render: (_: unknown, s: SessionDto) => formatDateTime(s.startsAt).slice(0, 16) },
    { key: 'enterprise', title: tast.columns.enterprise, render: (_: unknown, s: SessionDto) => `${s.enterpriseName}（${s.personName}）` },
    { key: 'topic', title: tast.columns.topic, render: (_: unknown, s: SessionDto) => [s.topic, s.itemName].filter(Boolean).join(' · ') },
    { key: 'state', title: tast.columns.state, render: (_: unknown, s: SessionDto) => <Tag color={tast.stateColors[s.state]}>{tast.states[s.state]}</Tag> },
    { key: 'assistant', title: tast.columns.assistant, render: (_: unknown, s: SessionDto) => s.assistantName ?? '—' },
    { key: 'length', title: tast.columns.length, render: (_: unknown, s: SessionDto) => (s.durationSeconds === null ? '—' : tast.call.length(s.durationSeconds)) },
    {
      key: 'actions',
      title: tast.columns.actions,
      render: (_: unknown, s: SessionDto) =>
        s.state === 'booked' ? (
          <Button size="small" type="primary" loading={start.isPending} onClick={() => onStart(s)} data-testid={`session-start-${s.id}`}>
            {tast.sessions.start}
          </Button>
        ) : s.state === 'live' ? (
          <Button size="small" onClick={() => void navigate(`/assistance/video/${s.id}`)} data-testid={`session-join-${s.id}`}>
            {tast.sessions.join}
          </Button>
        ) : null,
    },
  ];
  return (
    <Flex vertical gap="middle">
      <Segmented<'upcoming' | 'all'>
        value={scope}
        onChange={(v) => setScope(v)}
        options={[
          { value: 'upcoming', label: tast.sessions.scopeUpcoming },
          { value: 'all', label: tast.sessions.scopeAll },
        ]}
      />
      {sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table<SessionDto> rowKey="id" size="small" loading={sessions.isPending} dataSource={sessions.data} columns={columns} locale={{ emptyText: tast.sessions.empty }} scroll={{ x: 'max-content' }} data-testid="assistance-sessions" />
      )}
    </Flex>
  );
}
