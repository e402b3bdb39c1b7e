import { Card, Flex, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../../components/query-error.tsx';
import { tpt } from '../../../../locales/points.zh-CN.ts';
import { useItemPlaces } from '../queries.ts';

/** 就近办 on an item's guide page: the points where the item can be done, narrowed by town, and the county center. */
export function ItemPlaces({ code }: { code: string }) {
  const [townId, setTownId] = useState<string | undefined>();
  const places = useItemPlaces(code, townId);
  if (places.isError) return <QueryError error={places.error} onRetry={() => void places.refetch()} />;
  const data = places.data;
  const points = data?.places.filter((p) => p.how !== 'competent') ?? [];
  return (
    <Card title={tpt.portal.title} data-testid="item-places" loading={places.isPending}>
      <Flex orientation="vertical" gap={12}>
        <Typography.Text type="secondary">{tpt.portal.hint}</Typography.Text>
        <Select<string>
          style={{ width: 240 }}
          aria-label={tpt.portal.town}
          data-testid="item-places-town"
          value={townId ?? 'all'}
          onChange={(v) => setTownId(v === 'all' ? undefined : v)}
          options={[{ value: 'all', label: tpt.portal.allTowns }, ...(data?.towns ?? []).map((t) => ({ value: t.id, label: t.name }))]}
        />
        {points.length === 0 && <Typography.Text data-testid="item-places-none">{tpt.portal.none}</Typography.Text>}
        <List
          dataSource={data?.places ?? []}
          renderItem={(p) => (
            <List.Item data-testid="item-place" data-name={p.name}>
              <List.Item.Meta
                title={
                  <Flex gap={8} align="center" wrap>
                    <span>{p.name}</span>
                    <Tag color={p.how === 'competent' ? 'blue' : 'green'}>{tpt.portal.how[p.how]}</Tag>
                    {p.kind !== 'government' && <Tag>{tpt.kinds[p.kind]}</Tag>}
                  </Flex>
                }
                description={
                  <Flex orientation="vertical">
                    <span>{`${tpt.portal.address}：${p.address}`}</span>
                    <span>{`${tpt.portal.hours}：${p.openingHours}`}</span>
                    {p.phone && <span>{`${tpt.portal.phone}：${p.phone}`}</span>}
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      </Flex>
    </Card>
  );
}
