import { Descriptions } from 'antd';
import { trating } from '../../../../locales/evaluations.zh-CN.ts';
import type { RatingSubject } from '../api.ts';

const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }) : '—');

/** The service being rated, as every rating page shows it. */
export function SubjectCard({ subject }: { subject: RatingSubject }) {
  return (
    <Descriptions size="small" column={1} bordered data-testid="rating-subject">
      <Descriptions.Item label={trating.subject.center}>{subject.centerName}</Descriptions.Item>
      <Descriptions.Item label={subject.kind === 'visit' ? trating.subject.visit('') : trating.subject.application('')}>{subject.label}</Descriptions.Item>
      {subject.itemName && <Descriptions.Item label={trating.subject.item}>{subject.itemName}</Descriptions.Item>}
      <Descriptions.Item label={trating.subject.finishedAt}>{at(subject.finishedAt)}</Descriptions.Item>
      <Descriptions.Item label={trating.subject.until}>{at(subject.ratingUntil ? new Date(Date.parse(subject.ratingUntil) - 1000).toISOString() : null)}</Descriptions.Item>
    </Descriptions>
  );
}
