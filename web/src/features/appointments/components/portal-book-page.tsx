import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Form, Input, Result, Spin, Steps, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { describeError } from '../../../components/use-show-error.ts';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { meQuery } from '../../auth/queries.ts';
import type { AppointmentWithQrDto, BookableItemDto } from '../api.ts';
import { useBookableItems, useBookOnPortal } from '../queries.ts';
import { BookingCard } from './booking-card.tsx';
import { rememberBooking } from './remembered.ts';
import { SlotPicker, type SlotChoice } from './slot-picker.tsx';

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * The portal's booking (/portal/appointments; `?item=<id>` or `?code=<item code>` chooses the item):
 * item → date and slot → phone number → booking code and QR code.
 */
export function PortalBookPage() {
  const [params, setParams] = useSearchParams();
  const items = useBookableItems();
  const me = useQuery(meQuery);
  const code = params.get('code');
  const itemId = params.get('item') ?? (code ? (items.data?.find((i) => i.code === code)?.id ?? null) : null);
  const [slot, setSlot] = useState<SlotChoice | null>(null);
  const [booked, setBooked] = useState<AppointmentWithQrDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ phone: string }>();
  const book = useBookOnPortal();
  const item = items.data?.find((i) => i.id === itemId) ?? null;
  const step = booked ? 3 : !item ? 0 : !slot ? 1 : 2;
  const enterprise = me.data?.type === 'enterprise' ? me.data : null;

  const choose = (id: string | null) => {
    setSlot(null);
    setError(null);
    setParams(id ? { item: id } : {});
  };
  const submit = async ({ phone }: { phone: string }) => {
    if (!item || !slot) return;
    setError(null);
    try {
      const created = await book.mutateAsync({ itemId: item.id, date: slot.date, start: slot.start, phone: phone.trim() });
      rememberBooking({ code: created.code, phone: phone.trim() });
      setBooked(created);
    } catch (e) {
      applyFieldErrors(form, e);
      setError(describeError(e));
    }
  };

  if (items.isPending) return <Spin />;
  if (items.isError) return <QueryError error={items.error} onRetry={() => void items.refetch()} />;
  return (
    <Flex vertical gap={24} data-testid="portal-book">
      <Typography.Title level={3}>{ty.portal.bookTitle}</Typography.Title>
      <Steps current={step} items={[{ title: ty.portal.step1 }, { title: ty.portal.step2 }, { title: ty.portal.step3 }, { title: ty.portal.success }]} />
      {booked ? (
        <Flex vertical gap={16}>
          <Result status="success" title={ty.portal.success} subTitle={ty.portal.successHint} />
          <BookingCard booking={booked} />
          <Flex gap={12} justify="center">
            <Link to="/portal/appointments/mine">
              <Button type="primary">{ty.portal.toMine}</Button>
            </Link>
            <Button
              onClick={() => {
                setBooked(null);
                choose(null);
              }}
            >
              {ty.portal.again}
            </Button>
          </Flex>
        </Flex>
      ) : !item ? (
        <ItemChooser items={items.data} onChoose={(i) => choose(i.id)} />
      ) : (
        <Card
          title={item.name}
          extra={
            <Button type="link" onClick={() => choose(null)}>
              {ty.portal.back}
            </Button>
          }
        >
          <Flex vertical gap={24}>
            <SlotPicker itemId={item.id} value={slot} onChange={setSlot} />
            {slot && (
              <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 480 }}>
                <Alert type="info" showIcon style={{ marginBottom: 16 }} title={enterprise ? ty.portal.asEnterprise(enterprise.name) : ty.portal.asPerson} />
                <Form.Item
                  name="phone"
                  label={ty.common.phone}
                  extra={ty.portal.phoneHelp}
                  rules={[
                    { required: true, message: ty.common.required },
                    { pattern: PHONE, message: ty.common.phoneRule },
                  ]}
                >
                  <Input size="large" inputMode="tel" maxLength={13} data-testid="book-phone" />
                </Form.Item>
                {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="book-error" />}
                <Button type="primary" size="large" htmlType="submit" loading={book.isPending} data-testid="book-submit">
                  {ty.portal.submit}
                </Button>
              </Form>
            )}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}

function ItemChooser({ items, onChoose }: { items: BookableItemDto[]; onChoose: (item: BookableItemDto) => void }) {
  const [q, setQ] = useState('');
  const shown = useMemo(() => items.filter((i) => !q.trim() || i.name.includes(q.trim()) || i.code.includes(q.trim().toUpperCase())), [items, q]);
  return (
    <Flex vertical gap={16}>
      <Input.Search placeholder={ty.portal.search} allowClear value={q} onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 360 }} data-testid="book-search" />
      {shown.length === 0 ? (
        <Empty />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: 12 }}>
          {shown.map((i) => (
            <Card key={i.id} size="small" hoverable onClick={() => onChoose(i)} data-testid={`book-item-${i.code}`}>
              <Flex vertical gap={4}>
                <Typography.Text strong>{i.name}</Typography.Text>
                <Flex gap={4} wrap>
                  <Tag>{tq.themes[i.theme]}</Tag>
                  <Tag color={i.appointmentMode === 'appointment_only' ? 'purple' : 'default'}>
                    {i.appointmentMode === 'appointment_only' ? ty.portal.appointmentOnly : ty.portal.both}
                  </Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {ty.portal.earliest(i.earliestDate, i.earliestStart)}
                </Typography.Text>
              </Flex>
            </Card>
          ))}
        </div>
      )}
    </Flex>
  );
}
