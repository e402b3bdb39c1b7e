import { Alert, Card, Descriptions, Flex, List, Spin, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { ApplicationSummary } from '@server/modules/applications/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';
import { tag } from '../../../locales/agency.zh-CN.ts';
import { noticeUrl } from '../api.ts';
import { useApplication } from '../queries.ts';
import { DecisionBar } from './decision-bar.tsx';
import { DeliveryPanel } from './delivery-panel.tsx';
import { MaterialsPanel } from './materials-panel.tsx';
import { ApplicationBadges, DueTag, StateTag } from './tags.tsx';
import { TasksPanel, TimelinePanel } from './timeline-panel.tsx';
import { TimeLimitPanel } from '../time-limits/components/time-limit-panel.tsx';

/** One application: facts, decisions, materials, notices to print, review tasks, delivery and the timeline. */
export function ApplicationDetailPage() {
  const { id } = useParams() as { id: string };
  const { can } = useAuth();
  const query = useApplication(id);
  if (query.isPending) return <Spin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const app = query.data;
  const canEditMaterials = can('application.intake') && !app.parentId && app.actions.includes('record_material');
  return (
    <Flex vertical gap="middle" data-testid="application-detail">
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="application-number">{app.number}</span>
            <StateTag state={app.state} label={app.stateLabel} />
            <ApplicationBadges app={app} />
          </Flex>
        }
        extra={app.parentId && <Link to={`/applications/${app.parentId}`}>{ta.badges.bundle}</Link>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={ta.fields.name}>{app.name}</Descriptions.Item>
          <Descriptions.Item label={ta.fields.applicant}>{`${app.applicantName}（${app.uscc}）`}</Descriptions.Item>
          <Descriptions.Item label={ta.fields.department}>{app.departmentName}</Descriptions.Item>
          {app.leadDepartmentName && <Descriptions.Item label={ta.fields.lead}>{app.leadDepartmentName}</Descriptions.Item>}
          <Descriptions.Item label={ta.fields.receivedAt}>{formatDateTime(app.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={ta.fields.firstHandler}>{app.firstHandlerName}</Descriptions.Item>
          <Descriptions.Item label={ta.fields.channel}>{ta.channels[app.channel as keyof typeof ta.channels] ?? app.channel}</Descriptions.Item>
          {app.agentName && <Descriptions.Item label={ta.fields.agent}>{app.agentName}</Descriptions.Item>}
          {app.agencyStaffName && <Descriptions.Item label={tag.applicationAgent}><span data-testid="application-agency-staff">{app.agencyStaffName}</span></Descriptions.Item>}
          {app.phoneMasked && <Descriptions.Item label={ta.fields.phone}>{app.phoneMasked}</Descriptions.Item>}
          <Descriptions.Item label={ta.fields.promisedDays}>{ta.days(app.promisedDays)}</Descriptions.Item>
          {app.state === 'received' && <Descriptions.Item label={ta.fields.noticeDeadline}>{app.noticeDeadline}</Descriptions.Item>}
          <Descriptions.Item label={ta.fields.dueDate}>
            <DueTag due={app.due} dueDate={app.dueDate} />
          </Descriptions.Item>
          {app.pausedDays > 0 && <Descriptions.Item label={ta.fields.pausedDays}>{ta.days(app.pausedDays)}</Descriptions.Item>}
          {app.deferredUntil && <Descriptions.Item label={ta.fields.deferredUntil}>{app.deferredUntil}</Descriptions.Item>}
          {app.decisionOpinion && <Descriptions.Item label={ta.fields.opinion}>{app.decisionOpinion}</Descriptions.Item>}
          {app.licenseId && (
            <Descriptions.Item label={ta.fields.license}>
              <span data-testid="license-issued">{ta.fields.licenseIssued}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
        {app.closedReason && <Alert type="warning" showIcon title={app.closedReason} style={{ marginBottom: 12 }} />}
        <DecisionBar app={app} />
      </Card>
      {app.children.length > 0 && (
        <Card title={ta.children} size="small">
          <Table<ApplicationSummary>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={app.children}
            columns={[
              { title: ta.fields.number, render: (_, c) => <Link to={`/applications/${c.id}`}>{c.number}</Link> },
              { title: ta.fields.name, dataIndex: 'name' },
              { title: ta.fields.department, dataIndex: 'departmentName' },
              { title: ta.fields.state, render: (_, c) => <StateTag state={c.state} label={c.stateLabel} /> },
              { title: ta.fields.dueDate, render: (_, c) => <DueTag due={c.due} dueDate={c.dueDate} /> },
            ]}
          />
        </Card>
      )}
      <MaterialsPanel app={app} canEdit={canEditMaterials} />
      {app.notices.length > 0 && (
        <Card title={ta.notices.title} size="small">
          <List
            size="small"
            dataSource={app.notices}
            data-testid="notices"
            renderItem={(n) => (
              <List.Item
                // the pickup notice prints the code the clerk asks the applicant for: not opened here before hand-over
                actions={
                  n.kind === 'pickup' && app.delivery?.state === 'awaiting_pickup'
                    ? []
                    : [
                        <a key="open" href={noticeUrl(app.id, n.id)} target="_blank" rel="noreferrer" data-testid={`notice-${n.kind}`}>
                          {ta.notices.open}
                        </a>,
                      ]
                }
              >
                <List.Item.Meta title={n.title} description={<Typography.Text type="secondary">{`${n.number} · ${formatDateTime(n.issuedAt)} · ${n.issuedBy}`}</Typography.Text>} />
              </List.Item>
            )}
          />
        </Card>
      )}
      <TimeLimitPanel applicationId={app.id} />
      <TasksPanel app={app} />
      <DeliveryPanel app={app} />
      <TimelinePanel app={app} />
    </Flex>
  );
}
