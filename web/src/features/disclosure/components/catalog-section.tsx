import { Input, Table, Typography } from 'antd';
import { useState } from 'react';
import type { CatalogDisclosure } from '@server/modules/disclosure/contract.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { tdis } from '../../../locales/disclosure.zh-CN.ts';
import { useDisclosureCatalog } from '../queries.ts';

type Entry = CatalogDisclosure['items'][number];
const tc = tdis.catalog;

/** 服务事项目录: every published item with its fees, time limits and legal bases. */
export function CatalogSection({ centerId, large = false }: { centerId?: string; large?: boolean }) {
  const query = useDisclosureCatalog(centerId);
  const [filter, setFilter] = useState('');
  const items = (query.data?.items ?? []).filter((i) => !filter.trim() || i.name.includes(filter.trim()));
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <div data-testid="disclosure-catalog">
      <Input.Search allowClear size="large" placeholder={tc.search} aria-label={tc.search} onSearch={setFilter} onChange={(e) => !e.target.value && setFilter('')} style={{ maxWidth: 360, marginBottom: 12 }} data-testid="disclosure-catalog-filter" />
      <div style={{ overflowX: 'auto' }}>
        <Table<Entry>
          rowKey="code"
          size={large ? 'large' : 'small'}
          loading={query.isPending}
          dataSource={items}
          locale={{ emptyText: tc.empty }}
          pagination={{ pageSize: large ? 8 : 20, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: tc.name, dataIndex: 'name', width: 200 },
            { title: tc.department, dataIndex: 'departmentName', width: 140 },
            { title: tc.kind, dataIndex: 'processingKind', width: 90, render: (k: string) => tc.kinds[k] ?? k },
            { title: tc.legalLimit, dataIndex: 'legalLimitDays', width: 110, render: (d: number | null) => tc.days(d) },
            { title: tc.promisedLimit, dataIndex: 'promisedLimitDays', width: 110, render: (d: number) => tc.days(d) },
            { title: tc.fee, key: 'fee', width: 140, render: (_, i) => (i.isFeeCharged ? i.feeDescription || tc.fee : tc.free) },
            { title: tc.feeBasis, dataIndex: 'feeBasis', width: 160, render: (s: string) => s || '—' },
            {
              title: tc.legalBasis,
              dataIndex: 'legalBasis',
              render: (s: string) => (
                <Typography.Paragraph style={{ margin: 0, fontSize: 'inherit' }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
                  {s || '—'}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}
