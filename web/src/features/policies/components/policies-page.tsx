import { Button, Card, Drawer, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { tpol } from '../../../locales/policies.zh-CN.ts';
import type { Policy } from '../api.ts';
import { usePolicies } from '../queries.ts';
import { PolicyEditor } from './policy-editor.tsx';

const STATUS_COLORS: Record<Policy['status'], string> = { draft: 'default', published: 'green', expired: 'orange', withdrawn: 'red' };

/** 政策库: the policy officer's list (searchable, each policy opens its page), and a new policy with its rule built visually. */
export function PoliciesPage() {
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState(false);
  const policies = usePolicies(page, q);
  return (
    <Card
      title={tpol.title}
      extra={
        can('policy.manage') && (
          <Button type="primary" onClick={() => setEditing(true)} data-testid="policy-create">
            {tpol.create}
          </Button>
        )
      }
    >
      <Input.Search
        allowClear
        placeholder={tpol.search}
        style={{ maxWidth: 320, marginBottom: 16 }}
        onSearch={(value) => {
          setQ(value.trim());
          setPage(1);
        }}
        data-testid="policy-search"
      />
      {policies.isError ? (
        <QueryError error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <Table<Policy>
          rowKey="id"
          loading={policies.isLoading}
          dataSource={policies.data?.items}
          pagination={{ current: page, pageSize: 20, total: policies.data?.total, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: tpol.columns.title, dataIndex: 'title', render: (title: string, p) => <Link to={`/policies/${p.id}`} data-testid="policy-link">{title}</Link> },
            { title: tpol.columns.department, dataIndex: 'issuingDepartment' },
            { title: tpol.columns.kind, dataIndex: 'kind', render: (k: Policy['kind']) => tpol.kinds[k] },
            { title: tpol.columns.mode, dataIndex: 'mode', render: (m: Policy['mode']) => <Tag color={m === 'auto' ? 'green' : 'blue'}>{tpol.modes[m]}</Tag> },
            { title: tpol.columns.status, dataIndex: 'status', render: (s: Policy['status']) => <Tag color={STATUS_COLORS[s]}>{tpol.statuses[s]}</Tag> },
            { title: tpol.columns.matches, dataIndex: 'matchCount' },
            { title: tpol.columns.validTo, dataIndex: 'validTo' },
          ]}
        />
      )}
      <Drawer open={editing} onClose={() => setEditing(false)} title={tpol.create} size={880} destroyOnHidden>
        <PolicyEditor onDone={() => setEditing(false)} />
      </Drawer>
    </Card>
  );
}
