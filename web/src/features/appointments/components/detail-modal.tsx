import { Descriptions, Modal, Spin, Tag, Timeline } from 'antd';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDate, formatDateTime } from '../../../lib/time.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import { useAppointment } from '../queries.ts';

const ACTIONS: Record<string, string> = { book: '预约', reschedule: '改约', cancel: '取消', check_in: '签到', arrive_late: '迟到签到（普通号）', mark_no_show: '记为爽约' };
const ACTORS: Record<string, string> = { applicant: '申请人', staff: '工作人员', kiosk: '取号机', system: '系统' };

/** A booking with its history (who did what, when). */
export function AppointmentDetailModal({ id, onClose }: { id: string; onClose: () => void }) {
  const detail = useAppointment(id);
  const d = detail.data;
  return (
    <Modal open title={ty.staff.detail} footer={null} onCancel={onClose} width={720}>
      {detail.isPending ? (
        <Spin />
      ) : detail.isError ? (
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        d && (
          <>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={ty.common.code}>{d.code}</Descriptions.Item>
              <Descriptions.Item label={ty.common.state}>
                <Tag color={ty.stateColors[d.state]}>{ty.states[d.state]}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={ty.common.item}>{d.itemName}</Descriptions.Item>
              <Descriptions.Item label={ty.common.queue}>{d.queueName}</Descriptions.Item>
              <Descriptions.Item label={ty.common.date}>{formatDate(d.date)}</Descriptions.Item>
              <Descriptions.Item label={ty.common.time}>
                {d.start}–{d.end}
              </Descriptions.Item>
              <Descriptions.Item label={ty.common.applicant}>{d.uscc ?? ty.common.person}</Descriptions.Item>
              <Descriptions.Item label={ty.common.phone}>{d.phone}</Descriptions.Item>
              <Descriptions.Item label={ty.common.channel}>{ty.channels[d.channel]}</Descriptions.Item>
              <Descriptions.Item label={ty.kiosk.title}>{ty.common.checkInWindow(d.checkInFrom, d.checkInUntil)}</Descriptions.Item>
            </Descriptions>
            <Timeline
              style={{ marginTop: 24 }}
              items={d.events.map((e) => ({
                content: `${formatDateTime(e.at)} · ${ACTIONS[e.action] ?? e.action} · ${e.staffName ?? ACTORS[e.actor] ?? e.actor}${e.detail && 'ticket' in e.detail ? ` · ${String(e.detail.ticket)}` : ''}`,
              }))}
            />
          </>
        )
      )}
    </Modal>
  );
}
