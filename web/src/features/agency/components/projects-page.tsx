import { Button, Card, DatePicker, Empty, Flex, Form, Input, Progress, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Dayjs } from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { toIsoDate } from '../../../lib/time.ts';
import { tag } from '../../../locales/agency.zh-CN.ts';
import { addMilestone, completeMilestone, type ProjectDto } from '../api.ts';
import { useAgencyChange, useProjects } from '../queries.ts';
import { ProjectCreateModal } from './project-create-modal.tsx';

type Milestone = ProjectDto['milestones'][number];

/** 重点项目: each project's items, agent team, milestones and progress; the team marks milestones done, the manager adds them. */
export function AgencyProjectsPage() {
  const { can } = useAuth();
  const projects = useProjects();
  const [isCreating, setCreating] = useState(false);
  if (projects.isError) return <QueryError error={projects.error} onRetry={() => void projects.refetch()} />;
  if (!projects.data) return <Skeleton active />;
  return (
    <Card
      title={tag.projects.title}
      extra={
        can('agency.manage') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="agency-project-create">
            {tag.projects.create}
          </Button>
        )
      }
    >
      {projects.data.items.length === 0 ? <Empty description={tag.projects.empty} /> : (
        <Flex vertical gap="middle">
          {projects.data.items.map((p) => (
            <ProjectCard key={p.id} project={p} />
          ))}
        </Flex>
      )}
      {isCreating && <ProjectCreateModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

function ProjectCard({ project: p }: { project: ProjectDto }) {
  const { can } = useAuth();
  const t = tag.projects;
  const [isAdding, setAdding] = useState(false);
  const showError = useShowError();
  const done = useAgencyChange((m: Milestone) => completeMilestone(p.id, m.id, p.version));
  const add = useAgencyChange((v: { title: string; dueOn: Dayjs }) => addMilestone(p.id, { version: p.version, title: v.title, dueOn: toIsoDate(v.dueOn) }));
  return (
    <Card size="small" data-testid="agency-project" data-name={p.name}>
      <Flex vertical gap="small" style={{ width: '100%' }}>
        <Flex justify="space-between" wrap gap="small">
          <Typography.Title level={5} style={{ margin: 0 }}>{p.name}</Typography.Title>
          <Progress percent={p.progress} style={{ maxWidth: 240 }} aria-label={t.progress} />
        </Flex>
        <Typography.Text type="secondary">{`${t.enterprise}：${p.enterpriseName}`}</Typography.Text>
        {p.description && <Typography.Paragraph style={{ margin: 0 }}>{p.description}</Typography.Paragraph>}
        <Space wrap>
          <Typography.Text>{t.items}：</Typography.Text>
          {p.items.map((i) => <Tag key={i.itemId}>{i.name}</Tag>)}
        </Space>
        <Space wrap>
          <Typography.Text>{t.team}：</Typography.Text>
          {p.team.map((m) => <Tag key={m.staffId} color={m.isLead ? 'blue' : undefined}>{m.isLead ? `${m.name}（${t.lead}）` : m.name}</Tag>)}
        </Space>
        <Table<Milestone>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.milestones}
          columns={[
            { title: t.milestones, dataIndex: 'title' },
            { title: t.dueOn, dataIndex: 'dueOn', render: (d: string, m) => <Space>{d}{m.isOverdue && <Tag color="red">{t.overdue}</Tag>}</Space> },
            {
              title: t.doneOn,
              dataIndex: 'doneOn',
              render: (d: string | null, m) =>
                d ? `${d} · ${m.doneBy}` : (
                  <Button size="small" loading={done.isPending} onClick={() => done.mutate(m, { onError: showError })} data-testid="agency-milestone-done">
                    {t.done}
                  </Button>
                ),
            },
          ]}
        />
        <Table<ProjectDto['requests'][number]>
          rowKey="id"
          size="small"
          pagination={false}
          locale={{ emptyText: t.noRequests }}
          dataSource={p.requests}
          onRow={() => ({ 'data-testid': 'agency-project-request' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t.requests, dataIndex: 'number', render: (n: string, r) => <Link to={`/agency/${r.id}`}>{n}</Link> },
            { title: tag.list.columns.item, key: 'item', render: (_: unknown, r) => r.itemName || r.matter },
            { title: tag.list.columns.agent, dataIndex: 'agentName' },
            { title: tag.list.columns.state, dataIndex: 'stateLabel' },
          ]}
        />
        {can('agency.manage') && (
          <div>
            <Button size="small" onClick={() => setAdding(true)}>{t.addMilestone}</Button>
          </div>
        )}
      </Flex>
      {isAdding && (
        <FormModal<{ title: string; dueOn: Dayjs }> title={t.addMilestone} onClose={() => setAdding(false)} onSubmit={(v) => add.mutateAsync(v)}>
          <Form.Item name="title" label={t.milestoneTitle} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="dueOn" label={t.dueOn} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
