import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { tsn } from '../../../locales/scenarios.zh-CN.ts';
import { ProvidersTab } from './providers-tab.tsx';
import { ReferralsTab } from './referrals-tab.tsx';
import { ScenariosTab } from './scenarios-tab.tsx';

const TABS = ['providers', 'scenarios', 'referrals'] as const;

/** 一类事 (6.3.6): the professional service providers and their approval, the scenarios, the referrals and their outcomes. */
export function ScenariosPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'providers';
  return (
    <Card title={tsn.title}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'providers' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'providers', label: <span data-testid="tab-providers">{tsn.tabs.providers}</span>, children: <ProvidersTab /> },
          { key: 'scenarios', label: <span data-testid="tab-scenarios">{tsn.tabs.scenarios}</span>, children: <ScenariosTab /> },
          { key: 'referrals', label: <span data-testid="tab-referrals">{tsn.tabs.referrals}</span>, children: <ReferralsTab /> },
        ]}
      />
    </Card>
  );
}
