import { Alert, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { emptyToNull } from '../../../lib/forms.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { useReceivedFromTicket } from '../../applications/queries.ts';
import { finishTicket, serveWalkIn, transferTicket, type TicketDto, type WorkbenchDto } from '../api.ts';

/** Transfer keeps the ticket's number and place: to another queue, or to one named counter. */
export function TransferModal({ ticket, workbench, onClose }: { ticket: TicketDto; workbench: WorkbenchDto; onClose: () => void }) {
  const [target, setTarget] = useState<'queue' | 'counter'>('queue');
  return (
    <FormModal<{ queueId?: string; counterId?: string }>
      title={`${tq.workbench.transferTitle} · ${ticket.displayNumber}`}
      okText={tq.workbench.transfer}
      successText={tq.workbench.transfer}
      onClose={onClose}
      onSubmit={(v) => transferTicket(ticket.id, { queueId: target === 'queue' ? (v.queueId ?? null) : null, counterId: target === 'counter' ? (v.counterId ?? null) : null })}
    >
      <Radio.Group
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        options={[
          { value: 'queue', label: tq.workbench.toQueue },
          { value: 'counter', label: tq.workbench.toCounter },
        ]}
        style={{ marginBottom: 16 }}
      />
      {target === 'queue' ? (
        <Form.Item name="queueId" label={tq.workbench.toQueue} rules={[{ required: true, message: t.common.required }]}>
          <Select
            data-testid="transfer-queue"
            options={workbench.transferQueues.filter((q) => q.id !== ticket.queueId).map((q) => ({ value: q.id, label: tq.common.queueLabel(q.prefix, q.name) }))}
          />
        </Form.Item>
      ) : (
        <Form.Item name="counterId" label={tq.workbench.toCounter} rules={[{ required: true, message: t.common.required }]}>
          <Select showSearch optionFilterProp="label" options={workbench.transferCounters.map((c) => ({ value: c.id, label: `${tq.common.counterLabel(c.number)} ${c.name}` }))} />
        </Form.Item>
      )}
    </FormModal>
  );
}

/**
 * Finishing records which items were handled — any published item of the center, searched by name
 * or code — pre-filled with what was received from this ticket (else the ticket's own item), or
 * 仅咨询 when nothing was handled.
 */
export function FinishModal({ ticket, workbench, onClose }: { ticket: TicketDto; workbench: WorkbenchDto; onClose: () => void }) {
  const received = useReceivedFromTicket();
  if (received.isPending) return null;
  const receivedItems = received.data?.ticketId === ticket.id ? received.data.items : [];
  const receivedIds = [...new Set(receivedItems.map((r) => workbench.items.find((i) => i.code === r.code)?.id).filter((id) => id !== undefined))];
  const initialIds = receivedIds.length > 0 ? receivedIds : ticket.itemId && workbench.items.some((i) => i.id === ticket.itemId) ? [ticket.itemId] : [];
  const optionOf = (i: WorkbenchDto['items'][number]) => ({ value: i.id, label: `${i.name}（${i.code}）` });
  return (
    <FormModal<{ itemIds?: string[]; isConsultationOnly?: boolean }>
      title={`${tq.workbench.finishTitle} · ${ticket.displayNumber}`}
      okText={tq.workbench.finish}
      successText={tq.workbench.finish}
      initialValues={{ itemIds: initialIds, isConsultationOnly: false }}
      onClose={onClose}
      onSubmit={(v) => finishTicket(ticket.id, v.isConsultationOnly ? { isConsultationOnly: true } : { itemIds: v.itemIds ?? [] })}
    >
      {receivedItems.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="finish-received" title={tq.workbench.receivedFromTicket(receivedItems.map((r) => `${r.name} ${r.number}`).join('、'))} />
      )}
      <Form.Item noStyle dependencies={['isConsultationOnly']}>
        {({ getFieldValue }) => {
          const isConsultationOnly = getFieldValue('isConsultationOnly') === true;
          return (
            <Form.Item
              name="itemIds"
              label={tq.workbench.handledItems}
              required={!isConsultationOnly}
              rules={[
                ({ getFieldValue: valueOf }) => ({
                  validator: (_, ids?: string[]) => (valueOf('isConsultationOnly') === true || (ids?.length ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(tq.workbench.handledItemsRequired))),
                }),
              ]}
            >
              <Select
                mode="multiple"
                data-testid="finish-items"
                disabled={isConsultationOnly}
                showSearch
                optionFilterProp="label"
                placeholder={tq.workbench.handledItemsSearch}
                options={[
                  { label: tq.workbench.itemsServedHere, options: workbench.items.filter((i) => i.isServedHere).map(optionOf) },
                  { label: tq.workbench.itemsElsewhere, options: workbench.items.filter((i) => !i.isServedHere).map(optionOf) },
                ].filter((g) => g.options.length > 0)}
              />
            </Form.Item>
          );
        }}
      </Form.Item>
      <Form.Item name="isConsultationOnly" valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox data-testid="finish-consultation">{tq.workbench.consultationOnly}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

/** Someone at the counter without a ticket: served at once, counted in one of the counter's queues. */
export function WalkInModal({ workbench, onClose }: { workbench: WorkbenchDto; onClose: () => void }) {
  return (
    <FormModal<{ queueId?: string; uscc?: string; phone?: string }>
      title={tq.workbench.walkInTitle}
      okText={tq.workbench.start}
      successText={tq.workbench.start}
      initialValues={{ queueId: workbench.queues[0]?.id }}
      onClose={onClose}
      onSubmit={(v) => serveWalkIn(workbench.counter.id, { queueId: v.queueId ?? null, uscc: emptyToNull(v.uscc), phone: emptyToNull(v.phone) })}
    >
      <Form.Item name="queueId" label={tq.workbench.queue} rules={[{ required: true, message: t.common.required }]}>
        <Select options={workbench.queues.map((q) => ({ value: q.id, label: tq.common.queueLabel(q.prefix, q.name) }))} />
      </Form.Item>
      <Form.Item name="uscc" label={tq.workbench.uscc}>
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="phone" label={tq.workbench.phone}>
        <Input maxLength={20} />
      </Form.Item>
    </FormModal>
  );
}
