import { App, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { QueryError } from '../../../../components/query-error.tsx';
import { useShowError } from '../../../../components/use-show-error.ts';
import { optionsOf } from '../../../../lib/options.ts';
import { tpt } from '../../../../locales/points.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import type { PointKind, ServicePointDto } from '../api.ts';
import { usePoints, useSetPointKind } from '../queries.ts';
import { PointDrawer } from './point-drawer.tsx';

/** 便民服务点 (6.3.5): the points below the manager's center, their kind, delegated items and figures. */
export function ServicePointsPage() {
  const list = usePoints();
  const [openId, setOpenId] = useState<string | null>(null);
  const open = list.data?.find((p) => p.id === openId) ?? null;
  return (
    <Flex orientation="vertical" gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {tpt.title}
      </Typography.Title>
      <Typography.Text type="secondary">{tpt.hint}</Typography.Text>
      <Card>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ServicePointDto>
            rowKey="id"
            data-testid="point-table"
            loading={list.isPending}
            dataSource={list.data}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(p) => ({ 'data-testid': 'point-row', 'data-name': p.name }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: tpt.columns.name, dataIndex: 'name' },
              { title: tpt.columns.level, dataIndex: 'level', render: (l: string) => <Tag>{tpt.levels[l]}</Tag> },
              { title: tpt.columns.kind, dataIndex: 'kind', render: (_: PointKind, p) => <KindSelect point={p} /> },
              { title: tpt.columns.address, dataIndex: 'address' },
              { title: tpt.columns.hours, dataIndex: 'openingHours' },
              { title: tpt.columns.items, dataIndex: 'publishedItemCount', render: (n: number, p) => <span data-testid={`point-items-${p.id}`}>{n}</span> },
              {
                key: 'open',
                render: (_, p) => (
                  <Button type="link" size="small" onClick={() => setOpenId(p.id)} data-testid="point-open">
                    {tpt.open}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      {open && <PointDrawer point={open} onClose={() => setOpenId(null)} />}
    </Flex>
  );
}

function KindSelect({ point }: { point: ServicePointDto }) {
  const save = useSetPointKind();
  const { message } = App.useApp();
  const showError = useShowError();
  return (
    <Select<PointKind>
      size="small"
      style={{ width: 150 }}
      value={point.kind}
      aria-label={tpt.columns.kind}
      data-testid={`point-kind-${point.id}`}
      loading={save.isPending}
      options={optionsOf(tpt.kinds)}
      onChange={(kind) =>
        save.mutate({ id: point.id, kind, version: point.kindVersion }, { onSuccess: () => void message.success(t.common.saved), onError: (e) => showError(e) })
      }
    />
  );
}
