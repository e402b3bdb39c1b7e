import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../components/use-show-error.ts';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import type { AppointmentDto } from '../api.ts';
import { useBookableItems, useBookForApplicant } from '../queries.ts';
import { BookingCard } from './booking-card.tsx';
import { SlotPicker, type SlotChoice } from './slot-picker.tsx';

type Values = { itemId: string; channel: 'desk' | 'phone'; kind: 'person' | 'enterprise'; uscc?: string; phone: string };

/** The guidance desk or phone entry books on someone's behalf; the confirmation SMS goes to the phone given. */
export function DeskBookingModal({ centerId, onClose }: { centerId: string; onClose: () => void }) {
  const items = useBookableItems(centerId);
  const [form] = Form.useForm<Values>();
  const itemId = Form.useWatch('itemId', form);
  const kind = Form.useWatch('kind', form);
  const [slot, setSlot] = useState<SlotChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [booked, setBooked] = useState<AppointmentDto | null>(null);
  const book = useBookForApplicant();

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (!slot) return setError(ty.picker.chooseTime);
    setError(null);
    try {
      setBooked(
        await book.mutateAsync({
          centerId,
          itemId: v.itemId,
          date: slot.date,
          start: slot.start,
          phone: v.phone.trim(),
          uscc: v.kind === 'enterprise' ? (v.uscc?.trim().toUpperCase() ?? null) : null,
          channel: v.channel,
        }),
      );
    } catch (e) {
      applyFieldErrors(form, e);
      setError(describeError(e));
    }
  };

  return (
    <Modal
      open
      width={900}
      title={ty.staff.book}
      onCancel={onClose}
      onOk={booked ? onClose : () => void submit()}
      okText={booked ? undefined : ty.portal.submit}
      okButtonProps={{ loading: book.isPending, id: 'desk-book-submit' }}
      cancelButtonProps={{ style: booked ? { display: 'none' } : undefined }}
    >
      {booked ? (
        <>
          <Alert type="success" showIcon title={ty.staff.bookedOk(booked.code)} style={{ marginBottom: 16 }} />
          <BookingCard booking={booked} />
        </>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ channel: 'desk', kind: 'person' }}>
          <Form.Item name="channel" label={ty.staff.channel}>
            <Radio.Group optionType="button" options={[{ value: 'desk', label: ty.channels.desk }, { value: 'phone', label: ty.channels.phone }]} />
          </Form.Item>
          <Form.Item name="itemId" label={ty.common.item} rules={[{ required: true, message: ty.common.required }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={items.isPending}
              options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.code}）` }))}
              onChange={() => setSlot(null)}
              data-testid="desk-book-item"
            />
          </Form.Item>
          {itemId && (
            <Form.Item label={ty.common.time} required>
              <SlotPicker key={itemId} itemId={itemId} centerId={centerId} value={slot} onChange={setSlot} />
            </Form.Item>
          )}
          <Form.Item name="kind" label={ty.staff.applicantKind}>
            <Radio.Group options={[{ value: 'person', label: ty.common.person }, { value: 'enterprise', label: ty.common.enterprise }]} />
          </Form.Item>
          {kind === 'enterprise' && (
            <Form.Item name="uscc" label={ty.common.uscc} rules={[{ required: true, message: ty.common.required }]}>
              <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          )}
          <Form.Item name="phone" label={ty.common.phone} extra={ty.portal.phoneHelp} rules={[{ required: true, message: ty.common.required }]}>
            <Input inputMode="tel" maxLength={13} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      )}
    </Modal>
  );
}
