import { Card, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { useCenters } from '../../venue/queries.ts';
import { DevicesTab } from './settings-devices.tsx';
import { QueuesTab } from './settings-queues.tsx';
import { RulesTab } from './settings-rules.tsx';

/** A center's queue: ticket-taking hours and priorities, queues and their counters, devices. */
export function QueueSettingsPage() {
  const { me, can } = useAuth();
  const isAdmin = me.roles.includes('administrator');
  const centers = useCenters();
  const [picked, setPicked] = useState<string | null>(me.centerId);
  const centerId = picked ?? centers.data?.[0]?.id ?? null;

  return (
    <Card
      title={tq.settings.title}
      extra={
        isAdmin && (
          <Space>
            <Typography.Text>{tq.settings.center}</Typography.Text>
            <Select style={{ minWidth: 260 }} value={centerId} onChange={setPicked} options={(centers.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Space>
        )
      }
    >
      {centerId && can('queue.manage') && (
        <Tabs
          key={centerId}
          items={[
            { key: 'rules', label: tq.settings.rulesTab, children: <RulesTab centerId={centerId} /> },
            { key: 'queues', label: tq.settings.queuesTab, children: <QueuesTab centerId={centerId} /> },
            { key: 'devices', label: tq.settings.devicesTab, children: <DevicesTab centerId={centerId} /> },
          ]}
        />
      )}
    </Card>
  );
}
