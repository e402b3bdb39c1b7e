import { Card, Col, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { GuidanceSearchBox } from '../../../guidance/components/search-box.tsx';
import { usePortalOverview } from '../../queries.ts';
import { BundleCards } from './bundle-cards.tsx';

/** The portal's front page: ask in your own words, or browse by theme and life-cycle stage. */
export function PortalHomePage() {
  const overview = usePortalOverview();
  const navigate = useNavigate();
  if (overview.isError) return <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  return (
    <Flex orientation="vertical" gap={24}>
      <Card>
        <Typography.Title level={2}>{tc.portal.heroTitle}</Typography.Title>
        <Typography.Paragraph type="secondary">{tc.portal.heroHint}</Typography.Paragraph>
        <GuidanceSearchBox size="large" autoFocus onSearch={(q) => navigate(`/portal/search?q=${encodeURIComponent(q)}`)} />
      </Card>
      <Card title={tc.portal.themesTitle}>
        {overview.isPending ? (
          <Skeleton active />
        ) : (
          <Row gutter={[16, 16]}>
            {overview.data.themes.map((t) => (
              <Col key={t.theme} xs={12} sm={8} md={6}>
                <Link to={`/portal/items?theme=${t.theme}`} data-testid={`theme-${t.theme}`}>
                  <Card hoverable size="small">
                    <Typography.Text strong>{tc.themes[t.theme]}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{tc.portal.itemCount(t.count)}</Typography.Text>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card title={tc.portal.lifeStagesTitle}>
        {overview.isPending ? (
          <Skeleton active />
        ) : (
          <Flex orientation="vertical" gap={16}>
            {overview.data.lifeStages
              .filter((s) => s.count > 0)
              .map((s) => (
                <div key={s.lifeStage}>
                  <Space style={{ marginBottom: 8 }}>
                    <Tag color="magenta">{tc.lifeStages[s.lifeStage]}</Tag>
                  </Space>
                  <BundleCards bundles={overview.data.bundles.filter((b) => b.lifeStage === s.lifeStage)} />
                </div>
              ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
