import { Tag } from 'antd';
import { tag } from '../../../locales/agency.zh-CN.ts';

const COLORS: Record<string, string> = { requested: 'gold', accepted: 'blue', signed: 'blue', in_progress: 'processing', done: 'green', confirmed: 'green', followed_up: 'default', declined: 'red', withdrawn: 'default' };

export const AgencyStateTag = ({ state }: { state: string }) => (
  <Tag color={COLORS[state]} data-testid="agency-state">
    {tag.states[state]}
  </Tag>
);
