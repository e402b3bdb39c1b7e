import { Button, Card, Descriptions, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { ApplicationDetail } from '@server/modules/applications/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';
import { useAct } from '../queries.ts';
import { LockerDeposit } from '../../self-service/components/locker-deposit.tsx';

/** 综合发证: hand over against the pickup code, mail with carrier and tracking number, or deliver electronically. */
export function DeliveryPanel({ app }: { app: ApplicationDetail }) {
  const { can } = useAuth();
  const act = useAct(app.id);
  const showError = useShowError();
  const [dialog, setDialog] = useState<'handOver' | 'mail' | null>(null);
  const d = app.delivery;
  if (!d) return null;
  const post = (path: string, body: object = {}) => act.mutateAsync({ path: `delivery/${path}`, body: { version: app.version, ...body } });
  const may = can('application.deliver');
  return (
    <Card title={ta.delivery.title} size="small" data-testid="delivery-panel">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={ta.delivery.method}>{ta.delivery.methods[d.method]}</Descriptions.Item>
        <Descriptions.Item label={ta.fields.state}>{ta.delivery.states[d.state]}</Descriptions.Item>
        {d.pickupCode && <Descriptions.Item label={ta.delivery.pickupCode}>{d.pickupCode}</Descriptions.Item>}
        {d.trackingNumber && <Descriptions.Item label={ta.delivery.trackingNumber}>{`${d.carrier} ${d.trackingNumber}`}</Descriptions.Item>}
        {d.address && <Descriptions.Item label={ta.delivery.address}>{`${d.address}（${d.recipientName} ${d.recipientPhoneMasked ?? ''}）`}</Descriptions.Item>}
        {d.deliveredAt && <Descriptions.Item label={ta.delivery.states.delivered}>{formatDateTime(d.deliveredAt)}</Descriptions.Item>}
      </Descriptions>
      {may && (
        <Space>
          {app.actions.includes('hand_over') && d.state === 'awaiting_pickup' && (
            <Button type="primary" onClick={() => setDialog('handOver')} data-testid="action-hand-over">
              {ta.delivery.handOver}
            </Button>
          )}
          {app.actions.includes('mail') && d.state === 'awaiting_pickup' && <Button onClick={() => setDialog('mail')}>{ta.delivery.mail}</Button>}
          {app.actions.includes('deliver_electronically') && d.state === 'awaiting_pickup' && (
            <Button onClick={() => void post('electronic').catch(showError)}>{ta.delivery.electronic}</Button>
          )}
          {app.actions.includes('hand_over') && d.state === 'awaiting_pickup' && app.kind === 'item' && <LockerDeposit app={app} />}
          {app.actions.includes('confirm_delivery') && <Button onClick={() => void post('confirm').catch(showError)}>{ta.delivery.confirm}</Button>}
        </Space>
      )}
      {dialog === 'handOver' && (
        <FormModal<{ pickupCode: string }> title={ta.delivery.handOver} onClose={() => setDialog(null)} onSubmit={(v) => post('hand-over', v)}>
          <Form.Item name="pickupCode" label={ta.delivery.pickupCode} rules={[{ required: true, len: 6 }]}>
            <Input maxLength={6} autoFocus data-testid="pickup-code" />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'mail' && (
        <FormModal<{ address: string; recipientName: string; recipientPhone: string; carrier: string; trackingNumber: string }> title={ta.delivery.mail} onClose={() => setDialog(null)} onSubmit={(v) => post('mail', v)}>
          <Form.Item name="address" label={ta.delivery.address} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="recipientName" label={ta.delivery.recipientName} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="recipientPhone" label={ta.delivery.recipientPhone} rules={[{ required: true }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="carrier" label={ta.delivery.carrier} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="trackingNumber" label={ta.delivery.trackingNumber} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
