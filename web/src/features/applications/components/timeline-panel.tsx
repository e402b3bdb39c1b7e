import { Card, Table, Tag, Timeline, Typography } from 'antd';
import type { ApplicationDetail, TaskDto } from '@server/modules/applications/contract.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';

/** Who holds it and for how long (A.8): the review tasks, one per department in joint review. */
export function TasksPanel({ app }: { app: ApplicationDetail }) {
  if (app.tasks.length === 0) return null;
  const names = new Map([[app.id, app.name], ...app.children.map((c) => [c.id, c.name] as const)]);
  return (
    <Card title={ta.tasks.title} size="small">
      <Table<TaskDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={app.tasks}
        data-testid="tasks"
        columns={[
          ...(app.children.length > 0 ? [{ title: ta.fields.name, render: (_: unknown, t: TaskDto) => names.get(t.applicationId) }] : []),
          { title: ta.tasks.department, render: (_, t) => <>{t.departmentName} {t.isLead && <Tag color="magenta">{ta.tasks.lead}</Tag>}</> },
          { title: ta.tasks.state, render: (_, t) => ta.taskStates[t.state] },
          { title: ta.tasks.assignee, dataIndex: 'assigneeName' },
          { title: ta.tasks.held, render: (_, t) => ta.review.held(t.heldWorkingDays) },
          { title: ta.tasks.opinion, dataIndex: 'opinion' },
        ]}
      />
    </Card>
  );
}

/** Every action on the application, in order, with who took it. */
export function TimelinePanel({ app }: { app: ApplicationDetail }) {
  return (
    <Card title={ta.timeline.title} size="small">
      <Timeline
        data-testid="timeline"
        items={app.events.map((e) => ({
          key: e.id,
          content: (
            <>
              <Typography.Text strong>{e.actionLabel}</Typography.Text>
              <Typography.Text type="secondary">{`\u3000${formatDateTime(e.at)} · ${e.actorName}${e.departmentName ? `（${e.departmentName}）` : ''}`}</Typography.Text>
              {e.note && <div>{e.note}</div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
