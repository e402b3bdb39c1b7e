import { Card } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { SearchResults } from '../../../guidance/components/search-results.tsx';

/** What the header's search box found. */
export function PortalSearchPage() {
  const q = (useSearchParams()[0].get('q') ?? '').trim();
  if (!q) return <Navigate to="/portal" replace />;
  return (
    <Card title={tc.portal.searchTitle(q)}>
      <SearchResults q={q} linkOf={(r) => `/portal/${r.kind === 'bundle' ? 'bundles' : 'items'}/${r.code}`} />
    </Card>
  );
}
