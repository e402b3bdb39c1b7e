import { Card, Col, Flex, Progress, Row, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { todayInShanghai } from '../../../lib/time.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import type { ResponseFigures } from '../api.ts';
import { useResponseFigures } from '../queries.ts';
import { defaultPeriod, PeriodPicker } from './period-picker.tsx';

type Row = ResponseFigures['center'];

const rate = (r: Row) => (r.rate === null ? tfb.figures.noData : `${r.rate}%`);

/** 诉求响应率 (5.1.4): the center's and each department's against 100 %, and the cases that keep it below. */
export function ResponseRatePage() {
  const [period, setPeriod] = useState(defaultPeriod(todayInShanghai()));
  const query = useResponseFigures(period);
  const f = query.data;
  return (
    <Flex vertical gap={16}>
      <Card title={tfb.figures.title} extra={<PeriodPicker value={period} onChange={setPeriod} />}>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          f && (
            <Flex vertical gap={16} data-testid="response-rate">
              <Row gutter={16}>
                <Col span={6}>
                  <Flex vertical align="center" gap={4}>
                    <Progress type="dashboard" percent={f.center.rate ?? 100} status={f.center.isTargetMet ? 'success' : 'exception'} format={() => rate(f.center)} />
                    <Tag color={f.center.isTargetMet ? 'green' : 'red'} data-testid="center-rate">
                      {f.center.departmentName} {rate(f.center)} · {f.center.isTargetMet ? tfb.figures.met : tfb.figures.notMet}
                    </Tag>
                  </Flex>
                </Col>
                <Col span={18}>
                  <Row gutter={16}>
                    <Col span={5}><Statistic title={tfb.figures.received} value={f.center.received} /></Col>
                    <Col span={5}><Statistic title={tfb.figures.inTime} value={f.center.answeredInTime} /></Col>
                    <Col span={5}><Statistic title={tfb.figures.late} value={f.center.answeredLate} /></Col>
                    <Col span={5}><Statistic title={tfb.figures.overdue} value={f.center.overdue} /></Col>
                    <Col span={4}><Statistic title={tfb.figures.pending} value={f.center.pending} /></Col>
                  </Row>
                </Col>
              </Row>
              <Table<Row>
                rowKey={(r) => r.departmentId ?? 'center'}
                size="small"
                pagination={false}
                dataSource={f.departments}
                data-testid="response-rate-departments"
                columns={[
                  { title: tfb.fields.department, dataIndex: 'departmentName' },
                  { title: tfb.figures.received, dataIndex: 'received' },
                  { title: tfb.figures.inTime, dataIndex: 'answeredInTime' },
                  { title: tfb.figures.late, dataIndex: 'answeredLate' },
                  { title: tfb.figures.overdue, dataIndex: 'overdue' },
                  { title: tfb.figures.pending, dataIndex: 'pending' },
                  { title: tfb.figures.rate, render: (_, r) => <Tag color={r.isTargetMet ? 'green' : 'red'}>{rate(r)}</Tag> },
                ]}
              />
            </Flex>
          )
        )}
      </Card>
      {f && f.below.length > 0 && (
        <Card title={tfb.figures.below}>
          <Table
            rowKey="id"
            size="small"
            dataSource={f.below}
            data-testid="response-rate-below"
            columns={[
              { title: tfb.fields.number, dataIndex: 'number', render: (n: string, c) => <Link to={`/feedback/${c.id}`}>{n}</Link> },
              { title: tfb.fields.kind, dataIndex: 'kindLabel' },
              { title: tfb.fields.department, dataIndex: 'departmentName' },
              { title: tfb.fields.handler, dataIndex: 'handlerName' },
              { title: tfb.fields.dueOn, dataIndex: 'dueOn' },
              { title: tfb.figures.repliedOn, dataIndex: 'repliedOn' },
              { title: '', dataIndex: 'why', render: (w: string) => <Tag color="red">{tfb.figures.why[w]}</Tag> },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
