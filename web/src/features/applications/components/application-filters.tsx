import { Input, Select } from 'antd';
import { STATES, type ApplicationState } from '@server/modules/applications/workflow/definition.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';
import type { SearchFilter } from '../api.ts';

/**
 * The one search of the application lists (办件, 后台审批, 综合出件): a text matched by the server
 * against the number, the applicant's name or credit code and the item, and, where the list has
 * them, its states. Test ids: `<testId>-search`, `<testId>-state`.
 */
export function ApplicationFilters({ value, onChange, states, testId }: {
  value: SearchFilter;
  onChange: (next: SearchFilter) => void;
  states?: readonly ApplicationState[];
  testId: string;
}) {
  return (
    <>
      <Input.Search allowClear placeholder={ta.list.q} style={{ width: 280 }} onSearch={(v) => onChange({ ...value, q: v.trim() || undefined })} data-testid={`${testId}-search`} />
      {states && (
        <Select
          allowClear
          placeholder={ta.list.state}
          style={{ width: 200 }}
          value={value.state}
          onChange={(state?: ApplicationState) => onChange({ ...value, state })}
          options={states.map((s) => ({ value: s, label: STATES[s].label }))}
          data-testid={`${testId}-state`}
        />
      )}
    </>
  );
}
