import { Button, Card, Flex, Input, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { tag } from '../../../locales/agency.zh-CN.ts';
import type { RequestFilter, RequestSummary } from '../api.ts';
import { useRequests } from '../queries.ts';
import { RequestCreateModal } from './request-create-modal.tsx';
import { AgencyStateTag } from './tags.tsx';

/** 帮办代办申请: the center's requests, filtered by state, the agent's own, or those awaiting the follow-up visit. */
export function AgencyRequestsPage() {
  const [filter, setFilter] = useState<RequestFilter>({});
  const [isCreating, setCreating] = useState(false);
  const requests = useRequests(filter);
  const c = tag.list.columns;
  return (
    <Card
      title={tag.list.title}
      extra={
        <Button type="primary" onClick={() => setCreating(true)} data-testid="agency-create">
          {tag.list.create}
        </Button>
      }
    >
      <Flex wrap gap="middle" align="center" style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={tag.list.search} style={{ maxWidth: 260 }} onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() }))} data-testid="agency-search" />
        <Select
          allowClear
          placeholder={tag.list.state}
          style={{ width: 160 }}
          onChange={(state?: string) => setFilter((f) => ({ ...f, state }))}
          options={Object.entries(tag.states).map(([value, label]) => ({ value, label }))}
          data-testid="agency-state-filter"
        />
        <Flex gap="small" align="center">
          <Switch size="small" onChange={(mine) => setFilter((f) => ({ ...f, mine }))} aria-label={tag.list.mine} />
          <Typography.Text>{tag.list.mine}</Typography.Text>
        </Flex>
        <Flex gap="small" align="center">
          <Switch size="small" onChange={(followUpDue) => setFilter((f) => ({ ...f, followUpDue }))} aria-label={tag.list.followUpDue} />
          <Typography.Text>{tag.list.followUpDue}</Typography.Text>
        </Flex>
      </Flex>
      {requests.isError ? (
        <QueryError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : (
        <Table<RequestSummary>
          rowKey="id"
          size="middle"
          scroll={{ x: true }}
          loading={requests.isLoading}
          dataSource={requests.data?.items}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: c.number, dataIndex: 'number', render: (n: string, r) => <Link to={`/agency/${r.id}`} data-testid="agency-request-link" data-enterprise={r.enterpriseName}>{n}</Link> },
            { title: c.enterprise, dataIndex: 'enterpriseName' },
            { title: c.item, dataIndex: 'itemName', render: (name: string, r) => name || r.matter },
            { title: c.channel, dataIndex: 'channel', render: (ch: string) => tag.channels[ch] },
            { title: c.state, dataIndex: 'state', render: (s: string) => <AgencyStateTag state={s} /> },
            { title: c.agent, dataIndex: 'agentName' },
            { title: c.requestedOn, dataIndex: 'requestedOn' },
            { title: c.followUpDue, dataIndex: 'followUpDue' },
          ]}
        />
      )}
      {isCreating && <RequestCreateModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
