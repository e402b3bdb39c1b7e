import { Card, Col, Row, Typography } from 'antd';
import type { BundleCard } from '@server/modules/catalog/portal/contract.ts';
import { Link } from 'react-router';
import { tc } from '../../../../locales/catalog.zh-CN.ts';

export function BundleCards({ bundles }: { bundles: BundleCard[] }) {
  return (
    <Row gutter={[16, 16]}>
      {bundles.map((b) => (
        <Col key={b.code} xs={24} sm={12} md={8}>
          <Link to={`/portal/bundles/${b.code}`} data-testid={`bundle-${b.code}`}>
            <Card hoverable size="small" title={b.name}>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 8 }}>
                {b.description}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {tc.portal.memberCount(b.memberCount)} · {tc.portal.promisedDays(b.promisedLimitDays)} · {b.leadDepartmentName}
              </Typography.Text>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
