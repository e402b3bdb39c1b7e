import { Alert } from 'antd';
import { t } from '../../../locales/zh-CN.ts';
import { useDemo } from '../queries.ts';

/** Shown on every page while the server runs with demo data. */
export function DemoBanner() {
  const { data } = useDemo();
  if (!data?.enabled) return null;
  return <Alert banner type="warning" title={t.demo.banner} data-testid="demo-banner" />;
}
