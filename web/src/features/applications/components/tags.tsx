import { Space, Tag, Tooltip } from 'antd';
import type { ApplicationSummary, DueDto } from '@server/modules/applications/contract.ts';
import type { ApplicationState } from '@server/modules/applications/workflow/definition.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';

const STATE_COLORS: Record<ApplicationState, string> = {
  received: 'processing',
  awaiting_supplement: 'warning',
  supplement_approval: 'warning',
  declined: 'default',
  in_review: 'processing',
  review_supplement: 'warning',
  special_procedure: 'purple',
  lead_decision: 'magenta',
  approved: 'success',
  rejected: 'error',
  delivering: 'cyan',
  delivered: 'success',
  stopped: 'default',
  revoked: 'error',
};

export function StateTag({ state, label }: { state: ApplicationState; label: string }) {
  return (
    <Tag color={STATE_COLORS[state]} data-testid="state-tag">
      {label}
    </Tag>
  );
}

/** The back office's colour: normal, warning at 80 % used, overdue; paused while the clock stands still. */
export function DueTag({ due, dueDate }: { due: DueDto; dueDate: string | null }) {
  if (due.status === 'none') return <span>{dueDate ?? ta.due.none}</span>;
  return (
    <Tooltip title={ta.used(due.usedDays, due.usedShare)}>
      <Space size={4}>
        <span>{dueDate}</span>
        <Tag color={ta.dueColors[due.status]} data-testid={`due-${due.status}`}>
          {ta.due[due.status]}
        </Tag>
      </Space>
    </Tooltip>
  );
}

export function ApplicationBadges({ app }: { app: ApplicationSummary }) {
  return (
    <Space size={2} wrap>
      {app.kind === 'bundle' && <Tag color="geekblue">{ta.badges.bundle}</Tag>}
      {app.isJoint && app.kind === 'item' && <Tag color="geekblue">{ta.badges.joint}</Tag>}
      {app.isCommitment && <Tag color="purple">{ta.badges.commitment}</Tag>}
      {app.deferralState && <Tag color="orange">{ta.badges.deferral}</Tag>}
      {app.isDeemedAccepted && <Tag color="red">{ta.badges.deemed}</Tag>}
    </Space>
  );
}
