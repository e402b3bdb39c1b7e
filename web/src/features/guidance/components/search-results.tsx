import { Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { tc } from '../../../locales/catalog.zh-CN.ts';
import type { SearchResult } from '../api.ts';
import { useGuidanceSearch } from '../queries.ts';

/** Results of a guidance search, best first; `linkOf` says where each one opens. */
export function SearchResults({ q, linkOf }: { q: string; linkOf: (r: SearchResult) => string }) {
  const search = useGuidanceSearch(q);
  if (search.isError) return <QueryError error={search.error} onRetry={() => void search.refetch()} />;
  if (search.isPending) return <Skeleton active />;
  if (search.data.results.length === 0) return <Empty description={tc.portal.noResults} />;
  return (
    <List
      dataSource={search.data.results}
      data-testid="search-results"
      renderItem={(r, i) => (
        <List.Item>
          <Space wrap>
            <Tag color={r.kind === 'bundle' ? 'magenta' : 'blue'}>{tc.kinds[r.kind]}</Tag>
            <Link to={linkOf(r)} data-testid={`result-${r.code}`}>
              <Typography.Text strong={i === 0}>{r.name}</Typography.Text>
            </Link>
            {i === 0 && <Tag color="gold">{tc.portal.bestMatch}</Tag>}
            <Typography.Text type="secondary">{r.code}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
