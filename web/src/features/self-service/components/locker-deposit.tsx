import { Button, Form, Input, Select, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApplicationDetail } from '@server/modules/applications/contract.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { tss } from '../../../locales/self-service.zh-CN.ts';
import { depositInLocker, listLockers, type DepositDto } from '../api.ts';

/**
 * 放入智能柜 on the delivery panel: the clerk puts a decided result in a locker slot; the code
 * goes to the applicant by SMS (the clerk never sees it). Shows where a result already waits.
 */
export function LockerDeposit({ app }: { app: ApplicationDetail }) {
  const [isOpen, setOpen] = useState(false);
  const client = useQueryClient();
  const lockers = useQuery({ queryKey: ['lockers', app.centerId], queryFn: () => listLockers(app.centerId) });
  const active = (lockers.data ?? []).filter((l) => l.isActive);
  const waiting = active.flatMap((l) => l.slots.filter((s) => s.applicationNumber === app.number).map((s) => ({ locker: l.name, slot: s.number })))[0];
  if (waiting) return <Tag color="green" data-testid="locker-waiting">{tss.deposit.waiting(waiting.locker, waiting.slot)}</Tag>;
  if (active.length === 0) return null;
  return (
    <>
      <Button data-testid="action-locker" onClick={() => setOpen(true)}>
        {tss.deposit.action}
      </Button>
      {isOpen && (
        <FormModal<{ lockerId: string; phone?: string }>
          title={tss.deposit.action}
          initialValues={{ lockerId: active[0]!.id }}
          onClose={() => setOpen(false)}
          onSubmit={async (v) => {
            const done = await depositInLocker(app.id, { version: app.version, lockerId: v.lockerId, ...(v.phone ? { phone: v.phone } : {}) });
            await client.invalidateQueries({ queryKey: ['lockers', app.centerId] });
            return done;
          }}
          successText={(d) => tss.deposit.done(d as DepositDto)}
        >
          <Form.Item name="lockerId" label={tss.deposit.locker} rules={[{ required: true, message: tss.deposit.lockerRequired }]}>
            <Select options={active.map((l) => ({ value: l.id, label: `${l.name}（${tss.deposit.freeSlots(l.slots.filter((s) => s.isFree).length)}）` }))} />
          </Form.Item>
          <Form.Item name="phone" label={tss.deposit.phone}>
            <Input maxLength={20} data-testid="locker-phone" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
