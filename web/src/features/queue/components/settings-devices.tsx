import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { DeviceKind } from '@server/modules/queue/contract.ts';
import { ActiveTag } from '../../../components/active-tag.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ToggleActiveButton } from '../../../components/toggle-active-button.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { optionsOf } from '../../../lib/options.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { useCounters, useZones } from '../../venue/queries.ts';
import { createDevice, renewDeviceKey, updateDevice, type DeviceDto, type DeviceInput, type DeviceWithKey } from '../api.ts';
import { queueKeys, useDevices, useQueueMutation } from '../queries.ts';

/** The page a device opens; an evaluator's link carries its key the first time. */
const linkOf = (device: DeviceDto, key: string | null) => `${window.location.origin}${device.path}${device.kind === 'evaluator' && key ? `?key=${encodeURIComponent(key)}` : ''}`;

/** Kiosks, calling displays and evaluators: their pages, and the evaluators' keys. */
export function DevicesTab({ centerId }: { centerId: string }) {
  const devices = useDevices(centerId);
  const zones = useZones(centerId);
  const counters = useCounters(centerId);
  const [isCreating, setCreating] = useState(false);
  const [issued, setIssued] = useState<DeviceWithKey | null>(null);
  const update = useQueueMutation(({ id, ...patch }: { id: string; version: number; isActive: boolean }) => updateDevice(id, patch), queueKeys.devices(centerId));
  const renew = useQueueMutation((d: DeviceDto) => renewDeviceKey(d.id, d.version), queueKeys.devices(centerId));
  const showError = useShowError();
  const zoneName = new Map((zones.data ?? []).map((z) => [z.id, z.name]));
  const counterNumber = new Map((counters.data ?? []).map((c) => [c.id, c.number]));

  if (devices.isError) return <QueryError error={devices.error} onRetry={() => void devices.refetch()} />;
  return (
    <>
      <Alert type="info" showIcon title={tq.settings.displaySound} style={{ marginBottom: 16 }} data-testid="devices-sound-hint" />
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 16 }}>
        {tq.settings.newDevice}
      </Button>
      <Table<DeviceDto>
        rowKey="id"
        size="small"
        data-testid="devices"
        loading={devices.isPending}
        dataSource={devices.data}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: tq.settings.kind, dataIndex: 'kind', render: (k: DeviceKind) => tq.deviceKinds[k] },
          { title: tq.settings.name, dataIndex: 'name' },
          {
            title: `${tq.settings.zone} / ${tq.settings.counter}`,
            key: 'place',
            render: (_, d) => (d.counterId ? tq.common.counterLabel(counterNumber.get(d.counterId) ?? '') : d.zoneId ? zoneName.get(d.zoneId) : null),
          },
          {
            title: tq.settings.page,
            key: 'page',
            render: (_, d) => (
              <Typography.Link href={linkOf(d, d.demoKey)} target="_blank" data-testid={`device-link-${d.name}`}>
                {tq.settings.open}
              </Typography.Link>
            ),
          },
          { title: tq.settings.lastSeen, dataIndex: 'lastSeenAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          { title: t.common.status, dataIndex: 'isActive', render: (a: boolean) => <ActiveTag isActive={a} /> },
          {
            title: t.common.actions,
            key: 'actions',
            render: (_, d) => (
              <Space size={0}>
                {d.kind === 'evaluator' && (
                  <Popconfirm title={tq.settings.renewConfirm} onConfirm={() => renew.mutateAsync(d).then(setIssued, showError)} okText={tq.common.confirm}>
                    <Button type="link" size="small">
                      {tq.settings.renewKey}
                    </Button>
                  </Popconfirm>
                )}
                <ToggleActiveButton isActive={d.isActive} onToggle={(isActive) => update.mutateAsync({ id: d.id, version: d.version, isActive })} />
              </Space>
            ),
          },
        ]}
      />
      {isCreating && (
        <DeviceFormModal
          centerId={centerId}
          zones={(zones.data ?? []).map((z) => ({ value: z.id, label: z.name }))}
          counters={(counters.data ?? []).filter((c) => c.isActive).map((c) => ({ value: c.id, label: `${tq.common.counterLabel(c.number)} ${c.name}` }))}
          onCreated={setIssued}
          onClose={() => setCreating(false)}
        />
      )}
      <Modal open={issued !== null} title={tq.settings.keyTitle} onCancel={() => setIssued(null)} onOk={() => setIssued(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        {issued && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={tq.settings.keyHint} />
            <Typography.Text code copyable>
              {issued.key}
            </Typography.Text>
            <Typography.Link href={linkOf(issued.device, issued.key)} target="_blank" copyable>
              {linkOf(issued.device, issued.key)}
            </Typography.Link>
          </Space>
        )}
      </Modal>
    </>
  );
}

type Option = { value: string; label: string };

function DeviceFormModal(props: { centerId: string; zones: Option[]; counters: Option[]; onCreated: (d: DeviceWithKey) => void; onClose: () => void }) {
  const [kind, setKind] = useState<DeviceKind>('display');
  const create = useQueueMutation((input: DeviceInput) => createDevice(props.centerId, input), queueKeys.devices(props.centerId));
  return (
    <FormModal<DeviceInput>
      title={tq.settings.newDevice}
      initialValues={{ kind: 'display' }}
      onSubmit={async (v) => props.onCreated(await create.mutateAsync({ ...v, zoneId: v.zoneId ?? null, counterId: v.counterId ?? null }))}
      onClose={props.onClose}
    >
      <Form.Item name="kind" label={tq.settings.kind}>
        <Select options={optionsOf(tq.deviceKinds)} onChange={(k: DeviceKind) => setKind(k)} />
      </Form.Item>
      <Form.Item name="name" label={tq.settings.name} rules={[{ required: true, message: t.common.required }]}>
        <Input maxLength={50} />
      </Form.Item>
      {kind === 'evaluator' ? (
        <Form.Item name="counterId" label={tq.settings.counter} rules={[{ required: true, message: t.common.required }]}>
          <Select showSearch optionFilterProp="label" options={props.counters} />
        </Form.Item>
      ) : (
        <Form.Item name="zoneId" label={tq.settings.zone} rules={kind === 'display' ? [{ required: true, message: t.common.required }] : []}>
          <Select allowClear options={props.zones} />
        </Form.Item>
      )}
    </FormModal>
  );
}
