import { Tag } from 'antd';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import type { CaseSummary } from '../api.ts';

const STATE_COLORS: Record<string, string> = { received: 'blue', assigned: 'processing', replied: 'cyan', closed: 'green', archived: 'default' };

export const CaseStateTag = ({ state }: { state: string }) => <Tag color={STATE_COLORS[state]}>{tfb.states[state]}</Tag>;

export const KindTag = ({ kind }: { kind: string }) => <Tag color={kind === 'complaint' || kind === 'report' ? 'volcano' : kind === 'unresolved' ? 'purple' : 'geekblue'}>{tfb.kinds[kind]}</Tag>;

/** The due date's colour: red overdue, orange due within a working day, green otherwise; answered cases say whether in time. */
export function DueTag({ c }: { c: Pick<CaseSummary, 'daysLeft' | 'isAnsweredInTime' | 'dueOn'> }) {
  if (c.isAnsweredInTime !== null) return <Tag color={c.isAnsweredInTime ? 'success' : 'error'}>{tfb.inbox.answered(c.isAnsweredInTime)}</Tag>;
  if (c.daysLeft === null) return <Tag>{c.dueOn}</Tag>;
  const color = c.daysLeft < 0 ? 'red' : c.daysLeft <= 1 ? 'orange' : 'green';
  return (
    <Tag color={color} data-testid="due-tag">
      {tfb.inbox.daysLeft(c.daysLeft)}
    </Tag>
  );
}
