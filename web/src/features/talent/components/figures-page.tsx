import { Card, Col, Flex, Row, Spin, Statistic, Table } from 'antd';
import { QueryError } from '../../../components/query-error.tsx';
import { ttal } from '../../../locales/talent.zh-CN.ts';
import type { TalentFigures } from '../api.ts';
import { useTalentFigures } from '../queries.ts';

type ProfileRow = TalentFigures['profiles'][number];
type KindRow = { kind: string } & Record<string, number | string>;

/** 人才服务统计: profiles by category, requests by kind and state, average working days to done, overdue. */
export function TalentFiguresPage() {
  const query = useTalentFigures();
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Spin />;
  const f = query.data;
  const byKind = new Map<string, KindRow>();
  for (const r of f.requests) {
    const row = byKind.get(r.kind) ?? { kind: r.kind };
    row[r.state] = r.count;
    byKind.set(r.kind, row);
  }
  return (
    <Flex vertical gap={16} data-testid="talent-figures">
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={ttal.figures.total} value={f.profiles.reduce((n, p) => n + p.total, 0)} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={ttal.figures.averageDays} value={f.averageDaysToDone === null ? ttal.figures.none : ttal.figures.days(f.averageDaysToDone)} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={ttal.figures.overdue} value={f.overdue} />
          </Card>
        </Col>
      </Row>
      <Card title={ttal.figures.profiles}>
        <Table<ProfileRow>
          rowKey="category"
          size="small"
          pagination={false}
          dataSource={f.profiles}
          columns={[
            { title: ttal.profile.category, render: (_, p) => ttal.categories[p.category] },
            { title: ttal.figures.total, dataIndex: 'total' },
            { title: ttal.figures.verified, dataIndex: 'verified' },
          ]}
        />
      </Card>
      <Card title={ttal.figures.requests}>
        <Table<KindRow>
          rowKey="kind"
          size="small"
          pagination={false}
          dataSource={[...byKind.values()]}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: ttal.request.kind, render: (_, r) => ttal.kinds[r.kind] },
            ...Object.entries(ttal.states).map(([state, label]) => ({ title: label, render: (_: unknown, r: KindRow) => r[state] ?? 0 })),
          ]}
        />
      </Card>
    </Flex>
  );
}
