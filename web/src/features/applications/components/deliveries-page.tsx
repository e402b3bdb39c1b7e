import { Card, Flex, Segmented, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApplicationSummary, DeliveryDto } from '@server/modules/applications/contract.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { ta } from '../../../locales/applications.zh-CN.ts';
import type { SearchFilter } from '../api.ts';
import { useDeliveries } from '../queries.ts';
import { ApplicationFilters } from './application-filters.tsx';
import { StateTag } from './tags.tsx';

/** 综合出件: results waiting to be collected, and mail on its way. */
export function DeliveriesPage() {
  const [state, setState] = useState<'awaiting_pickup' | 'mailed'>('awaiting_pickup');
  const [search, setSearch] = useState<SearchFilter>({});
  const query = useDeliveries(state, search.q);
  return (
    <Card title={ta.delivery.title}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Segmented value={state} onChange={(v) => setState(v as typeof state)} options={[{ value: 'awaiting_pickup', label: ta.delivery.states.awaiting_pickup }, { value: 'mailed', label: ta.delivery.states.mailed }]} data-testid="delivery-state" />
        <ApplicationFilters value={search} onChange={setSearch} testId="delivery" />
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<{ delivery: DeliveryDto; application: ApplicationSummary }>
          rowKey={(r) => r.application.id}
          loading={query.isPending}
          dataSource={query.data}
          locale={{ emptyText: ta.delivery.empty }}
          columns={[
            { title: ta.fields.number, render: (_, r) => <Link to={`/applications/${r.application.id}`}>{r.application.number}</Link> },
            { title: ta.fields.name, render: (_, r) => r.application.name },
            { title: ta.fields.applicant, render: (_, r) => r.application.applicantName },
            { title: ta.fields.state, render: (_, r) => <StateTag state={r.application.state} label={r.application.stateLabel} /> },
            { title: ta.delivery.method, render: (_, r) => ta.delivery.methods[r.delivery.method] },
            { title: ta.delivery.trackingNumber, render: (_, r) => (r.delivery.trackingNumber ? `${r.delivery.carrier} ${r.delivery.trackingNumber}` : '') },
          ]}
        />
      )}
    </Card>
  );
}
