import { App, Button, Col, Drawer, Flex, List, Popconfirm, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../../app/auth-context.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useShowError } from '../../../../components/use-show-error.ts';
import { tpt } from '../../../../locales/points.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { useEntries } from '../../../catalog/queries.ts';
import type { DelegationDto, ServicePointDto } from '../api.ts';
import { useDelegateItem, useDelegations, usePointFigures, usePublishItem, useRevokeDelegation } from '../queries.ts';

/** One point: the items delegated to it (delegate, publish, revoke) and its figures of the last 30 days. */
export function PointDrawer({ point, onClose }: { point: ServicePointDto; onClose: () => void }) {
  return (
    <Drawer open title={point.name} size="large" onClose={onClose} data-testid="point-drawer">
      <Flex orientation="vertical" gap={24}>
        <Delegations point={point} />
        <Figures pointId={point.id} />
      </Flex>
    </Drawer>
  );
}

function Delegations({ point }: { point: ServicePointDto }) {
  const { me } = useAuth();
  const list = useDelegations(point.id);
  const catalog = useEntries('item', me.centerId ?? point.parentId, { status: 'published' });
  const [itemId, setItemId] = useState<string | undefined>();
  const delegate = useDelegateItem();
  const publish = usePublishItem();
  const revoke = useRevokeDelegation();
  const { message } = App.useApp();
  const showError = useShowError();
  const run = (p: Promise<unknown>) => p.then(() => void message.success(t.common.saved), (e: unknown) => showError(e));
  const taken = new Set(list.data?.map((d) => d.itemId));
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex orientation="vertical" gap={12}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {tpt.delegations}
      </Typography.Title>
      <Flex gap={8}>
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          style={{ flex: 1 }}
          aria-label={tpt.delegateLabel}
          placeholder={tpt.delegatePlaceholder}
          data-testid="delegate-item"
          value={itemId}
          onChange={setItemId}
          loading={catalog.isPending}
          options={(catalog.data ?? []).filter((i) => !taken.has(i.id)).map((i) => ({ value: i.id, label: `${i.name}（${i.code}）` }))}
        />
        <Button
          type="primary"
          disabled={!itemId}
          loading={delegate.isPending}
          data-testid="delegate-submit"
          onClick={() => void run(delegate.mutateAsync({ pointId: point.id, itemId: itemId! }).then(() => setItemId(undefined)))}
        >
          {tpt.delegate}
        </Button>
      </Flex>
      <List<DelegationDto>
        loading={list.isPending}
        dataSource={list.data}
        locale={{ emptyText: tpt.noDelegations }}
        renderItem={(d) => (
          <List.Item
            data-testid="delegation-row"
            data-code={d.itemCode}
            actions={[
              d.state === 'delegated' && (
                <Button key="publish" size="small" type="link" data-testid={`delegation-publish-${d.itemCode}`} onClick={() => void run(publish.mutateAsync({ pointId: point.id, itemId: d.itemId }))}>
                  {tpt.publish}
                </Button>
              ),
              <Popconfirm key="revoke" title={tpt.revokeConfirm} onConfirm={() => run(revoke.mutateAsync({ id: d.id, version: d.version }))}>
                <Button size="small" type="link" danger data-testid={`delegation-revoke-${d.itemCode}`}>
                  {tpt.revoke}
                </Button>
              </Popconfirm>,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Flex gap={8} align="center">
                  <span>{`${d.itemName}（${d.itemCode}）`}</span>
                  <Tag color={tpt.stateColors[d.state]} data-testid={`delegation-state-${d.itemCode}`}>
                    {tpt.states[d.state]}
                  </Tag>
                </Flex>
              }
              description={tpt.delegatedBy(d.createdByName)}
            />
          </List.Item>
        )}
      />
    </Flex>
  );
}

function Figures({ pointId }: { pointId: string }) {
  const figures = usePointFigures(pointId);
  if (figures.isError) return <QueryError error={figures.error} onRetry={() => void figures.refetch()} />;
  return (
    <Flex orientation="vertical" gap={12} data-testid="point-figures">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {tpt.figures}
      </Typography.Title>
      <Row gutter={16}>
        <Col span={12}>
          <Statistic title={tpt.tickets} value={figures.data?.tickets ?? 0} loading={figures.isPending} data-testid="point-figures-tickets" />
        </Col>
        <Col span={12}>
          <Statistic title={tpt.applications} value={figures.data?.applications ?? 0} loading={figures.isPending} data-testid="point-figures-applications" />
        </Col>
      </Row>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        data-testid="point-figures-items"
        dataSource={figures.data?.byItem}
        columns={[
          { title: tpt.itemColumns.code, dataIndex: 'code' },
          { title: tpt.itemColumns.name, dataIndex: 'name' },
          { title: tpt.itemColumns.applications, dataIndex: 'applications' },
        ]}
      />
    </Flex>
  );
}
