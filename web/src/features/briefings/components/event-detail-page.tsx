import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, List, Popconfirm, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tbr } from '../../../locales/briefings.zh-CN.ts';
import { staffMaterialUrl, type EventDetail, type StaffRegistration } from '../api.ts';
import { useChangeStatus, useEvent, useRegistrations, useUploadMaterial } from '../queries.ts';
import { EventStatusTag } from './briefings-page.tsx';
import { EventFormModal } from './event-form-modal.tsx';

/** One event: what it is, its status and actions, its figures, its materials and the registrations with attendance and feedback. */
export function EventDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const isOrganiser = can('briefing.manage');
  const event = useEvent(id);
  const registrations = useRegistrations(id, isOrganiser);
  const change = useChangeStatus();
  const upload = useUploadMaterial();
  const { message } = App.useApp();
  const showError = useShowError();
  const [isEditing, setEditing] = useState(false);
  if (event.isError) return <QueryError error={event.error} onRetry={() => void event.refetch()} />;
  const e = event.data;
  if (!e) return <Card loading />;
  const act = (action: 'publish' | 'cancel' | 'hold') =>
    change.mutateAsync({ id, action, version: e.version }).then(() => message.success(tbr.actions.done), showError);
  const send = (file: File) => upload.mutateAsync({ id, file }).then(() => message.success(tbr.materials.uploaded), showError);
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            {e.topic}
            <EventStatusTag status={e.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {e.status === 'published' && (
              <Link to={`/briefings/${id}/check-in`} data-testid="to-check-in">
                <Button>{tbr.list.checkIn}</Button>
              </Link>
            )}
            {isOrganiser && <Actions event={e} onEdit={() => setEditing(true)} onAct={act} />}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={tbr.fields.kind}>{tbr.kinds[e.kind]}</Descriptions.Item>
          <Descriptions.Item label={tbr.fields.time}>{tbr.timeRange(e.date, e.startTime, e.endTime)}</Descriptions.Item>
          <Descriptions.Item label={tbr.fields.place}>{e.roomName ?? tbr.online}</Descriptions.Item>
          <Descriptions.Item label={tbr.fields.liveUrl}>{e.liveUrl || tbr.none}</Descriptions.Item>
          <Descriptions.Item label={tbr.fields.speakers}>{e.speakers.join('、') || tbr.none}</Descriptions.Item>
          <Descriptions.Item label={tbr.fields.registrationClosesOn}>{e.registrationClosesOn}</Descriptions.Item>
          <Descriptions.Item label={tbr.fields.policies}>{e.policies.map((p) => p.title).join('、') || tbr.none}</Descriptions.Item>
          <Descriptions.Item label={tbr.fields.createdBy}>{e.createdByName}</Descriptions.Item>
          <Descriptions.Item label={tbr.fields.description} span={2}>{e.description || tbr.none}</Descriptions.Item>
        </Descriptions>
        <Flex wrap gap={32} style={{ marginTop: 16 }} data-testid="event-figures">
          <Statistic title={tbr.fields.registered} value={`${e.figures.registered} / ${e.capacity}`} />
          <Statistic title={tbr.fields.attended} value={e.figures.attended} data-testid="event-attended" />
          <Statistic title={tbr.fields.attendanceRate} value={tbr.rate(e.figures.attendanceRate)} />
          <Statistic title={tbr.fields.satisfaction} value={tbr.score(e.figures.satisfaction)} />
          <Statistic title={tbr.fields.feedbackCount} value={e.figures.feedbackCount} />
        </Flex>
      </Card>
      <Card
        title={tbr.materials.title}
        extra={
          isOrganiser &&
          (e.status === 'published' || e.status === 'held') && (
            <Upload showUploadList={false} beforeUpload={(file) => (void send(file), false)} accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png">
              <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="upload-material">
                {tbr.materials.upload}
              </Button>
            </Upload>
          )
        }
      >
        <Typography.Paragraph type="secondary">{tbr.materials.hint}</Typography.Paragraph>
        <List
          size="small"
          dataSource={e.materials}
          locale={{ emptyText: tbr.materials.empty }}
          renderItem={(m) => (
            <List.Item data-testid="material">
              <a href={staffMaterialUrl(id, m.fileId)}>{m.filename}</a>
            </List.Item>
          )}
        />
      </Card>
      {isOrganiser && (
        <Card title={tbr.registrations.title}>
          {registrations.isError ? <QueryError error={registrations.error} onRetry={() => void registrations.refetch()} /> : <Registrations rows={registrations.data} loading={registrations.isFetching} />}
        </Card>
      )}
      {isEditing && <EventFormModal event={e} onClose={() => setEditing(false)} />}
    </Flex>
  );
}

function Actions({ event, onEdit, onAct }: { event: EventDetail; onEdit: () => void; onAct: (action: 'publish' | 'cancel' | 'hold') => void }) {
  return (
    <>
      {event.actions.includes('edit') && <Button onClick={onEdit} data-testid="edit-event">{tbr.actions.edit}</Button>}
      {event.actions.includes('publish') && (
        <Button type="primary" onClick={() => onAct('publish')} data-testid="publish-event">
          {tbr.actions.publish}
        </Button>
      )}
      {event.actions.includes('hold') && event.hasEnded && <Button onClick={() => onAct('hold')} data-testid="hold-event">{tbr.actions.hold}</Button>}
      {event.actions.includes('cancel') && (
        <Popconfirm title={tbr.actions.confirmCancel} onConfirm={() => onAct('cancel')}>
          <Button danger data-testid="cancel-event">{tbr.actions.cancel}</Button>
        </Popconfirm>
      )}
    </>
  );
}

function Registrations({ rows, loading }: { rows: StaffRegistration[] | undefined; loading: boolean }) {
  return (
    <Table<StaffRegistration>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      locale={{ emptyText: tbr.registrations.empty }}
      data-testid="registrations"
      scroll={{ x: true }}
      columns={[
        { title: tbr.registrations.enterprise, render: (_, r) => <Space>{r.enterpriseName}{r.cancelledAt && <Tag>{tbr.registrations.cancelled}</Tag>}</Space> },
        { title: tbr.registrations.uscc, dataIndex: 'uscc' },
        {
          title: tbr.registrations.attendees,
          render: (_, r) => (
            <Flex vertical>
              {r.attendees.map((a) => (
                <span key={a.id} data-testid="attendee">
                  {a.name} {a.phoneMasked} <Tag color={a.checkedInAt ? 'green' : 'default'}>{a.checkedInAt ? tbr.registrations.checkedIn : tbr.registrations.notCheckedIn}</Tag>
                </span>
              ))}
            </Flex>
          ),
        },
        { title: tbr.registrations.registeredAt, render: (_, r) => formatDateTime(r.registeredAt).slice(0, 16) },
        { title: tbr.registrations.feedback, render: (_, r) => (r.feedback ? `${tbr.score(r.feedback.satisfaction)} ${r.feedback.comment}` : tbr.none) },
      ]}
    />
  );
}
