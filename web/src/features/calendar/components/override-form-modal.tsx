import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarOverrideDto } from '@server/platform/calendar/contract.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { toIsoDate } from '../../../lib/time.ts';
import { optionsOf } from '../../../lib/options.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useSetOverride } from '../queries.ts';

type Values = { date: Dayjs; kind: CalendarOverrideDto['kind']; note: string };

/** Sets a date to 放假 or 上班; setting a date that already has an adjustment replaces it. */
export function OverrideFormModal({ initial, onClose }: { initial: Partial<CalendarOverrideDto>; onClose: () => void }) {
  const set = useSetOverride();
  return (
    <FormModal<Values>
      title={initial.updatedAt ? t.calendar.editOverride : t.calendar.newOverride}
      initialValues={{
        date: initial.date ? dayjs(initial.date) : undefined,
        kind: initial.kind ?? 'holiday',
        note: initial.note ?? '',
      }}
      onSubmit={({ date, ...input }) => set.mutateAsync({ date: toIsoDate(date), ...input })}
      onClose={onClose}
    >
      <Form.Item name="date" label={t.calendar.overrideDate} rules={[{ required: true, message: t.common.required }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="kind" label={t.calendar.overrideKind} rules={[{ required: true, message: t.common.required }]}>
        <Radio.Group options={optionsOf(t.calendar.overrideKinds)} optionType="button" />
      </Form.Item>
      <Form.Item name="note" label={t.calendar.overrideNote}>
        <Input maxLength={200} placeholder={t.calendar.overrideNotePlaceholder} />
      </Form.Item>
    </FormModal>
  );
}
