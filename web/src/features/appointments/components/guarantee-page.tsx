import { Alert, Card, Col, Empty, Flex, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDate, formatDateTime } from '../../../lib/time.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import type { GuaranteeViewDto } from '../api.ts';
import { useGuarantee } from '../queries.ts';

/** A.6 for the manager: the share of appointment-only items with a slot within 3 working days, each item's earliest slot, the alerts. */
export function GuaranteePage() {
  const { me } = useAuth();
  return <GuaranteePanel centerId={me.centerId!} />;
}

export function GuaranteePanel({ centerId }: { centerId: string }) {
  const view = useGuarantee(centerId);
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  const openAlerts = data?.alerts.filter((a) => a.kind === 'guarantee_failed' && a.resolvedAt === null && a.businessDate === data.today) ?? [];
  return (
    <Flex vertical gap={16} data-testid="appointments-guarantee">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {ty.guarantee.title}
      </Typography.Title>
      {openAlerts.map((a) => (
        <Alert
          key={a.id}
          type="error"
          showIcon
          data-testid="guarantee-alert"
          title={`${a.itemName}：${ty.guarantee.alertKinds.guarantee_failed}`}
          description={`${ty.guarantee.earliest} ${a.earliestDate ? formatDate(a.earliestDate) : ty.guarantee.none}；${ty.guarantee.deadline(formatDate(a.deadline))}`}
        />
      ))}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small" loading={view.isPending}>
            <Statistic title={ty.guarantee.share} value={data?.share === null || !data ? '—' : `${Math.round(data.share * 100)}%`} />
            {data && data.share !== null && <Progress percent={Math.round(data.share * 100)} status={data.share < 1 ? 'exception' : 'success'} showInfo={false} />}
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small" loading={view.isPending}>
            <Statistic title={ty.guarantee.meeting} value={data ? `${data.meeting} / ${data.total}` : '—'} />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small" loading={view.isPending}>
            <Statistic title={ty.guarantee.alerts} value={data?.openAlerts ?? '—'} />
            {data && <Typography.Text type="secondary">{ty.guarantee.deadline(formatDate(data.deadline))}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      {data && data.total === 0 ? (
        <Empty description={ty.guarantee.noItems} />
      ) : (
        <Table<GuaranteeViewDto['items'][number]>
          rowKey="itemId"
          size="small"
          loading={view.isPending}
          pagination={false}
          dataSource={data?.items}
          columns={[
            { title: ty.common.item, render: (_, i) => `${i.name}（${i.code}）` },
            { title: ty.common.queue, dataIndex: 'queueName' },
            {
              title: ty.guarantee.earliest,
              render: (_, i) =>
                i.earliestDate ? (
                  <>
                    {formatDate(i.earliestDate)} {i.earliestStart}
                    {i.isOverflow && (
                      <Tag color="orange" style={{ marginInlineStart: 8 }}>
                        {ty.guarantee.overflowOpen}
                      </Tag>
                    )}
                  </>
                ) : (
                  ty.guarantee.none
                ),
            },
            { title: ty.guarantee.daysAway, dataIndex: 'workingDaysAway', render: (n: number | null) => n ?? '—' },
            {
              title: ty.common.state,
              render: (_, i) => (
                <Flex gap={4}>
                  <Tag color={i.meetsGuarantee ? 'green' : 'red'} data-testid={`guarantee-${i.code}`}>
                    {i.meetsGuarantee ? ty.guarantee.meets : ty.guarantee.fails}
                  </Tag>
                  {i.hasOverflow && <Tag>{ty.guarantee.hasOverflow}</Tag>}
                </Flex>
              ),
            },
          ]}
        />
      )}
      <Card size="small" title={ty.guarantee.alerts}>
        {data && data.alerts.length === 0 ? (
          <Empty description={ty.guarantee.noAlerts} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data?.alerts}
            columns={[
              { title: ty.common.date, dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              { title: ty.common.item, dataIndex: 'itemName' },
              { title: ty.common.state, dataIndex: 'kind', render: (k: keyof typeof ty.guarantee.alertKinds) => ty.guarantee.alertKinds[k] },
              { title: '', render: (_, a) => (a.kind === 'guarantee_failed' ? <Tag color={a.resolvedAt ? 'green' : 'red'}>{a.resolvedAt ? ty.guarantee.resolved : ty.guarantee.open}</Tag> : null) },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
