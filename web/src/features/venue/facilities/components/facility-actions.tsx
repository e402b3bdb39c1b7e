import { App, Button, Form, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../../app/auth-context.tsx';
import { FormModal } from '../../../../components/form-modal.tsx';
import { useShowError } from '../../../../components/use-show-error.ts';
import { tfac } from '../../../../locales/facilities.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import type { FacilityDto } from '../api.ts';
import { useFinishRepair, useReinstateFacility, useReportFault, useRetireFacility, useStartRepair } from '../queries.ts';

type Open = 'fault' | 'start' | 'finish' | null;

/** What a staff member may do with a facility now: any staff report a fault; the manager records repairs, retires and reinstates. */
export function FacilityActions({ facility, onEdit, onHistory }: { facility: FacilityDto; onEdit: () => void; onHistory: () => void }) {
  const canManage = useAuth().can('facility.manage');
  const [open, setOpen] = useState<Open>(null);
  const report = useReportFault();
  const start = useStartRepair();
  const finish = useFinishRepair();
  const retire = useRetireFacility();
  const reinstate = useReinstateFacility();
  const { message } = App.useApp();
  const showError = useShowError();
  const { id, version, status } = facility;
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t.common.saved);
    } catch (error) {
      showError(error);
    }
  };
  const link = (key: string, label: string, onClick: () => void) => (
    <Button type="link" size="small" onClick={onClick} data-testid={`facility-${key}-${id}`}>
      {label}
    </Button>
  );

  return (
    <>
      <Space size={0} wrap>
        {link('history', tfac.history, onHistory)}
        {status !== 'retired' && link('report', tfac.reportFault, () => setOpen('fault'))}
        {canManage && status === 'faulty' && link('start', tfac.startRepair, () => setOpen('start'))}
        {canManage && status === 'under_repair' && link('finish', tfac.finishRepair, () => setOpen('finish'))}
        {canManage && link('edit', t.common.edit, onEdit)}
        {canManage && (status === 'in_service' || status === 'faulty') && (
          <Popconfirm title={tfac.retireConfirm} onConfirm={() => act(() => retire.mutateAsync({ id, version }))}>
            <Button type="link" size="small" danger data-testid={`facility-retire-${id}`}>
              {tfac.retire}
            </Button>
          </Popconfirm>
        )}
        {canManage && status === 'retired' && link('reinstate', tfac.reinstate, () => void act(() => reinstate.mutateAsync({ id, version })))}
      </Space>
      {open === 'fault' && (
        <FormModal<{ description: string }> title={`${tfac.reportFault} · ${facility.name}`} successText={tfac.faultReported} onSubmit={(v) => report.mutateAsync({ id, ...v })} onClose={() => setOpen(null)}>
          {facility.openFault && <p>{tfac.joinsOpenFault}</p>}
          <Form.Item name="description" label={tfac.faultDescription} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="fault-description" />
          </Form.Item>
        </FormModal>
      )}
      {open === 'start' && (
        <FormModal<{ repairer: string }> title={`${tfac.startRepair} · ${facility.name}`} onSubmit={(v) => start.mutateAsync({ id, version, ...v })} onClose={() => setOpen(null)}>
          <Form.Item name="repairer" label={tfac.repairer} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input maxLength={100} data-testid="repairer" />
          </Form.Item>
        </FormModal>
      )}
      {open === 'finish' && (
        <FormModal<{ repairResult: string }> title={`${tfac.finishRepair} · ${facility.name}`} onSubmit={(v) => finish.mutateAsync({ id, version, ...v })} onClose={() => setOpen(null)}>
          <Form.Item name="repairResult" label={tfac.repairResult} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="repair-result" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
