import { Button, Card, Col, Flex, Row, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Permission } from '@server/platform/auth/roles.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { tcc } from '../../../locales/command-center.zh-CN.ts';
import type { CommandCenterDto } from '../api.ts';
import { useCommandCenter } from '../queries.ts';
import { ExpiringCertificatesNotice } from '../../staff/training/components/expiring-notice.tsx';
import { BreakdownCharts, QueueNowChart, TrendCharts } from './figures-charts.tsx';
import { DRILL, formatValue, TargetCard } from './target-card.tsx';

/** 指挥中心: every target of the standard with its mark and chart, the queue now, trends and breakdowns. */
export function CommandCenterPage() {
  const { can } = useAuth();
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const query = useCommandCenter({ departmentId });
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  const data = query.data;
  const period = { from: data.from, to: data.to };
  return (
    <Flex vertical gap={16} data-testid="command-center">
      <ExpiringCertificatesNotice />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex vertical>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {tcc.title} · {data.centerName}
          </Typography.Title>
          <Typography.Text type="secondary">
            <Tag data-testid="command-center-scope">{tcc.scope[data.scope]}</Tag>
            {tcc.period(data.from, data.to)}
          </Typography.Text>
        </Flex>
        <Flex gap={8} align="center">
          {data.departments.length > 1 && (
            <Select
              style={{ minWidth: 200 }}
              aria-label={tcc.breakdowns.department}
              value={departmentId ?? ''}
              onChange={(v) => setDepartmentId(v || undefined)}
              options={[{ value: '', label: tcc.scope.center }, ...data.departments.map((d) => ({ value: d.id, label: d.name }))]}
              data-testid="command-center-department"
            />
          )}
          <Link to="/command-center/screen" data-testid="command-center-screen-link">
            <Button type="primary">{tcc.openScreen}</Button>
          </Link>
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        {data.targets.map((x) => (
          <Col xs={24} sm={12} xl={6} key={x.key}>
            <TargetCard target={x} period={period} canOpen={can(DRILL[x.key].permission as Permission)} />
          </Col>
        ))}
      </Row>
      <Card size="small" title={tcc.now.title} extra={can('queue.figures') ? <Link to="/queue-figures">{tcc.drill}</Link> : null}>
        <Row gutter={16}>
          <Col xs={12} md={4}>
            <Statistic title={tcc.now.waiting} value={data.now.waiting} data-testid="now-waiting" />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={tcc.now.countersOpen} value={data.now.countersOpen} data-testid="now-counters-open" />
          </Col>
          <Col xs={24} md={16}>
            <QueueNowChart data={data} />
          </Col>
        </Row>
      </Card>
      <TrendCharts data={data} />
      <BreakdownCharts data={data} />
      {data.region.length > 0 && <RegionTable data={data} />}
    </Flex>
  );
}

/** A region's manager: the centers of the region side by side, a column per target. */
function RegionTable({ data }: { data: CommandCenterDto }) {
  return (
    <Card size="small" title={tcc.region.title}>
      <Table
        size="small"
        rowKey="centerId"
        pagination={false}
        scroll={{ x: true }}
        dataSource={data.region}
        data-testid="command-center-region"
        columns={[
          { title: tcc.region.center, dataIndex: 'centerName', fixed: 'left' },
          ...data.targets.map((t, i) => ({
            key: t.key,
            title: tcc.targets[t.key],
            render: (_: unknown, row: CommandCenterDto['region'][number]) => {
              const x = row.targets[i]!;
              return <Tag color={x.isMet ? 'success' : 'error'}>{formatValue(x)}</Tag>;
            },
          })),
        ]}
      />
    </Card>
  );
}
