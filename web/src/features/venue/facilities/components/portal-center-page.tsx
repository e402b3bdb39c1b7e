import { Card, Descriptions, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { QueryError } from '../../../../components/query-error.tsx';
import { tfac } from '../../../../locales/facilities.zh-CN.ts';
import { usePortalOverview } from '../../../catalog/queries.ts';
import { useAccessibility } from '../queries.ts';

/** The portal's center page: where the center is, when it is open, and its accessibility facilities in service, by zone (4.2.2). */
export function PortalCenterPage() {
  const overview = usePortalOverview();
  const center = overview.data?.center;
  const accessibility = useAccessibility(center?.id);
  if (overview.isError) return <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  return (
    <Flex orientation="vertical" gap={24}>
      <Card title={center?.name ?? tfac.portal.title} loading={overview.isPending}>
        {center && (
          <Descriptions column={1}>
            <Descriptions.Item label={tfac.portal.address}>{center.address}</Descriptions.Item>
            <Descriptions.Item label={tfac.portal.hours}>{center.openingHours}</Descriptions.Item>
            <Descriptions.Item label={tfac.portal.phone}>{center.phone}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title={tfac.portal.accessibility} data-testid="portal-accessibility">
        <Typography.Paragraph type="secondary">{tfac.portal.accessibilityHint}</Typography.Paragraph>
        {accessibility.isError ? (
          <QueryError error={accessibility.error} onRetry={() => void accessibility.refetch()} />
        ) : !accessibility.data ? (
          <Skeleton active />
        ) : accessibility.data.zones.length === 0 ? (
          <Empty description={tfac.portal.none} />
        ) : (
          <Flex orientation="vertical" gap={16}>
            {accessibility.data.zones.map((zone) => (
              <div key={zone.zoneId} data-testid="accessibility-zone">
                <Typography.Title level={5}>
                  {zone.zoneName}
                  {tfac.portal.floor(zone.floor)}
                </Typography.Title>
                <List
                  size="small"
                  dataSource={zone.facilities}
                  renderItem={(f) => (
                    <List.Item data-testid="accessibility-facility">
                      <Flex gap={8} wrap align="center">
                        <Tag color="blue">{tfac.kinds[f.kind]}</Tag>
                        <Typography.Text strong>{f.name}</Typography.Text>
                        {f.locationNote && <Typography.Text type="secondary">{f.locationNote}</Typography.Text>}
                      </Flex>
                    </List.Item>
                  )}
                />
              </div>
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
