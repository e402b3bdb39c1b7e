import { Tag } from 'antd';
import { tcallback, trating } from '../../../../locales/evaluations.zh-CN.ts';

const LEVEL_COLORS: Record<number, string> = { 5: 'green', 4: 'cyan', 3: 'blue', 2: 'orange', 1: 'red' };
const STATE_COLORS: Record<string, string> = { open: 'gold', contacted: 'blue', verified: 'purple', rectifying: 'geekblue', closed: 'green' };

export function LevelTag({ level }: { level: number }) {
  return <Tag color={LEVEL_COLORS[level]}>{trating.levels[level]}</Tag>;
}

export function CallbackStateTag({ state }: { state: string }) {
  return <Tag color={STATE_COLORS[state]}>{tcallback.states[state]}</Tag>;
}

export function OverdueTag({ overdue }: { overdue: 'contact' | 'finish' | null }) {
  return overdue ? <Tag color="red">{tcallback.overdue[overdue]}</Tag> : null;
}
