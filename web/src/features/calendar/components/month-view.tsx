import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Calendar, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { describeError } from '../../../components/use-show-error.ts';
import { todayInShanghai } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import type { DayInfo } from '../api.ts';
import { useMonth } from '../queries.ts';

type Props = {
  value: Dayjs;
  onChange: (value: Dayjs) => void;
  /** a date was clicked (to adjust it), when the person may */
  onPickDate?: (date: string) => void;
};

const KIND_COLOR: Record<DayInfo['kind'], string | undefined> = {
  workday: undefined,
  weekend: 'default',
  holiday: 'red',
  adjusted_workday: 'blue',
};

/** A month of the working-day calendar: holidays, adjusted working days and weekends, with names. */
export function MonthView({ value, onChange, onPickDate }: Props) {
  const month = useMonth(value.format('YYYY-MM'));
  const byDate = new Map(month.data?.days.map((d) => [d.date, d]));

  return (
    <>
      {month.isError && <Alert type="error" showIcon title={describeError(month.error)} style={{ marginBottom: 8 }} />}
      <Calendar
        value={value}
        onChange={onChange}
        onSelect={(date, { source }) => source === 'date' && onPickDate?.(date.format('YYYY-MM-DD'))}
        headerRender={({ value: shown, onChange: show }) => (
          <Flex justify="space-between" align="center" style={{ padding: '8px 0' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t.calendar.monthTitle(shown.format('YYYY年M月'))}
            </Typography.Title>
            <Space>
              <Button icon={<LeftOutlined />} aria-label={t.calendar.prevMonth} onClick={() => show(shown.subtract(1, 'month'))} />
              <Button onClick={() => show(dayjs(todayInShanghai()))}>{t.calendar.thisMonth}</Button>
              <Button icon={<RightOutlined />} aria-label={t.calendar.nextMonth} onClick={() => show(shown.add(1, 'month'))} />
            </Space>
          </Flex>
        )}
        cellRender={(date, info) => {
          if (info.type !== 'date') return info.originNode;
          const day = byDate.get(date.format('YYYY-MM-DD'));
          return day ? <DayMarks day={day} /> : null;
        }}
      />
    </>
  );
}

function DayMarks({ day }: { day: DayInfo }) {
  const color = KIND_COLOR[day.kind];
  // an administrator's adjustment has no festival name; its note says why
  const label = day.name ?? day.override?.note;
  return (
    <Space orientation="vertical" size={2}>
      {color && (
        <Tooltip title={t.calendar.kindTitles[day.kind]}>
          <Tag color={color}>
            {t.calendar.kinds[day.kind]}
            {label ? ` ${label}` : ''}
          </Tag>
        </Tooltip>
      )}
      {day.override && (
        <Tooltip title={day.override.note || undefined}>
          <Tag color="gold">{t.calendar.overridden}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
