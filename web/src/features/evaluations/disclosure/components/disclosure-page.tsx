import { Card, Col, Empty, Flex, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DisclosureDto } from '@server/modules/evaluations/disclosure/contract.ts';
import { QueryError } from '../../../../components/query-error.tsx';
import { tdisclosure as td, tfigures as tf } from '../../../../locales/evaluations.zh-CN.ts';
import { useEvaluationDisclosure } from '../queries.ts';

type MonthlyRow = DisclosureDto['departments'][number];

/** Headers read on one line (issue 16, item 15): a narrow table scrolls sideways instead of stacking a header's characters. */
const oneLineHeader = () => ({ style: { whiteSpace: 'nowrap' as const } });

/**
 * 评价公示 on the portal (9.1): a month's ratings by department and by counter, and the bad
 * reviews rectified that month with the problems reported (option tags) and the measures taken.
 * The server sends no personal data; this page shows what it sends.
 */
export function DisclosurePage() {
  const [month, setMonth] = useState<string>();
  const query = useEvaluationDisclosure(month);
  const d = query.data;
  const months = d ? [...new Set([d.month, ...d.months])].sort().reverse() : [];
  return (
    <Flex vertical gap="middle" data-testid="evaluation-disclosure">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {td.title}
        </Typography.Title>
        <Space>
          <Typography.Text>{td.month}</Typography.Text>
          <Select aria-label={td.month} style={{ width: 140 }} value={d?.month} options={months.map((m) => ({ value: m, label: m }))} onChange={setMonth} data-testid="disclosure-month" />
        </Space>
      </Flex>
      {query.isError && <QueryError error={query.error} onRetry={() => query.refetch()} />}
      {d && (
        <>
          <Typography.Text type="secondary">{td.intro(d.center.name, d.month)}</Typography.Text>
          {d.totals.rated === 0 ? (
            <Empty description={td.empty} />
          ) : (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={12} md={4}>
                  <Statistic title={td.rated} value={d.totals.rated} />
                </Col>
                <Col xs={12} md={4}>
                  <Statistic title={td.goodRate} value={tf.rate(d.totals.goodRate)} />
                </Col>
                {[5, 4, 3, 2, 1].map((level) => (
                  <Col xs={8} md={3} key={level}>
                    <Statistic title={tf.levels[level]} value={d.totals.levels[level as 5]} />
                  </Col>
                ))}
              </Row>
              <Row gutter={[16, 16]}>
                <Col xs={24} xxl={12}>
                  <Card title={td.byDepartment} size="small">
                    <MonthlyTable rows={d.departments} nameTitle={td.department} rowKey={(r) => r.name} />
                  </Card>
                </Col>
                <Col xs={24} xxl={12}>
                  <Card title={td.byCounter} size="small">
                    <MonthlyTable rows={d.counters} nameTitle={td.counter} rowKey={(r) => (r as DisclosureDto['counters'][number]).number} name={(r) => `${(r as DisclosureDto['counters'][number]).number} 号窗口 ${r.name}`} />
                  </Card>
                </Col>
              </Row>
            </>
          )}
          <Card title={td.rectified} size="small">
            {/* a narrow screen scrolls the table sideways, not the page (antd's own scroll would add a measuring row) */}
            <div style={{ overflowX: 'auto' }}>
              <Table
                rowKey={(r) => `${r.ratedOn}-${r.rectifiedOn}-${r.itemName}-${r.measures}`}
                size="small"
                data-testid="disclosure-rectified"
                locale={{ emptyText: td.rectifiedEmpty }}
                dataSource={d.rectified}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: td.ratedOn, dataIndex: 'ratedOn', onHeaderCell: oneLineHeader, onCell: oneLineHeader },
                  { title: td.rectifiedOn, dataIndex: 'rectifiedOn', onHeaderCell: oneLineHeader, onCell: oneLineHeader },
                  { title: td.department, dataIndex: 'departmentName', onHeaderCell: oneLineHeader },
                  { title: td.item, dataIndex: 'itemName', onHeaderCell: oneLineHeader },
                  { title: td.tags, onHeaderCell: oneLineHeader, render: (_, r) => (r.tags.length > 0 ? r.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : tf.levels[r.level]) },
                  { title: td.measures, dataIndex: 'measures', onHeaderCell: oneLineHeader },
                ]}
              />
            </div>
          </Card>
        </>
      )}
    </Flex>
  );
}

function MonthlyTable({ rows, nameTitle, rowKey, name }: { rows: MonthlyRow[]; nameTitle: string; rowKey: (r: MonthlyRow) => string; name?: (r: MonthlyRow) => string }) {
  return (
    <Table<MonthlyRow>
      rowKey={rowKey}
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 15, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: nameTitle, onHeaderCell: oneLineHeader, render: (_, r) => (name ? name(r) : r.name) },
        { title: td.rated, dataIndex: 'rated', align: 'right', onHeaderCell: oneLineHeader },
        ...[5, 4, 3, 2, 1].map((level) => ({ title: tf.levels[level], align: 'right' as const, onHeaderCell: oneLineHeader, render: (_: unknown, r: MonthlyRow) => r.levels[level as 5] })),
        { title: td.goodRate, align: 'right', onHeaderCell: oneLineHeader, render: (_, r) => tf.rate(r.goodRate) },
      ]}
    />
  );
}
