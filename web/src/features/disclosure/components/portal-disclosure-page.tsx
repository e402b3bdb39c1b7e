import { Card, Flex, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { usePortalOverview } from '../../catalog/queries.ts';
import { tdis } from '../../../locales/disclosure.zh-CN.ts';
import { feedUrl } from '../api.ts';
import { CatalogSection } from './catalog-section.tsx';
import { FiguresSection } from './figures-section.tsx';
import { ResultsSection } from './results-section.tsx';
import { StaffSection } from './staff-section.tsx';

const TABS = ['catalog', 'staff', 'results', 'figures'] as const;
type Tab = (typeof TABS)[number];

/** 信息公开 on the portal (A.5): catalog, staff at the counters, processing results, month figures, and the feeds. */
export function PortalDisclosurePage() {
  const overview = usePortalOverview();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'catalog';
  return (
    <Flex vertical gap="middle" data-testid="disclosure-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {tdis.title}
      </Typography.Title>
      {overview.data && <Typography.Text type="secondary">{tdis.intro(overview.data.center.name)}</Typography.Text>}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'catalog', label: <span data-testid="disclosure-tab-catalog">{tdis.tabs.catalog}</span>, children: <CatalogSection /> },
          { key: 'staff', label: <span data-testid="disclosure-tab-staff">{tdis.tabs.staff}</span>, children: <StaffSection /> },
          { key: 'results', label: <span data-testid="disclosure-tab-results">{tdis.tabs.results}</span>, children: <ResultsSection /> },
          { key: 'figures', label: <span data-testid="disclosure-tab-figures">{tdis.tabs.figures}</span>, children: <FiguresSection withEvaluationLink /> },
        ]}
      />
      <Card size="small" title={tdis.feeds.title}>
        <Space wrap>
          <a href={feedUrl('atom')} data-testid="disclosure-feed-atom">
            {tdis.feeds.atom}
          </a>
          <a href={feedUrl('json')} data-testid="disclosure-feed-json">
            {tdis.feeds.json}
          </a>
        </Space>
      </Card>
    </Flex>
  );
}
