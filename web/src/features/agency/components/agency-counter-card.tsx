import { Button, Card, Space, Table } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { tag } from '../../../locales/agency.zh-CN.ts';
import type { AgencyItemDto } from '../api.ts';
import { useAgencyItems } from '../queries.ts';
import { RequestCreateModal } from './request-create-modal.tsx';

/** At an agency counter's workbench: the high-frequency list to talk through, and the request for the visitor in hand. */
export function AgencyCounterCard() {
  const items = useAgencyItems();
  const [isCreating, setCreating] = useState(false);
  const t = tag.counter;
  return (
    <Card
      size="small"
      title={t.title}
      data-testid="agency-counter-card"
      extra={
        <Space>
          <Link to="/agency">{t.all}</Link>
          <Button type="primary" size="small" onClick={() => setCreating(true)} data-testid="agency-counter-create">
            {t.create}
          </Button>
        </Space>
      }
    >
      {items.isError ? (
        <QueryError error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <Table<AgencyItemDto>
          rowKey="id"
          size="small"
          loading={items.isLoading}
          dataSource={items.data?.items.filter((i) => i.isActive)}
          pagination={false}
          scroll={{ x: true }}
          onRow={() => ({ 'data-testid': 'agency-counter-item' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: tag.items.item, dataIndex: 'name', render: (n: string, i) => `${n}（${i.code}）` },
            { title: t.agentDoes, dataIndex: 'agentDoes' },
            { title: t.enterpriseDoes, dataIndex: 'enterpriseDoes' },
          ]}
        />
      )}
      {isCreating && <RequestCreateModal initialValues={{ channel: 'counter', fromCurrentTicket: true }} onClose={() => setCreating(false)} />}
    </Card>
  );
}
