import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { toIsoDate } from '../../../lib/time.ts';

export type Period = { from: string; to: string };

/** The last three months by default. */
export const defaultPeriod = (today: string): Period => ({ from: dayjs(today).subtract(3, 'month').format('YYYY-MM-DD'), to: today });

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  return (
    <DatePicker.RangePicker
      allowClear={false}
      value={[dayjs(value.from), dayjs(value.to)]}
      onChange={(v) => v?.[0] && v[1] && onChange({ from: toIsoDate(v[0]), to: toIsoDate(v[1]) })}
    />
  );
}
