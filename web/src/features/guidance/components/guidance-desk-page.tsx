import { Card, Flex, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { tc } from '../../../locales/catalog.zh-CN.ts';
import { GuidanceSearchBox } from './search-box.tsx';
import { SearchResults } from './search-results.tsx';

/**
 * The guidance desk (6.1.1, 6.3.4): staff type what the enterprise says, open the item or bundle,
 * answer its situation questions with the enterprise and print the one-time notice.
 */
export function GuidanceDeskPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  return (
    <Card title={tc.guidance.title}>
      <Flex orientation="vertical" gap={16}>
        <Typography.Text type="secondary">{tc.guidance.hint}</Typography.Text>
        <GuidanceSearchBox initial={q} autoFocus size="large" placeholder={tc.guidance.placeholder} onSearch={(next) => setParams({ q: next })} />
        {q && <SearchResults q={q} linkOf={(r) => `/guidance/${r.kind === 'bundle' ? 'bundles' : 'items'}/${r.code}`} />}
      </Flex>
    </Card>
  );
}
