import { Select } from 'antd';
import { useAuth } from '../../../../app/auth-context.tsx';
import { useStaff } from '../../queries.ts';

type Props = { value?: string | string[]; onChange?: (value: string | string[]) => void; isMultiple?: boolean; 'data-testid'?: string };

/** The center's active staff, searchable by name or staff number. */
export function StaffSelect({ value, onChange, isMultiple, ...rest }: Props) {
  const { me } = useAuth();
  const staff = useStaff({ centerId: me.centerId ?? undefined }, me.centerId !== null);
  const options = (staff.data ?? []).filter((s) => s.isActive).map((s) => ({ value: s.id, label: s.staffNumber ? `${s.displayName}（${s.staffNumber}）` : s.displayName }));
  return (
    <Select
      mode={isMultiple ? 'multiple' : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      loading={staff.isFetching}
      options={options}
      value={value}
      onChange={onChange}
      data-testid={rest['data-testid']}
    />
  );
}
