import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Theme } from '@server/modules/catalog/contract.ts';
import { ActiveTag } from '../../../components/active-tag.tsx';
import { ToggleActiveButton } from '../../../components/toggle-active-button.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { optionsOf } from '../../../lib/options.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { useCounters } from '../../venue/queries.ts';
import { createQueue, updateQueue, type QueueDto, type QueueInput } from '../api.ts';
import { queueKeys, useQueueItems, useQueueMutation, useQueues } from '../queries.ts';

/** The center's queues: prefix, themes and items served, counters that call them, daily walk-in quota. */
export function QueuesTab({ centerId }: { centerId: string }) {
  const queues = useQueues(centerId);
  const counters = useCounters(centerId);
  const [editing, setEditing] = useState<QueueDto | 'new' | null>(null);
  const update = useQueueMutation(
    ({ id, ...patch }: { id: string; version: number; isOpen?: boolean; isActive?: boolean }) => updateQueue(id, patch),
    queueKeys.queues(centerId),
  );
  const showError = useShowError();
  const counterNumber = new Map((counters.data ?? []).map((c) => [c.id, c.number]));

  if (queues.isError) return <QueryError error={queues.error} onRetry={() => void queues.refetch()} />;
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 16 }}>
        {tq.settings.newQueue}
      </Button>
      <Table<QueueDto>
        rowKey="id"
        size="small"
        loading={queues.isPending}
        dataSource={queues.data}
        pagination={false}
        columns={[
          { title: tq.settings.prefix, dataIndex: 'prefix' },
          { title: tq.settings.name, dataIndex: 'name' },
          { title: tq.settings.themes, dataIndex: 'themes', render: (themes: Theme[]) => themes.map((th) => <Tag key={th}>{tq.themes[th]}</Tag>) },
          { title: tq.settings.items, dataIndex: 'itemIds', render: (ids: string[]) => (ids.length ? ids.length : null) },
          {
            title: tq.settings.counters,
            dataIndex: 'counterIds',
            render: (ids: string[]) =>
              ids
                .map((id) => counterNumber.get(id) ?? '')
                .sort((a, b) => Number(a) - Number(b))
                .join('、'),
          },
          { title: tq.settings.quota, dataIndex: 'dailyWalkInQuota', render: (q: number | null) => q ?? tq.settings.noLimit },
          {
            title: tq.settings.isOpen,
            dataIndex: 'isOpen',
            render: (isOpen: boolean, q) => (
              <Switch
                disabled={!q.isActive}
                checked={isOpen}
                checkedChildren={tq.settings.opened}
                unCheckedChildren={tq.settings.closed}
                onChange={(next) => update.mutateAsync({ id: q.id, version: q.version, isOpen: next }).catch(showError)}
              />
            ),
          },
          { title: t.common.status, dataIndex: 'isActive', render: (isActive: boolean) => <ActiveTag isActive={isActive} /> },
          {
            title: t.common.actions,
            key: 'edit',
            render: (_: unknown, q) => (
              <Space size={0} data-testid={`queue-actions-${q.prefix}`}>
                <Button type="link" size="small" onClick={() => setEditing(q)}>
                  {t.common.edit}
                </Button>
                <ToggleActiveButton isActive={q.isActive} onToggle={(isActive) => update.mutateAsync({ id: q.id, version: q.version, isActive })} />
              </Space>
            ),
          },
        ]}
      />
      {editing && <QueueFormModal centerId={centerId} queue={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

type Values = Omit<QueueInput, 'dailyWalkInQuota' | 'typicalServiceMinutes'> & { dailyWalkInQuota?: number | null; typicalServiceMinutes?: number | null };

function QueueFormModal({ centerId, queue, onClose }: { centerId: string; queue: QueueDto | null; onClose: () => void }) {
  const counters = useCounters(centerId);
  const items = useQueueItems(centerId);
  const save = useQueueMutation(
    (v: Values) =>
      queue
        ? updateQueue(queue.id, { ...v, dailyWalkInQuota: v.dailyWalkInQuota ?? null, typicalServiceMinutes: v.typicalServiceMinutes ?? null, version: queue.version })
        : createQueue(centerId, { ...v, dailyWalkInQuota: v.dailyWalkInQuota ?? null, typicalServiceMinutes: v.typicalServiceMinutes ?? null }),
    queueKeys.all,
  );
  return (
    <FormModal<Values>
      title={queue ? tq.settings.editQueue : tq.settings.newQueue}
      width={640}
      initialValues={queue ?? { themes: [], itemIds: [], counterIds: [], isOpen: true, sortOrder: 0 }}
      onSubmit={(v) => save.mutateAsync(v)}
      onClose={onClose}
    >
      <Space>
        <Form.Item name="prefix" label={tq.settings.prefix} rules={[{ required: true, message: t.common.required }]}>
          <Input maxLength={2} style={{ width: 80, textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="name" label={tq.settings.name} rules={[{ required: true, message: t.common.required }]}>
          <Input maxLength={30} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="sortOrder" label={tq.settings.sortOrder}>
          <InputNumber min={0} max={999} />
        </Form.Item>
      </Space>
      <Form.Item name="themes" label={tq.settings.themes}>
        <Select mode="multiple" options={optionsOf(tq.themes)} />
      </Form.Item>
      <Form.Item name="itemIds" label={tq.settings.items}>
        <Select mode="multiple" showSearch optionFilterProp="label" options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.code}）` }))} />
      </Form.Item>
      <Form.Item name="counterIds" label={tq.settings.counters}>
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          options={(counters.data ?? []).filter((c) => c.isActive).map((c) => ({ value: c.id, label: `${tq.common.counterLabel(c.number)} ${c.name}` }))}
        />
      </Form.Item>
      <Space>
        <Form.Item name="dailyWalkInQuota" label={tq.settings.quota}>
          <InputNumber min={1} max={100000} placeholder={tq.settings.noLimit} />
        </Form.Item>
        <Form.Item name="typicalServiceMinutes" label={tq.settings.typicalService} tooltip={tq.settings.typicalServiceHint}>
          <InputNumber min={1} max={240} placeholder={tq.settings.centerTypical} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
