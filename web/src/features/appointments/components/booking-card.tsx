import { Card, Descriptions, Flex, QRCode, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../../lib/time.ts';
import { ta } from '../../../locales/appointments.zh-CN.ts';
import type { AppointmentDto } from '../api.ts';

/** One booking as the applicant keeps it: the code and its QR code (what the kiosk scans), the slot, the check-in window. */
export function BookingCard({ booking, actions }: { booking: AppointmentDto; actions?: ReactNode }) {
  const isLive = booking.state === 'booked';
  return (
    <Card data-testid={`booking-${booking.code}`} title={booking.itemName} extra={<Tag color={ta.stateColors[booking.state]}>{ta.states[booking.state]}</Tag>}>
      <Flex gap={24} wrap align="flex-start">
        {isLive && (
          <Flex vertical align="center" gap={4}>
            <QRCode value={booking.code} size={148} data-testid="booking-qr" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ta.portal.showCode}
            </Typography.Text>
          </Flex>
        )}
        <Descriptions column={1} size="small" style={{ minWidth: 280, flex: 1 }}>
          <Descriptions.Item label={ta.common.code}>
            <Typography.Text strong copyable style={{ fontSize: 22, letterSpacing: 2 }} data-testid="booking-code">
              {booking.code}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={ta.common.date}>{formatDate(booking.date)}</Descriptions.Item>
          <Descriptions.Item label={ta.common.time}>
            {booking.start}–{booking.end}
          </Descriptions.Item>
          <Descriptions.Item label={ta.common.queue}>{`${booking.centerName} · ${booking.queueName}`}</Descriptions.Item>
          <Descriptions.Item label={ta.common.phone}>{booking.phone}</Descriptions.Item>
          {booking.uscc && <Descriptions.Item label={ta.common.uscc}>{booking.uscc}</Descriptions.Item>}
          {isLive && <Descriptions.Item label={ta.kiosk.title}>{ta.common.checkInWindow(booking.checkInFrom, booking.checkInUntil)}</Descriptions.Item>}
          {isLive && <Descriptions.Item label={ta.common.reschedule}>{booking.canChange ? ta.common.changeUntil(formatDateTime(booking.changeUntil).slice(0, 16)) : ta.common.noChange}</Descriptions.Item>}
        </Descriptions>
      </Flex>
      {actions && <Flex gap={8} style={{ marginTop: 12 }}>{actions}</Flex>}
    </Card>
  );
}
