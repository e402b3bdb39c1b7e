import { Flex, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ResultsPage } from '@server/modules/disclosure/contract.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { tdis } from '../../../locales/disclosure.zh-CN.ts';
import { useDisclosureResults } from '../queries.ts';

type Result = ResultsPage['results'][number];
const tr = tdis.results;

/** 办件结果公开: decided applications, newest first, the applicant masked by the server; searchable by number. */
export function ResultsSection({ centerId, large = false }: { centerId?: string; large?: boolean }) {
  const [number, setNumber] = useState('');
  const [page, setPage] = useState(1);
  const pageSize = large ? 8 : 20;
  const query = useDisclosureResults({ centerId, number: number || undefined, page, pageSize });
  return (
    <Flex vertical gap="middle" data-testid="disclosure-results">
      <Typography.Text type="secondary">{tr.intro}</Typography.Text>
      <Input.Search
        allowClear
        size="large"
        enterButton
        placeholder={tr.search}
        aria-label={tr.search}
        style={{ maxWidth: 420 }}
        data-testid="disclosure-results-search"
        onSearch={(value) => {
          setNumber(value.trim());
          setPage(1);
        }}
      />
      {query.isError && <QueryError error={query.error} onRetry={() => query.refetch()} />}
      <div style={{ overflowX: 'auto' }}>
        <Table<Result>
          rowKey="number"
          size={large ? 'large' : 'small'}
          loading={query.isFetching}
          dataSource={query.data?.results ?? []}
          locale={{ emptyText: tr.empty }}
          pagination={{ current: page, pageSize, total: query.data?.total ?? 0, showSizeChanger: false, showTotal: tr.total, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: tr.number, dataIndex: 'number', width: 180 },
            { title: tr.item, dataIndex: 'itemName' },
            { title: tr.applicant, dataIndex: 'applicantName' },
            { title: tr.decision, dataIndex: 'decision', width: 100, render: (d: string) => <Tag color={d === 'approved' ? 'green' : 'red'}>{tr.decisions[d]}</Tag> },
            { title: tr.date, dataIndex: 'decidedOn', width: 120 },
          ]}
        />
      </div>
    </Flex>
  );
}
