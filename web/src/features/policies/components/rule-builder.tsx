import { Alert, Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import { FIELD_OPS, RULE_FIELDS, type RuleField } from '@server/modules/policies/rules/rule.ts';
import { tpol } from '../../../locales/policies.zh-CN.ts';
import { useRulePreview } from '../queries.ts';

export type ConditionRow = { key: number; field: RuleField; op: string; text: string; min: number | null; max: number | null };

const NUMERIC: RuleField[] = ['registeredYears', 'employees', 'revenue', 'assets'];
const LIST_OPS = ['in', 'containsAny'];

/** A row as a rule condition, or null while it is incomplete. */
export function conditionOf(row: ConditionRow): unknown {
  if (NUMERIC.includes(row.field)) {
    if (row.op === 'between') return row.min === null || row.max === null ? null : { field: row.field, op: row.op, value: [row.min, row.max] };
    return row.min === null ? null : { field: row.field, op: row.op, value: row.min };
  }
  if (row.field === 'seriousBadCredit') return { field: row.field, op: 'eq', value: row.text === 'true' };
  const values = row.text.split(/[,，、\s]+/).filter(Boolean);
  if (values.length === 0) return null;
  return { field: row.field, op: row.op, value: LIST_OPS.includes(row.op) ? values : values[0] };
}

/** The rows of a rule the builder can show (all of plain conditions), or null for one it cannot (any, not, nested). */
export function rowsOf(rule: unknown): ConditionRow[] | null {
  const conditions = isObject(rule) && Array.isArray(rule.all) ? (rule.all as unknown[]) : isObject(rule) && 'field' in rule ? [rule] : null;
  if (!conditions || !conditions.every((c) => isObject(c) && typeof c.field === 'string')) return null;
  return (conditions as { field: RuleField; op: string; value: unknown }[]).map((c, i) => {
    const row: ConditionRow = { key: i + 1, field: c.field, op: c.op, text: '', min: null, max: null };
    if (NUMERIC.includes(c.field)) return Array.isArray(c.value) ? { ...row, min: Number(c.value[0]), max: Number(c.value[1]) } : { ...row, min: Number(c.value) };
    if (c.field === 'seriousBadCredit') return { ...row, text: String(c.value) };
    return { ...row, text: Array.isArray(c.value) ? c.value.join(',') : String(c.value) };
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The rule of the rows ({all:[…]}), or null while no row is complete. */
export function ruleOf(rows: ConditionRow[]): unknown | null {
  const conditions = rows.map(conditionOf).filter((c) => c !== null);
  return conditions.length > 0 ? { all: conditions } : null;
}

/** The visual rule builder: one condition per row, all to be met, with the live count of matching enterprises. */
export function RuleBuilder({ rows, onChange }: { rows: ConditionRow[]; onChange: (rows: ConditionRow[]) => void }) {
  const rule = ruleOf(rows);
  const preview = useRulePreview(rule);
  const update = (key: number, change: Partial<ConditionRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const add = () => onChange([...rows, { key: Math.max(0, ...rows.map((r) => r.key)) + 1, field: 'sizeClass', op: 'in', text: '', min: null, max: null }]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rule-builder">
      <Typography.Text strong>{tpol.rule.title}</Typography.Text>
      {rows.map((row) => (
        <Space key={row.key} wrap data-testid="rule-row">
          <Select<RuleField>
            style={{ width: 180 }}
            value={row.field}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={tpol.rule.field}
            options={RULE_FIELDS.map((f) => ({ value: f, label: tpol.ruleFields[f] }))}
            onChange={(field) => update(row.key, { field, op: FIELD_OPS[field][0], text: field === 'seriousBadCredit' ? 'false' : '', min: null, max: null })}
          />
          <Select
            style={{ width: 110 }}
            value={row.op}
            aria-label={tpol.rule.op}
            options={FIELD_OPS[row.field].map((op) => ({ value: op, label: tpol.ops[op] ?? op }))}
            onChange={(op) => update(row.key, { op })}
          />
          {NUMERIC.includes(row.field) ? (
            <>
              <InputNumber min={0} value={row.min} aria-label={tpol.rule.value} onChange={(min) => update(row.key, { min })} />
              {row.op === 'between' && <InputNumber min={0} value={row.max} onChange={(max) => update(row.key, { max })} />}
            </>
          ) : row.field === 'sizeClass' ? (
            <Select
              mode="multiple"
              style={{ minWidth: 200 }}
              aria-label={tpol.rule.value}
              value={row.text ? row.text.split(',') : []}
              options={Object.entries(tpol.sizes).map(([value, label]) => ({ value, label }))}
              onChange={(values: string[]) => update(row.key, { text: values.join(',') })}
            />
          ) : row.field === 'seriousBadCredit' ? (
            <Select style={{ width: 100 }} value={row.text} aria-label={tpol.rule.value} options={[{ value: 'false', label: tpol.yesNo.false }, { value: 'true', label: tpol.yesNo.true }]} onChange={(text) => update(row.key, { text })} />
          ) : (
            <Input style={{ width: 240 }} value={row.text} aria-label={tpol.rule.value} placeholder={LIST_OPS.includes(row.op) ? tpol.rule.listHint : ''} onChange={(e) => update(row.key, { text: e.target.value })} />
          )}
          <Button onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>{tpol.rule.remove}</Button>
        </Space>
      ))}
      <Button type="dashed" onClick={add} data-testid="rule-add">
        {tpol.rule.add}
      </Button>
      {rule === null ? (
        <Typography.Text type="secondary">{tpol.rule.empty}</Typography.Text>
      ) : preview.isError ? (
        <Alert type="error" showIcon message={preview.error.message} />
      ) : preview.data ? (
        <Typography.Text strong data-testid="live-count">
          {tpol.rule.liveCount(preview.data.count)}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{tpol.rule.checking}</Typography.Text>
      )}
    </Space>
  );
}
