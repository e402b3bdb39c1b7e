import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../components/form-modal.tsx';
import { nowInShanghai, toIsoDate } from '../../../lib/time.ts';
import { tbr } from '../../../locales/briefings.zh-CN.ts';
import { usePublicPolicies } from '../../policies/queries.ts';
import type { EventDetail, EventInput } from '../api.ts';
import { useCreateEvent, useRooms, useUpdateEvent } from '../queries.ts';

type Values = Omit<EventInput, 'date' | 'registrationClosesOn' | 'speakers'> & { date: Dayjs; registrationClosesOn: Dayjs; speakers?: string };

const HHMM = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:mm' };

/** 新建活动 / 修改活动: kind, topic, speakers, the day and times (Beijing time), a room of the briefing zone or a live link, capacity, the registration deadline. */
export function EventFormModal({ event, onClose }: { event?: EventDetail; onClose: () => void }) {
  const rooms = useRooms();
  const policies = usePublicPolicies();
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const submit = (v: Values) => {
    const input: EventInput = {
      ...v,
      date: toIsoDate(v.date),
      registrationClosesOn: toIsoDate(v.registrationClosesOn),
      speakers: (v.speakers ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
      zoneId: v.zoneId ?? null,
      liveUrl: v.liveUrl?.trim() ?? '',
    };
    return event ? update.mutateAsync({ id: event.id, input: { ...input, version: event.version } }) : create.mutateAsync(input);
  };
  const start = nowInShanghai().add(7, 'day');
  const initial: Partial<Values> = event
    ? { ...event, date: dayjs(event.date), registrationClosesOn: dayjs(event.registrationClosesOn), speakers: event.speakers.join('\n'), zoneId: event.zoneId, policyIds: event.policies.map((p) => p.id) }
    : { policyIds: [], kind: 'policy_briefing', date: start, registrationClosesOn: start.subtract(1, 'day'), startTime: '09:30', endTime: '11:30', capacity: 50, zoneId: rooms.data?.[0]?.id ?? null, description: '', liveUrl: '' };
  return (
    <FormModal<Values> title={event ? tbr.form.edit : tbr.form.create} onSubmit={submit} onClose={onClose} initialValues={initial} width={640}>
      <Form.Item name="kind" label={tbr.fields.kind} rules={[{ required: true }]}>
        <Select options={Object.entries(tbr.kinds).map(([value, label]) => ({ value, label }))} data-testid="event-kind" />
      </Form.Item>
      <Form.Item name="topic" label={tbr.fields.topic} rules={[{ required: true, whitespace: true, message: tbr.fields.topic }]}>
        <Input maxLength={200} data-testid="event-topic" />
      </Form.Item>
      <Form.Item name="description" label={tbr.fields.description}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="speakers" label={tbr.fields.speakers} extra={tbr.fields.speakersHint}>
        <Input.TextArea rows={2} data-testid="event-speakers" />
      </Form.Item>
      <Form.Item name="date" label={tbr.fields.date} rules={[{ required: true, message: tbr.fields.date }]}>
        <DatePicker data-testid="event-date" />
      </Form.Item>
      <Form.Item name="startTime" label={tbr.fields.startTime} rules={[{ required: true, message: tbr.fields.startTime }, HHMM]}>
        <Input style={{ width: 120 }} placeholder="09:30" data-testid="event-start" />
      </Form.Item>
      <Form.Item name="endTime" label={tbr.fields.endTime} rules={[{ required: true, message: tbr.fields.endTime }, HHMM]}>
        <Input style={{ width: 120 }} placeholder="11:30" data-testid="event-end" />
      </Form.Item>
      <Form.Item name="zoneId" label={tbr.fields.room} extra={tbr.form.placeRule}>
        <Select allowClear options={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.floor ? `${r.name}（${r.floor}）` : r.name }))} data-testid="event-room" />
      </Form.Item>
      <Form.Item name="liveUrl" label={tbr.fields.liveUrl}>
        <Input maxLength={300} placeholder="https://" data-testid="event-live-url" />
      </Form.Item>
      <Form.Item name="policyIds" label={tbr.fields.policies}>
        <Select mode="multiple" maxCount={10} showSearch={{ optionFilterProp: 'label' }} options={(policies.data ?? []).map((p) => ({ value: p.id, label: p.title }))} data-testid="event-policies" />
      </Form.Item>
      <Form.Item name="capacity" label={tbr.fields.capacity} rules={[{ required: true, message: tbr.fields.capacity }]}>
        <InputNumber min={1} max={10000} precision={0} data-testid="event-capacity" />
      </Form.Item>
      <Form.Item name="registrationClosesOn" label={tbr.fields.registrationClosesOn} rules={[{ required: true, message: tbr.fields.registrationClosesOn }]}>
        <DatePicker data-testid="event-closes" />
      </Form.Item>
    </FormModal>
  );
}
