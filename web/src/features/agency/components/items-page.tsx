import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { ActiveTag } from '../../../components/active-tag.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { tag } from '../../../locales/agency.zh-CN.ts';
import { listPortalItems } from '../../catalog/api.ts';
import { addItem, setSettings, updateItem, type AgencyItemDto } from '../api.ts';
import { useAgencyChange, useAgencyItems, useAgencySettings } from '../queries.ts';

/** 高频服务清单: what the agent does and what the enterprise keeps doing, per item; the manager keeps the list and the follow-up period. */
export function AgencyItemsPage() {
  const { can } = useAuth();
  const isManager = can('agency.manage');
  const items = useAgencyItems();
  const [editing, setEditing] = useState<AgencyItemDto | 'new' | null>(null);
  const t = tag.items;
  return (
    <Card
      title={t.title}
      extra={
        isManager && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="agency-item-add">
            {t.add}
          </Button>
        )
      }
    >
      {isManager && <FollowUpDays />}
      {items.isError ? (
        <QueryError error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <Table<AgencyItemDto>
          rowKey="id"
          loading={items.isLoading}
          dataSource={items.data?.items}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t.item, dataIndex: 'name', render: (n: string, i) => `${n}（${i.code}）` },
            { title: t.agentDoes, dataIndex: 'agentDoes' },
            { title: t.enterpriseDoes, dataIndex: 'enterpriseDoes' },
            { title: t.active, dataIndex: 'isActive', render: (a: boolean) => <ActiveTag isActive={a} /> },
            ...(isManager ? [{ title: '', key: 'edit', render: (_: unknown, i: AgencyItemDto) => <Button size="small" onClick={() => setEditing(i)}>{t.edit}</Button> }] : []),
          ]}
        />
      )}
      {editing && <ItemModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function ItemModal({ item, onClose }: { item: AgencyItemDto | null; onClose: () => void }) {
  const catalog = useQuery({ queryKey: ['portal', 'items', 'all'], queryFn: () => listPortalItems({}) });
  const save = useAgencyChange((v: { code?: string; agentDoes: string; enterpriseDoes: string; isActive?: boolean }) =>
    item ? updateItem(item.id, { version: item.version, agentDoes: v.agentDoes, enterpriseDoes: v.enterpriseDoes, isActive: v.isActive ?? true }) : addItem(v),
  );
  const t = tag.items;
  return (
    <FormModal<{ code?: string; agentDoes: string; enterpriseDoes: string; isActive?: boolean }> title={item ? t.edit : t.add} initialValues={item ?? { isActive: true }} onClose={onClose} onSubmit={(v) => save.mutateAsync(v)}>
      {!item && (
        <Form.Item name="code" label={t.item} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={catalog.data?.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))} />
        </Form.Item>
      )}
      <Form.Item name="agentDoes" label={t.agentDoes} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="enterpriseDoes" label={t.enterpriseDoes} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      {item && (
        <Form.Item name="isActive" label={t.active} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}

function FollowUpDays() {
  const settings = useAgencySettings();
  const [days, setDays] = useState<number | null>(null);
  const save = useAgencyChange(setSettings);
  const showError = useShowError();
  const value = days ?? settings.data?.followUpDays ?? 3;
  return (
    <Flex gap="small" align="center" style={{ marginBottom: 16 }}>
      <Typography.Text>{tag.items.followUpDays}</Typography.Text>
      <InputNumber min={1} max={30} value={value} onChange={(v) => setDays(v)} />
      <Button loading={save.isPending} onClick={() => save.mutate({ followUpDays: value }, { onError: showError })}>
        {tag.items.saveDays}
      </Button>
    </Flex>
  );
}
