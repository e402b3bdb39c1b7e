import { Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { tc } from '../../../locales/catalog.zh-CN.ts';
import type { SearchResult } from '../api.ts';
import { useGuidanceSearch } from '../queries.ts';
import { NoGoodMatch } from './no-match.tsx';

/**
 * Results of a guidance search, best first; `linkOf` says where each one opens. When nothing
 * matches well, the answer says so (desk, phone, catalog) and lists the rest as possibly related.
 */
export function SearchResults({ q, linkOf }: { q: string; linkOf: (r: SearchResult) => string }) {
  const search = useGuidanceSearch(q);
  if (search.isError) return <QueryError error={search.error} onRetry={() => void search.refetch()} />;
  if (search.isPending) return <Skeleton active />;
  const { results, isGoodMatch } = search.data;
  if (isGoodMatch) return <ResultList results={results} linkOf={linkOf} isFirstBest />;
  return (
    <Flex orientation="vertical" gap={16}>
      <NoGoodMatch q={q} />
      {results.length > 0 && <ResultList results={results} linkOf={linkOf} header={tc.portal.maybeRelated} isFirstBest={false} />}
    </Flex>
  );
}

function ResultList({ results, linkOf, header, isFirstBest }: { results: SearchResult[]; linkOf: (r: SearchResult) => string; header?: string; isFirstBest: boolean }) {
  return (
    <List
      dataSource={results}
      header={header}
      data-testid="search-results"
      renderItem={(r, i) => (
        <List.Item>
          <Space wrap>
            <Tag color={r.kind === 'bundle' ? 'magenta' : 'blue'}>{tc.kinds[r.kind]}</Tag>
            <Link to={linkOf(r)} data-testid={`result-${r.code}`}>
              <Typography.Text strong={isFirstBest && i === 0}>{r.name}</Typography.Text>
            </Link>
            {isFirstBest && i === 0 && <Tag color="gold">{tc.portal.bestMatch}</Tag>}
            <Typography.Text type="secondary">{r.code}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
