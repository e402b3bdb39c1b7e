import { Form, Input, Select } from 'antd';
import type { DepartmentDto } from '@server/modules/staff/contract.ts';
import type { CounterDto, CounterPurpose, ZoneDto } from '@server/modules/venue/contract.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { optionsOf } from '../../../lib/options.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useCreateCounter, useUpdateCounter } from '../queries.ts';

type Values = { zoneId: string; number: string; name: string; purpose: CounterPurpose; departmentId?: string | null };

type Props = {
  centerId: string;
  counter: CounterDto | null;
  zones: ZoneDto[];
  departments: DepartmentDto[];
  onClose: () => void;
};

/** Creates a counter (counter = null) or edits one. Inactive zones and departments are offered only if already chosen. */
export function CounterFormModal({ centerId, counter, zones, departments, onClose }: Props) {
  const create = useCreateCounter(centerId);
  const update = useUpdateCounter(centerId);

  const submit = ({ departmentId, ...values }: Values) => {
    const body = { ...values, departmentId: departmentId ?? null };
    return counter ? update.mutateAsync({ id: counter.id, version: counter.version, ...body }) : create.mutateAsync(body);
  };

  return (
    <FormModal<Values> title={counter ? t.org.editCounter : t.org.newCounter} initialValues={counter ?? {}} onSubmit={submit} onClose={onClose}>
      <Form.Item name="zoneId" label={t.org.counterZone} rules={[{ required: true, message: t.common.required }]}>
        <Select
          placeholder={t.common.selectPlaceholder}
          options={zones
            .filter((z) => z.isActive || z.id === counter?.zoneId)
            .map((z) => ({ value: z.id, label: `${z.name}（${t.zoneKinds[z.kind]}）` }))}
        />
      </Form.Item>
      <Form.Item
        name="number"
        label={t.org.counterNumber}
        rules={[{ required: true, whitespace: true, message: t.common.required }]}
      >
        <Input maxLength={10} />
      </Form.Item>
      <Form.Item name="name" label={t.org.counterName} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="purpose" label={t.org.counterPurpose} rules={[{ required: true, message: t.common.required }]}>
        <Select options={optionsOf(t.counterPurposes)} placeholder={t.common.selectPlaceholder} />
      </Form.Item>
      <Form.Item name="departmentId" label={t.org.counterDepartment}>
        <Select
          allowClear
          placeholder={t.common.none}
          options={departments
            .filter((d) => d.isActive || d.id === counter?.departmentId)
            .map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}
