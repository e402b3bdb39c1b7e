import { Card, Descriptions, Flex, QRCode, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../../lib/time.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import type { AppointmentDto } from '../api.ts';

/** One booking as the applicant keeps it: the code and its QR code (what the kiosk scans), the slot, the check-in window. */
export function BookingCard({ booking, actions }: { booking: AppointmentDto; actions?: ReactNode }) {
  const isLive = booking.state === 'booked';
  return (
    <Card data-testid={`booking-${booking.code}`} title={booking.itemName} extra={<Tag color={ty.stateColors[booking.state]}>{ty.states[booking.state]}</Tag>}>
      <Flex gap={24} wrap align="flex-start">
        {isLive && (
          <Flex vertical align="center" gap={4}>
            <QRCode value={booking.code} size={148} data-testid="booking-qr" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ty.portal.showCode}
            </Typography.Text>
          </Flex>
        )}
        <Descriptions column={1} size="small" style={{ minWidth: 280, flex: 1 }}>
          <Descriptions.Item label={ty.common.code}>
            <Typography.Text strong copyable style={{ fontSize: 22, letterSpacing: 2 }} data-testid="booking-code">
              {booking.code}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={ty.common.date}>{formatDate(booking.date)}</Descriptions.Item>
          <Descriptions.Item label={ty.common.time}>
            {booking.start}–{booking.end}
          </Descriptions.Item>
          <Descriptions.Item label={ty.common.queue}>{`${booking.centerName} · ${booking.queueName}`}</Descriptions.Item>
          <Descriptions.Item label={ty.common.phone}>{booking.phone}</Descriptions.Item>
          {booking.uscc && <Descriptions.Item label={ty.common.uscc}>{booking.uscc}</Descriptions.Item>}
          {isLive && <Descriptions.Item label={ty.kiosk.title}>{ty.common.checkInWindow(booking.checkInFrom, booking.checkInUntil)}</Descriptions.Item>}
          {isLive && <Descriptions.Item label={ty.common.reschedule}>{booking.canChange ? ty.common.changeUntil(formatDateTime(booking.changeUntil).slice(0, 16)) : ty.common.noChange}</Descriptions.Item>}
        </Descriptions>
      </Flex>
      {actions && <Flex gap={8} style={{ marginTop: 12 }}>{actions}</Flex>}
    </Card>
  );
}
