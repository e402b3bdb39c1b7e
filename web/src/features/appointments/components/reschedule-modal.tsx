import { Alert, Modal } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../components/use-show-error.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import type { AppointmentDto } from '../api.ts';
import { SlotPicker, type SlotChoice } from './slot-picker.tsx';

/** Another slot for a booking; `onSave` does the change (the applicant's or staff's way). */
export function RescheduleModal({ booking, onClose, onSave }: { booking: AppointmentDto; onClose: () => void; onSave: (slot: SlotChoice) => Promise<unknown> }) {
  const [slot, setSlot] = useState<SlotChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const save = async () => {
    if (!slot) return;
    setSaving(true);
    setError(null);
    try {
      await onSave(slot);
      onClose();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`${ty.common.reschedule} · ${booking.itemName}`} width={860} onCancel={onClose} onOk={() => void save()} okButtonProps={{ disabled: !slot, loading: isSaving }}>
      <SlotPicker itemId={booking.itemId} centerId={booking.centerId} value={slot} onChange={setSlot} />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
