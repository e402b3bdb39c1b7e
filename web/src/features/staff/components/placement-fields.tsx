import { Form, Select } from 'antd';
import { t } from '../../../locales/zh-CN.ts';
import { useCenters, useCounters } from '../../venue/queries.ts';
import { useDepartments } from '../queries.ts';

/**
 * Center, then department and counter of that center. Inside a Form: changing the center clears
 * the other two, since they belong to the old one.
 */
export function PlacementFields({ current }: { current?: { departmentId: string | null; counterId: string | null } }) {
  const form = Form.useFormInstance();
  const centerId = (Form.useWatch('centerId') as string | null | undefined) ?? null;
  const centers = useCenters();
  const departments = useDepartments(centerId);
  const counters = useCounters(centerId);
  const dependentPlaceholder = centerId ? t.common.none : t.staff.pickCenterFirst;

  return (
    <>
      <Form.Item name="centerId" label={t.staff.center}>
        <Select
          allowClear
          loading={centers.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t.common.unassigned}
          options={centers.data?.map((c) => ({ value: c.id, label: c.name }))}
          onChange={() => form.setFieldsValue({ departmentId: null, counterId: null })}
        />
      </Form.Item>
      <Form.Item name="departmentId" label={t.staff.department}>
        <Select
          allowClear
          disabled={!centerId}
          placeholder={dependentPlaceholder}
          options={departments.data
            ?.filter((d) => d.isActive || d.id === current?.departmentId)
            .map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="counterId" label={t.staff.counter}>
        <Select
          allowClear
          disabled={!centerId}
          placeholder={dependentPlaceholder}
          options={counters.data
            ?.filter((c) => c.isActive || c.id === current?.counterId)
            .map((c) => ({ value: c.id, label: `${c.number} ${c.name}` }))}
        />
      </Form.Item>
    </>
  );
}
