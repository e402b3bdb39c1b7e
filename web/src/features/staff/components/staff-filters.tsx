import { Input, Select, Space } from 'antd';
import { optionsOf } from '../../../lib/options.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useCenters } from '../../venue/queries.ts';
import type { StaffFilter } from '../api.ts';
import { useDepartments } from '../queries.ts';

type Props = { filter: StaffFilter; onChange: (filter: StaffFilter) => void };

/** Filters for the staff list: center, then department of that center, role, and a keyword. */
export function StaffFilters({ filter, onChange }: Props) {
  const centers = useCenters();
  const departments = useDepartments(filter.centerId ?? null);
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        allowClear
        style={{ width: 220 }}
        placeholder={t.staff.filterCenter}
        aria-label={t.staff.filterCenter}
        value={filter.centerId}
        loading={centers.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        options={centers.data?.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(centerId?: string) => onChange({ ...filter, centerId, departmentId: undefined })}
      />
      <Select
        allowClear
        style={{ width: 200 }}
        placeholder={filter.centerId ? t.staff.filterDepartment : t.staff.pickCenterFirst}
        aria-label={t.staff.filterDepartment}
        disabled={!filter.centerId}
        value={filter.departmentId}
        options={departments.data?.map((d) => ({ value: d.id, label: d.name }))}
        onChange={(departmentId?: string) => onChange({ ...filter, departmentId })}
      />
      <Select
        allowClear
        style={{ width: 180 }}
        placeholder={t.staff.filterRole}
        aria-label={t.staff.filterRole}
        value={filter.role}
        showSearch={{ optionFilterProp: 'label' }}
        options={optionsOf(t.roles)}
        onChange={(role?: StaffFilter['role']) => onChange({ ...filter, role })}
      />
      <Input.Search
        allowClear
        style={{ width: 240 }}
        placeholder={t.staff.keyword}
        aria-label={t.staff.keyword}
        defaultValue={filter.q}
        maxLength={64}
        onSearch={(q) => onChange({ ...filter, q: q.trim() || undefined })}
      />
    </Space>
  );
}
