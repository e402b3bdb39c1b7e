import { App, Button, Card, DatePicker, Empty, Flex, Input, Popconfirm, Radio, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { nowInShanghai, toIsoDate } from '../../../lib/time.ts';
import { APPOINTMENT_STATES } from '@server/modules/appointments/contract.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import { lookupAppointments, type AppointmentDto } from '../api.ts';
import { useCancelForApplicant, useCheckInAtDesk, useDayView, useRescheduleForApplicant } from '../queries.ts';
import { AppointmentDetailModal } from './detail-modal.tsx';
import { DeskBookingModal } from './desk-booking-modal.tsx';
import { RescheduleModal } from './reschedule-modal.tsx';

/** Staff: a day's bookings per queue with check-in status and no-shows (today and the next working day first), lookup, booking on someone's behalf. */
export function AppointmentDayPage() {
  const { me, can } = useAuth();
  const centerId = me.centerId!;
  const [which, setWhich] = useState<'today' | 'next' | 'other'>('today');
  const [other, setOther] = useState<string>(toIsoDate(nowInShanghai().add(1, 'day')));
  const today = useDayView(centerId, undefined);
  const date = which === 'today' ? undefined : which === 'next' ? today.data?.nextWorkingDay : other;
  const view = useDayView(centerId, date);
  const [isBooking, setBooking] = useState(false);
  const [found, setFound] = useState<AppointmentDto[] | null>(null);
  const showError = useShowError();

  const search = async (text: string) => {
    const q = text.trim();
    if (!q) return setFound(null);
    const by = /^[A-HJ-NP-Z2-9]{8}$/i.test(q) ? { code: q.toUpperCase() } : /^[0-9A-Z]{18}$/i.test(q) ? { uscc: q.toUpperCase() } : { phone: q };
    try {
      setFound(await lookupAppointments(centerId, by));
    } catch (e) {
      showError(e);
    }
  };

  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  return (
    <Flex vertical gap={16} data-testid="appointments-day">
      <Flex justify="space-between" wrap gap={12}>
        <Space wrap>
          <Radio.Group value={which} onChange={(e) => setWhich(e.target.value)} optionType="button">
            <Radio.Button value="today">{ty.staff.today}</Radio.Button>
            <Radio.Button value="next">
              {ty.staff.tomorrow}
            </Radio.Button>
            <Radio.Button value="other">{ty.staff.pickDate}</Radio.Button>
          </Radio.Group>
          {which === 'other' && <DatePicker allowClear={false} value={dayjs(other)} onChange={(d) => d && setOther(toIsoDate(d))} />}
        </Space>
        <Space wrap>
          <Input.Search placeholder={ty.staff.lookupPlaceholder} allowClear onSearch={(v) => void search(v)} style={{ width: 320 }} data-testid="appointments-lookup" />
          {can('appointment.book_for') && (
            <Button type="primary" onClick={() => setBooking(true)} data-testid="appointments-book">
              {ty.staff.book}
            </Button>
          )}
        </Space>
      </Flex>
      {found && (
        <Card size="small" title={ty.staff.lookup} extra={<Button type="link" onClick={() => setFound(null)}>×</Button>}>
          <BookingTable rows={found} showDate today={today.data?.date} />
        </Card>
      )}
      {data && (
        <Flex gap={12} wrap>
          <Card size="small">
            <Statistic title={`${data.date}${data.isToday ? `（${ty.staff.today}）` : ''}`} value={APPOINTMENT_STATES.reduce((n, s) => n + data.totals[s], 0)} />
          </Card>
          {APPOINTMENT_STATES.map((s) => (
            <Card key={s} size="small">
              <Statistic title={ty.states[s]} value={data.totals[s]} />
            </Card>
          ))}
        </Flex>
      )}
      {data && data.queues.every((q) => q.appointments.length === 0) && <Empty description={ty.portal.empty} />}
      {data?.queues.filter((q) => q.appointments.length > 0).map((q) => (
        <Card key={q.queueId} size="small" title={q.queueName} extra={<Typography.Text type="secondary">{APPOINTMENT_STATES.filter((s) => q.counts[s] > 0).map((s) => `${ty.states[s]} ${q.counts[s]}`).join(' · ')}</Typography.Text>}>
          <BookingTable rows={q.appointments} today={today.data?.date} />
        </Card>
      ))}
      {isBooking && <DeskBookingModal centerId={centerId} onClose={() => setBooking(false)} />}
    </Flex>
  );
}

/** `today`: check-in is offered only for today's bookings (other days' would be refused). */
function BookingTable({ rows, showDate = false, today }: { rows: AppointmentDto[]; showDate?: boolean; today: string | undefined }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const checkIn = useCheckInAtDesk();
  const cancel = useCancelForApplicant();
  const reschedule = useRescheduleForApplicant();
  const [moving, setMoving] = useState<AppointmentDto | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const mayAct = can('appointment.book_for');
  return (
    <>
      <Table<AppointmentDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: ty.portal.empty }}
        columns={[
          ...(showDate ? [{ title: ty.common.date, dataIndex: 'date' }] : []),
          { title: ty.common.time, render: (_, r) => `${r.start}–${r.end}`, width: 110 },
          { title: ty.common.item, dataIndex: 'itemName' },
          { title: ty.common.applicant, render: (_, r) => r.uscc ?? ty.common.person },
          { title: ty.common.phone, dataIndex: 'phone', width: 120 },
          { title: ty.common.code, dataIndex: 'code', width: 110, render: (c: string, r) => <Typography.Link onClick={() => setDetail(r.id)}>{c}</Typography.Link> },
          { title: ty.common.channel, render: (_, r) => ty.channels[r.channel], width: 100 },
          { title: ty.common.state, render: (_, r) => <Tag color={ty.stateColors[r.state]}>{ty.states[r.state]}</Tag>, width: 110 },
          ...(mayAct
            ? [
                {
                  title: '',
                  width: 230,
                  render: (_: unknown, r: AppointmentDto) =>
                    r.state === 'booked' && (
                      <Space size={4}>
                        {r.date === today && (
                          <Button
                            size="small"
                            type="primary"
                            onClick={() => checkIn.mutate(r.id, { onSuccess: (res) => void message.success(res.message), onError: showError })}
                          >
                            {ty.staff.checkIn}
                          </Button>
                        )}
                        <Button size="small" onClick={() => setMoving(r)}>
                          {ty.common.reschedule}
                        </Button>
                        <Popconfirm title={ty.common.confirmCancel} onConfirm={() => cancel.mutate({ id: r.id, reason: '' }, { onSuccess: () => void message.success(ty.common.cancelled), onError: showError })}>
                          <Button size="small" danger>
                            {ty.common.cancel}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {moving && (
        <RescheduleModal
          booking={moving}
          onClose={() => setMoving(null)}
          onSave={async (slot) => {
            await reschedule.mutateAsync({ id: moving.id, date: slot.date, start: slot.start });
            void message.success(ty.common.rescheduled);
          }}
        />
      )}
      {detail && <AppointmentDetailModal id={detail} onClose={() => setDetail(null)} />}
    </>
  );
}
