import { Space, Tag, Typography } from 'antd';
import { tappeal, trating } from '../../../../locales/evaluations.zh-CN.ts';
import { appealEvidenceUrl, type AppealDto, type AppealRatingDto } from '../api.ts';

const STATE_COLORS: Record<string, string> = { pending: 'gold', upheld: 'green', rejected: 'default' };

export function AppealStateTag({ state }: { state: string }) {
  return <Tag color={STATE_COLORS[state]}>{tappeal.states[state]}</Tag>;
}

/** A rating in one cell: level, item, who answers for it, tags and comment. */
export function RatingCell({ r }: { r: AppealRatingDto }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>
        <Tag color={r.level === 1 ? 'red' : 'orange'}>{trating.levels[r.level]}</Tag>
        {r.itemName}
      </span>
      <Typography.Text type="secondary">{[r.departmentName, r.counterName, r.staffName].filter(Boolean).join(' · ')}</Typography.Text>
      {r.tagLabels.length > 0 && <Typography.Text type="secondary">{r.tagLabels.join('、')}</Typography.Text>}
      {r.comment && <Typography.Text>{r.comment}</Typography.Text>}
    </Space>
  );
}

export function EvidenceLinks({ appeal }: { appeal: AppealDto }) {
  return (
    <Space orientation="vertical" size={0}>
      {appeal.evidence.map((f) => (
        <a key={f.id} href={appealEvidenceUrl(appeal.id, f.id)} target="_blank" rel="noreferrer">
          {f.filename}
        </a>
      ))}
    </Space>
  );
}
