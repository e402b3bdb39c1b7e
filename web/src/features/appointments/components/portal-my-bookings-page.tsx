import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Popconfirm, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { describeError, useShowError } from '../../../components/use-show-error.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import { meQuery } from '../../auth/queries.ts';
import { lookupOnPortal, type AppointmentDto } from '../api.ts';
import { appointmentKeys, useCancelOnPortal, useMine, useRescheduleOnPortal } from '../queries.ts';
import { BookingCard } from './booking-card.tsx';
import { forgetBooking, rememberBooking, rememberedBookings, type Remembered } from './remembered.ts';
import { RescheduleModal } from './reschedule-modal.tsx';

/**
 * "My appointments" (/portal/appointments/mine): an enterprise's own bookings when signed in; for
 * anyone, a booking found by its code and phone number, and the bookings remembered on this device.
 * Each can be cancelled or rescheduled until the cut-off.
 */
export function PortalMyBookingsPage() {
  const me = useQuery(meQuery);
  const isEnterprise = me.data?.type === 'enterprise';
  const mine = useMine(isEnterprise);
  const [remembered, setRemembered] = useState<Remembered[]>(rememberedBookings);
  const onDevice = useQueries({
    queries: remembered.map((r) => ({
      queryKey: [...appointmentKeys.all, 'lookup', r.code],
      queryFn: () => lookupOnPortal({ code: r.code, phone: r.phone }),
      retry: false,
    })),
  });
  const phoneOf = (code: string) => remembered.find((r) => r.code === code)?.phone;
  const forget = (code: string) => {
    forgetBooking(code);
    setRemembered(rememberedBookings());
  };

  return (
    <Flex vertical gap={24} data-testid="portal-mine">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {ty.portal.mineTitle}
        </Typography.Title>
        <Link to="/portal/appointments">
          <Button type="primary">{ty.portal.bookTitle}</Button>
        </Link>
      </Flex>
      <Lookup
        onFound={(r) => {
          rememberBooking(r);
          setRemembered(rememberedBookings());
        }}
      />
      {isEnterprise && (
        <section>
          <Typography.Title level={4}>{ty.portal.enterpriseList}</Typography.Title>
          {mine.isPending ? <Spin /> : mine.isError ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : <BookingList bookings={mine.data} />}
        </section>
      )}
      <section>
        <Typography.Title level={4}>{ty.portal.onDevice}</Typography.Title>
        <Typography.Paragraph type="secondary">{ty.portal.onDeviceHint}</Typography.Paragraph>
        {remembered.length === 0 ? (
          <Empty description={ty.portal.empty} />
        ) : (
          <Flex vertical gap={16}>
            {onDevice.map((q, i) => {
              const r = remembered[i]!;
              if (q.isPending) return <Spin key={r.code} />;
              if (q.isError)
                return (
                  <Alert
                    key={r.code}
                    type="warning"
                    showIcon
                    title={`${r.code}：${describeError(q.error)}`}
                    action={
                      <Button size="small" onClick={() => forget(r.code)}>
                        {ty.portal.forget}
                      </Button>
                    }
                  />
                );
              return <Booking key={r.code} booking={q.data} phone={phoneOf(r.code)} onForget={() => forget(r.code)} />;
            })}
          </Flex>
        )}
      </section>
    </Flex>
  );
}

function BookingList({ bookings }: { bookings: AppointmentDto[] }) {
  if (bookings.length === 0) return <Empty description={ty.portal.empty} />;
  return (
    <Flex vertical gap={16}>
      {bookings.map((b) => (
        <Booking key={b.id} booking={b} />
      ))}
    </Flex>
  );
}

/** A booking with its cancel and reschedule buttons (while it may still be changed online). */
function Booking({ booking, phone, onForget }: { booking: AppointmentDto; phone?: string; onForget?: () => void }) {
  const { message } = App.useApp();
  const showError = useShowError();
  const cancel = useCancelOnPortal();
  const reschedule = useRescheduleOnPortal();
  const [isMoving, setMoving] = useState(false);
  const canChange = booking.canChange;
  return (
    <>
      <BookingCard
        booking={booking}
        actions={
          <>
            {canChange && (
              <Button data-testid="booking-reschedule" onClick={() => setMoving(true)}>
                {ty.common.reschedule}
              </Button>
            )}
            {canChange && (
              <Popconfirm
                title={ty.common.confirmCancel}
                onConfirm={() =>
                  cancel.mutate({ code: booking.code, phone }, { onSuccess: () => void message.success(ty.common.cancelled), onError: showError })
                }
              >
                <Button danger data-testid="booking-cancel" loading={cancel.isPending}>
                  {ty.common.cancel}
                </Button>
              </Popconfirm>
            )}
            {onForget && <Button onClick={onForget}>{ty.portal.forget}</Button>}
          </>
        }
      />
      {isMoving && (
        <RescheduleModal
          booking={booking}
          onClose={() => setMoving(false)}
          onSave={async (slot) => {
            await reschedule.mutateAsync({ code: booking.code, date: slot.date, start: slot.start, phone });
            void message.success(ty.common.rescheduled);
          }}
        />
      )}
    </>
  );
}

function Lookup({ onFound }: { onFound: (r: Remembered) => void }) {
  const [form] = Form.useForm<{ code: string; phone: string }>();
  const [error, setError] = useState<string | null>(null);
  const [isLooking, setLooking] = useState(false);
  const submit = async ({ code, phone }: { code: string; phone: string }) => {
    setError(null);
    setLooking(true);
    try {
      const found = await lookupOnPortal({ code: code.trim().toUpperCase(), phone: phone.trim() });
      onFound({ code: found.code, phone: phone.trim() });
      form.resetFields();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLooking(false);
    }
  };
  return (
    <Card title={ty.portal.lookupTitle} size="small">
      <Typography.Paragraph type="secondary">{ty.portal.lookupHint}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => void submit(v)}>
        <Form.Item name="code" rules={[{ required: true, message: ty.common.required }]}>
          <Input placeholder={ty.common.code} maxLength={8} style={{ width: 160, textTransform: 'uppercase' }} data-testid="lookup-code" />
        </Form.Item>
        <Form.Item name="phone" rules={[{ required: true, message: ty.common.required }]}>
          <Input placeholder={ty.common.phone} inputMode="tel" maxLength={13} style={{ width: 180 }} data-testid="lookup-phone" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isLooking} data-testid="lookup-submit">
          {ty.portal.lookup}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}
