import { Alert, Button, Empty, Flex, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error.tsx';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import { useAvailability } from '../queries.ts';

export type SlotChoice = { date: string; start: string; end: string };

/**
 * The item's bookable days (two weeks from today) and the free slots of the chosen day, with how
 * many places are left. Closed days and full slots cannot be chosen.
 */
export function SlotPicker({ itemId, centerId, value, onChange }: { itemId: string; centerId?: string; value: SlotChoice | null; onChange: (choice: SlotChoice) => void }) {
  const availability = useAvailability(itemId, centerId);
  const [chosenDate, setDate] = useState<string | null>(value?.date ?? null);
  const days = availability.data?.days ?? [];
  // until one is chosen, the first day with a free place
  const date = chosenDate ?? days.find((d) => d.slots.some((s) => s.remaining > 0))?.date ?? null;
  if (availability.isPending) return <Spin />;
  if (availability.isError) return <QueryError error={availability.error} onRetry={() => void availability.refetch()} />;
  const data = availability.data;
  const day = days.find((d) => d.date === date);
  return (
    <Flex vertical gap={16} data-testid="slot-picker">
      <Typography.Text type="secondary">{ty.picker.deadline(data.deadline)}</Typography.Text>
      <div>
        <Typography.Title level={5}>{ty.picker.chooseDate}</Typography.Title>
        <Flex gap={8} wrap>
          {days.map((d) => {
            const free = d.slots.reduce((n, s) => n + s.remaining, 0);
            const label = dayjs(d.date).format('M月D日 ddd');
            return (
              <Button
                key={d.date}
                data-testid={`day-${d.date}`}
                type={d.date === date ? 'primary' : 'default'}
                disabled={free === 0}
                onClick={() => setDate(d.date)}
                style={{ height: 56, minWidth: 96 }}
              >
                <Flex vertical align="center">
                  <span>{label}</span>
                  <span style={{ fontSize: 12 }}>{!d.isWorkingDay ? ty.picker.closed : free === 0 ? ty.picker.none : ty.common.remaining(free)}</span>
                </Flex>
              </Button>
            );
          })}
        </Flex>
      </div>
      {day && (
        <div>
          <Typography.Title level={5}>{ty.picker.chooseTime}</Typography.Title>
          {day.slots.length === 0 ? (
            <Empty description={ty.picker.noSlots} />
          ) : (
            <Flex gap={8} wrap>
              {day.slots.map((s) => {
                const isChosen = value?.date === day.date && value.start === s.start;
                return (
                  <Button
                    key={s.start}
                    data-testid={`slot-${s.start}`}
                    type={isChosen ? 'primary' : 'default'}
                    disabled={s.remaining === 0}
                    onClick={() => onChange({ date: day.date, start: s.start, end: s.end })}
                    style={{ height: 56, minWidth: 120 }}
                  >
                    <Flex vertical align="center">
                      <span>
                        {s.start}–{s.end}
                      </span>
                      <span style={{ fontSize: 12 }}>
                        {s.remaining === 0 ? ty.common.full : ty.common.remaining(s.remaining)}
                        {s.isOverflow && (
                          <Tag color="orange" style={{ marginInlineStart: 4 }}>
                            {ty.common.overflow}
                          </Tag>
                        )}
                      </span>
                    </Flex>
                  </Button>
                );
              })}
            </Flex>
          )}
        </div>
      )}
      {value && <Alert type="info" showIcon title={ty.portal.selectedSlot(dayjs(value.date).format('YYYY年M月D日 dddd'), `${value.start}–${value.end}`)} />}
    </Flex>
  );
}
