import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { ttal } from '../../../locales/talent.zh-CN.ts';
import { ProfilesTab } from './profiles-tab.tsx';
import { RequestsTab } from './requests-tab.tsx';

/** 企业人才服务 (6.2.3): the talent officer's service ledger and the talent profiles. */
export function TalentPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'profiles' ? 'profiles' : 'requests';
  return (
    <Card title={ttal.title}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'profiles' ? { tab: key } : {}, { replace: true })}
        items={[
          { key: 'requests', label: <span data-testid="tab-requests">{ttal.tabs.requests}</span>, children: <RequestsTab /> },
          { key: 'profiles', label: <span data-testid="tab-profiles">{ttal.tabs.profiles}</span>, children: <ProfilesTab /> },
        ]}
      />
    </Card>
  );
}
