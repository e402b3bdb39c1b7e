import { Alert, App, Button, Card, DatePicker, Flex, Form, InputNumber, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { nowInShanghai, toIsoDate } from '../../../lib/time.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import type { CapacityDayDto } from '../api.ts';
import { useAddCapacityAdjustment, useAppointmentSettings, useBookableItems, useCapacityDay, useDayView, useRemoveCapacityAdjustment, useSaveCapacityRule } from '../queries.ts';

type Pool = CapacityDayDto['pools'][number];
type RuleTarget = { scope: 'queue' | 'item'; scopeId: string; name: string; capacityPerSlot: number | null; overflowPerSlot: number | null; version: number };

/**
 * Capacity of a date: each queue's places per slot (from its counters, or set), items with slots
 * of their own, overflow places, and the date's additions and removals. Managers change them.
 */
export function CapacityPage() {
  const { me, can } = useAuth();
  const centerId = me.centerId!;
  const [date, setDate] = useState(toIsoDate(nowInShanghai()));
  const day = useCapacityDay(centerId, date);
  const settings = useAppointmentSettings(centerId);
  const items = useBookableItems(centerId);
  const nextWorkingDay = useDayView(centerId, undefined).data?.nextWorkingDay;
  const [rule, setRule] = useState<RuleTarget | null>(null);
  const [adjusting, setAdjusting] = useState<Pool | null>(null);
  const [ownItem, setOwnItem] = useState<string | null>(null);
  const mayEdit = can('appointment.capacity');
  const { message } = App.useApp();
  const showError = useShowError();
  const undo = useRemoveCapacityAdjustment();

  if (day.isError) return <QueryError error={day.error} onRetry={() => void day.refetch()} />;
  const data = day.data;
  const perCounter = settings.data?.placesPerCounter ?? 1;
  const withOwnSlots = new Set(data?.pools.filter((p) => p.scope === 'item').map((p) => p.scopeId));
  return (
    <Flex vertical gap={16} data-testid="appointments-capacity">
      <Flex justify="space-between" wrap gap={12}>
        <Space>
          <Typography.Text>{ty.capacity.date}</Typography.Text>
          <DatePicker allowClear={false} value={dayjs(date)} onChange={(d) => d && setDate(toIsoDate(d))} data-testid="capacity-date" />
          {nextWorkingDay && <Button onClick={() => setDate(nextWorkingDay)}>{ty.staff.tomorrow}</Button>}
        </Space>
        {mayEdit && (
          <Space>
            <Select
              placeholder={ty.capacity.addOwn}
              style={{ width: 280 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={ownItem}
              onChange={setOwnItem}
              options={(items.data ?? []).filter((i) => !withOwnSlots.has(i.id)).map((i) => ({ value: i.id, label: i.name }))}
            />
            <Button
              disabled={!ownItem}
              onClick={() => {
                const item = items.data?.find((i) => i.id === ownItem);
                const shared = data?.pools.flatMap((p) => p.items).find((i) => i.id === ownItem);
                if (item) setRule({ scope: 'item', scopeId: item.id, name: item.name, capacityPerSlot: 1, overflowPerSlot: shared?.overflowPerSlot ?? null, version: shared?.ruleVersion ?? 0 });
              }}
            >
              {ty.capacity.editRule}
            </Button>
          </Space>
        )}
      </Flex>
      {data && !data.isWorkingDay && <Alert type="info" showIcon title={ty.capacity.notWorking} />}
      {data?.pools.map((p) => (
        <Card
          key={`${p.scope}:${p.scopeId}`}
          size="small"
          title={
            <Space>
              {p.name}
              {p.scope === 'item' && <Tag color="purple">{ty.capacity.ownSlots}</Tag>}
            </Space>
          }
          extra={
            mayEdit && (
              <Space>
                <Button size="small" onClick={() => setRule({ scope: p.scope, scopeId: p.scopeId, name: p.name, capacityPerSlot: p.rule?.capacityPerSlot ?? null, overflowPerSlot: p.rule?.overflowPerSlot ?? null, version: p.rule?.version ?? 0 })}>
                  {ty.capacity.editRule}
                </Button>
                {data.isWorkingDay && (
                  <Button size="small" type="primary" onClick={() => setAdjusting(p)} data-testid={`capacity-adjust-${p.scopeId}`}>
                    {ty.capacity.adjust}
                  </Button>
                )}
              </Space>
            )
          }
        >
          <Flex vertical gap={8}>
            <Typography.Text>
              {ty.capacity.base}：{p.base}（{p.baseSource === 'counters' ? ty.capacity.fromCounters(p.counters, perCounter) : ty.capacity.explicit}）
            </Typography.Text>
            {p.items.length > 0 && (
              <Typography.Text type="secondary">
                {ty.capacity.items}：
                {p.items.map((i) => (
                  <Tag
                    key={i.id}
                    color={i.appointmentMode === 'appointment_only' ? 'purple' : undefined}
                    style={{ cursor: mayEdit && i.appointmentMode === 'appointment_only' ? 'pointer' : undefined }}
                    onClick={() =>
                      mayEdit && i.appointmentMode === 'appointment_only' && setRule({ scope: 'item', scopeId: i.id, name: i.name, capacityPerSlot: p.scope === 'item' ? p.base : null, overflowPerSlot: i.overflowPerSlot, version: i.ruleVersion })
                    }
                  >
                    {i.name}
                    {i.overflowPerSlot !== null && ` · ${ty.capacity.overflow} ${i.overflowPerSlot}`}
                  </Tag>
                ))}
              </Typography.Text>
            )}
            {p.slots.length > 0 && (
              <Flex gap={6} wrap>
                {p.slots.map((s) => (
                  <Tag key={s.start} color={s.booked >= s.capacity ? 'red' : s.booked > 0 ? 'blue' : 'default'} style={{ padding: '2px 8px' }}>
                    {s.start} · {ty.capacity.booked} {s.booked}/{s.capacity}
                  </Tag>
                ))}
              </Flex>
            )}
            {p.adjustments.length > 0 && (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={p.adjustments}
                title={() => ty.capacity.adjustments}
                columns={[
                  { title: ty.common.time, render: (_, a) => a.start ?? ty.capacity.wholeDay },
                  { title: ty.capacity.delta, dataIndex: 'delta', render: (d: number) => (d > 0 ? `+${d}` : d) },
                  { title: ty.capacity.reason, dataIndex: 'reason' },
                  ...(mayEdit
                    ? [
                        {
                          title: '',
                          render: (_: unknown, a: { id: string }) => (
                            <Popconfirm title={ty.capacity.undo} onConfirm={() => undo.mutate(a.id, { onSuccess: () => void message.success(ty.capacity.saved), onError: showError })}>
                              <Button size="small">{ty.capacity.undo}</Button>
                            </Popconfirm>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Flex>
        </Card>
      ))}
      {rule && <RuleModal centerId={centerId} target={rule} onClose={() => setRule(null)} />}
      {adjusting && data && <AdjustModal centerId={centerId} date={date} pool={adjusting} onClose={() => setAdjusting(null)} />}
    </Flex>
  );
}

function RuleModal({ centerId, target, onClose }: { centerId: string; target: RuleTarget; onClose: () => void }) {
  const save = useSaveCapacityRule();
  return (
    <FormModal<{ capacityPerSlot: number | null; overflowPerSlot: number | null }>
      title={`${ty.capacity.editRule} · ${target.name}`}
      initialValues={{ capacityPerSlot: target.capacityPerSlot, overflowPerSlot: target.overflowPerSlot }}
      onClose={onClose}
      onSubmit={(v) =>
        save.mutateAsync({
          centerId,
          scope: target.scope,
          scopeId: target.scopeId,
          capacityPerSlot: v.capacityPerSlot ?? null,
          overflowPerSlot: target.scope === 'item' ? (v.overflowPerSlot ?? null) : null,
          version: target.version,
        })
      }
    >
      <Form.Item name="capacityPerSlot" label={ty.capacity.perSlot} extra={ty.capacity.perSlotHelp}>
        <InputNumber min={0} max={1000} style={{ width: 160 }} />
      </Form.Item>
      {target.scope === 'item' && (
        <Form.Item name="overflowPerSlot" label={ty.capacity.overflow} extra={ty.capacity.overflowHelp}>
          <InputNumber min={1} max={1000} style={{ width: 160 }} />
        </Form.Item>
      )}
    </FormModal>
  );
}

function AdjustModal({ centerId, date, pool, onClose }: { centerId: string; date: string; pool: Pool; onClose: () => void }) {
  const add = useAddCapacityAdjustment();
  return (
    <FormModal<{ start: string | null; delta: number; reason: string }>
      title={`${ty.capacity.adjust} · ${pool.name} · ${date}`}
      initialValues={{ start: null, delta: 1, reason: '' }}
      onClose={onClose}
      onSubmit={(v) => add.mutateAsync({ centerId, scope: pool.scope, scopeId: pool.scopeId, date, start: v.start ?? null, delta: v.delta, reason: v.reason ?? '' })}
    >
      <Form.Item name="start" label={ty.capacity.adjustSlot}>
        <Select allowClear options={pool.slots.map((s) => ({ value: s.start, label: `${s.start}–${s.end}` }))} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="delta" label={ty.capacity.delta} rules={[{ required: true, message: ty.common.required }]}>
        <InputNumber min={-1000} max={1000} style={{ width: 160 }} data-testid="adjust-delta" />
      </Form.Item>
      <Form.Item name="reason" label={ty.capacity.reason}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
