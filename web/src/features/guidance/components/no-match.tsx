import { Alert, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { tc } from '../../../locales/catalog.zh-CN.ts';
import { usePortalOverview } from '../../catalog/queries.ts';

/**
 * When nothing matches well enough to be called the match (issue 16, item 4): says so and offers
 * the guidance desk, the center's phone and the catalog, rather than naming a wrong item.
 */
export function NoGoodMatch({ q }: { q: string }) {
  const center = usePortalOverview().data?.center;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="guidance-no-match"
      title={tc.portal.noGoodMatch(q)}
      description={
        <Flex orientation="vertical" gap={4}>
          <Typography.Text>{tc.portal.noMatchDesk(center?.name ?? tc.portal.noMatchCenter)}</Typography.Text>
          <Typography.Text data-testid="guidance-no-match-phone">{tc.portal.noMatchPhone(center?.phone ?? '12345')}</Typography.Text>
          <Typography.Text>
            {tc.portal.noMatchCatalogBefore}
            <Link to="/portal/items" data-testid="guidance-no-match-catalog">
              {tc.portal.noMatchCatalog}
            </Link>
          </Typography.Text>
        </Flex>
      }
    />
  );
}
