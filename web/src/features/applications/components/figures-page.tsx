import { Card, Col, DatePicker, Flex, Row, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApplicationSummary, FiguresDto } from '@server/modules/applications/contract.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { toIsoDate } from '../../../lib/time.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';
import { useFigures } from '../queries.ts';
import { DueTag } from './tags.tsx';

/** 办件统计: promised-time completion, acceptance without supplement, states, departments, the overdue list. */
export function FiguresPage() {
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const query = useFigures(range);
  const f = query.data;
  return (
    <Flex vertical gap="middle">
      <Card
        title={ta.figures.title}
        extra={
          <DatePicker.RangePicker
            value={range.from && range.to ? [dayjs(range.from), dayjs(range.to)] : f ? [dayjs(f.from), dayjs(f.to)] : undefined}
            onChange={(v) => setRange(v?.[0] && v[1] ? { from: toIsoDate(v[0]), to: toIsoDate(v[1]) } : {})}
          />
        }
      >
        {query.isError && <QueryError error={query.error} onRetry={() => query.refetch()} />}
        {f && (
          <Row gutter={[16, 16]} data-testid="figures">
            <Col xs={12} md={6}>
              <Statistic title={ta.figures.onTime} value={ta.figures.rate(f.onTimeRate)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={ta.figures.withoutSupplement} value={ta.figures.rate(f.acceptedWithoutSupplementRate)} />
            </Col>
            <Col xs={12} md={3}>
              <Statistic title={ta.figures.received} value={f.received} />
            </Col>
            <Col xs={12} md={3}>
              <Statistic title={ta.figures.accepted} value={f.accepted} />
            </Col>
            <Col xs={12} md={3}>
              <Statistic title={ta.figures.decided} value={f.decided} />
            </Col>
            <Col xs={12} md={3}>
              <Statistic title={ta.figures.secondSupplements} value={f.secondSupplements} />
            </Col>
            <Col xs={24} md={6}>
              <Statistic title={ta.figures.deemed} value={f.deemedAccepted} />
            </Col>
          </Row>
        )}
      </Card>
      {f && <FigureTables f={f} />}
    </Flex>
  );
}

function FigureTables({ f }: { f: FiguresDto }) {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Card title={ta.figures.byState} size="small">
            <Table rowKey="state" size="small" pagination={false} dataSource={f.byState.filter((s) => s.count > 0)} columns={[{ title: ta.fields.state, dataIndex: 'label' }, { title: '', dataIndex: 'count', align: 'right' }]} />
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card title={ta.figures.byDepartment} size="small">
            <Table
              rowKey="departmentId"
              size="small"
              pagination={false}
              dataSource={f.byDepartment}
              columns={[
                { title: ta.fields.department, dataIndex: 'departmentName' },
                { title: ta.figures.open, dataIndex: 'open', align: 'right' },
                { title: ta.figures.warning, dataIndex: 'warning', align: 'right' },
                { title: ta.figures.overdue, dataIndex: 'overdue', align: 'right' },
                { title: ta.figures.decided, dataIndex: 'decided', align: 'right' },
                { title: ta.figures.onTime, render: (_, d) => ta.figures.rate(d.onTimeRate), align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title={ta.figures.overdueList} size="small">
        <Table<ApplicationSummary>
          rowKey="id"
          size="small"
          dataSource={f.overdue}
          columns={[
            { title: ta.fields.number, render: (_, a) => <Link to={`/applications/${a.id}`}>{a.number}</Link> },
            { title: ta.fields.name, dataIndex: 'name' },
            { title: ta.fields.department, dataIndex: 'departmentName' },
            { title: ta.fields.applicant, dataIndex: 'applicantName' },
            { title: ta.fields.dueDate, render: (_, a) => <DueTag due={a.due} dueDate={a.dueDate} /> },
          ]}
        />
      </Card>
    </>
  );
}
