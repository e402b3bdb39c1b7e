import { App, Button, Card, Descriptions, Empty, Form, Input, List, Popconfirm, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { FormModal } from '../../../../components/form-modal.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useShowError } from '../../../../components/use-show-error.ts';
import { tag } from '../../../../locales/agency.zh-CN.ts';
import { askOwn, confirmOwn, ownAgreementUrl, withdrawOwn, type OwnRequest } from '../../api.ts';
import { useAgencyChange, useOwnRequests, usePublicAgencyItems } from '../../queries.ts';
import { AgencyStateTag } from '../tags.tsx';

/** 我的帮办代办: ask for agency (from the list, the item chosen), follow each request, read the agreement, confirm the result. */
export function MyAgencyPage() {
  const [params, setParams] = useSearchParams();
  const preset = params.get('item');
  const [isAsking, setAsking] = useState(preset !== null);
  const own = useOwnRequests();
  const close = () => {
    setAsking(false);
    if (preset) setParams({}, { replace: true });
  };
  return (
    <Card
      title={tag.portal.mineTitle}
      extra={
        <Button type="primary" onClick={() => setAsking(true)} data-testid="portal-agency-new">
          {tag.portal.ask}
        </Button>
      }
    >
      {own.isError ? (
        <QueryError error={own.error} onRetry={() => void own.refetch()} />
      ) : !own.data ? (
        <Skeleton active />
      ) : own.data.items.length === 0 ? (
        <Empty description={tag.portal.empty} />
      ) : (
        <List dataSource={own.data.items} renderItem={(r) => <OwnItem request={r} />} />
      )}
      {isAsking && <AskModal itemId={preset} onClose={close} />}
    </Card>
  );
}

function AskModal({ itemId, onClose }: { itemId: string | null; onClose: () => void }) {
  const items = usePublicAgencyItems();
  const ask = useAgencyChange(askOwn);
  const f = tag.form;
  type V = { itemId?: string; matter?: string; contactName: string; contactPhone: string };
  return (
    <FormModal<V> title={tag.portal.ask} initialValues={itemId ? { itemId } : {}} successText={tag.portal.asked} onClose={onClose} onSubmit={(v) => ask.mutateAsync({ ...v, itemId: v.itemId ?? null, matter: v.matter ?? '' })}>
      <Form.Item name="itemId" label={f.item} extra={f.itemHint}>
        <Select allowClear options={items.data?.items.map((i) => ({ value: i.itemId, label: i.name }))} data-testid="portal-agency-item-select" />
      </Form.Item>
      <Form.Item name="matter" label={f.matter}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="portal-agency-matter" />
      </Form.Item>
      <Form.Item name="contactName" label={f.contactName} rules={[{ required: true }]}>
        <Input maxLength={50} data-testid="portal-agency-contact" />
      </Form.Item>
      <Form.Item name="contactPhone" label={f.contactPhone} rules={[{ required: true }]}>
        <Input maxLength={20} data-testid="portal-agency-phone" />
      </Form.Item>
    </FormModal>
  );
}

function OwnItem({ request: r }: { request: OwnRequest }) {
  const { message } = App.useApp();
  const showError = useShowError();
  const confirm = useAgencyChange(() => confirmOwn(r.id, { version: r.version, note: '' }));
  const withdraw = useAgencyChange(() => withdrawOwn(r.id, { version: r.version, reason: '' }));
  const d = tag.detail;
  return (
    <List.Item data-testid="portal-agency-request" data-number={r.number}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{r.number}</Typography.Text>
          <Typography.Text>{r.itemName || r.matter}</Typography.Text>
          <AgencyStateTag state={r.state} />
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'r', label: d.requestedOn, children: r.requestedOn },
            { key: 'a', label: d.agent, children: r.agentName || '—' },
            ...(r.agreement ? [{ key: 'g', label: d.agreement, children: <a href={ownAgreementUrl(r.id)} target="_blank" rel="noreferrer" data-testid="portal-agency-agreement">{`${r.agreement.number} · ${tag.portal.agreementPdf}`}</a> }] : []),
            ...(r.result ? [{ key: 'res', label: d.result, children: r.result }] : []),
            ...(r.materials.length ? [{ key: 'm', label: d.materials, children: <Space wrap>{r.materials.map((m) => <Tag key={m.id} color={m.returnedAt ? 'green' : undefined}>{`${m.name} · ${m.returnedAt ? d.returned : d.kept}`}</Tag>)}</Space> }] : []),
          ]}
        />
        <Space>
          {r.actions.includes('confirm') && (
            <Button type="primary" loading={confirm.isPending} onClick={() => confirm.mutate(undefined, { onSuccess: () => void message.success(tag.portal.confirmed), onError: showError })} data-testid="portal-agency-confirm">
              {tag.actions.confirm}
            </Button>
          )}
          {r.actions.includes('withdraw') && (
            <Popconfirm title={tag.actions.withdraw} onConfirm={() => withdraw.mutate(undefined, { onSuccess: () => void message.success(tag.portal.withdrawn), onError: showError })}>
              <Button data-testid="portal-agency-withdraw">{tag.actions.withdraw}</Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </List.Item>
  );
}
