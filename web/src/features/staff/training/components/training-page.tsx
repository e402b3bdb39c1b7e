import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { ttr } from '../../../../locales/training.zh-CN.ts';
import { CertificatesTab } from './certificates-tab.tsx';
import { ConductTab } from './conduct-tab.tsx';
import { CoursesTab } from './courses-tab.tsx';
import { RulesTab } from './rules-tab.tsx';

const TABS = ['certificates', 'courses', 'rules', 'conduct'] as const;

/** 人员培训与上岗资格 (5.2): the manager's page. */
export function TrainingPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'certificates';
  const bodies = { certificates: <CertificatesTab />, courses: <CoursesTab />, rules: <RulesTab />, conduct: <ConductTab /> };
  return (
    <Card title={ttr.title}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={TABS.map((key) => ({ key, label: <span data-testid={`training-tab-${key}`}>{ttr.tabs[key]}</span>, children: bodies[key] }))}
      />
    </Card>
  );
}
