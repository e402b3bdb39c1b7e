import { Alert, Button, Checkbox, Input, InputNumber, Select, Space, Typography } from 'antd';
import { FIELD_OPS, RULE_FIELDS, type RuleField } from '@server/modules/policies/rules/rule.ts';
import { tpol } from '../../../locales/policies.zh-CN.ts';
import { useRulePreview } from '../queries.ts';

export type ConditionRow = { key: number; field: RuleField; op: string; text: string; min: number | null; max: number | null };

const NUMERIC: RuleField[] = ['registeredYears', 'employees', 'revenue', 'assets'];
const LIST_OPS = ['in', 'containsAny'];

/** A row as a rule condition, or null while it is incomplete. */
function conditionOf(row: ConditionRow): unknown {
  if (NUMERIC.includes(row.field)) {
    if (row.op === 'between') return row.min === null || row.max === null ? null : { field: row.field, op: row.op, value: [row.min, row.max] };
    return row.min === null ? null : { field: row.field, op: row.op, value: row.min };
  }
  if (row.field === 'seriousBadCredit') return { field: row.field, op: 'eq', value: row.text === 'true' };
  const values = row.text.split(/[,，、\s]+/).filter(Boolean);
  if (values.length === 0) return null;
  return { field: row.field, op: row.op, value: LIST_OPS.includes(row.op) ? values : values[0] };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A condition of the tree: one row; `negate` reads it as “不满足”. */
export type ConditionNode = ConditionRow & { kind: 'condition'; negate: boolean };
/** A group of the tree: all or any of its children, or (negate) not that. */
export type GroupNode = { key: number; kind: 'group'; mode: 'all' | 'any'; negate: boolean; children: RuleNode[] };
export type RuleNode = ConditionNode | GroupNode;

let nextKey = 1;
const newKey = () => nextKey++;

export const emptyRule = (): GroupNode => ({ key: newKey(), kind: 'group', mode: 'all', negate: false, children: [] });
export const newCondition = (): ConditionNode => ({ key: newKey(), kind: 'condition', negate: false, field: 'sizeClass', op: 'in', text: '', min: null, max: null });

function conditionNodeOf(c: { field: RuleField; op: string; value: unknown }): ConditionNode {
  const node: ConditionNode = { key: newKey(), kind: 'condition', negate: false, field: c.field, op: c.op, text: '', min: null, max: null };
  if (NUMERIC.includes(c.field)) return Array.isArray(c.value) ? { ...node, min: Number(c.value[0]), max: Number(c.value[1]) } : { ...node, min: Number(c.value) };
  if (c.field === 'seriousBadCredit') return { ...node, text: String(c.value) };
  return { ...node, text: Array.isArray(c.value) ? c.value.join(',') : String(c.value) };
}

function nodeOf(rule: unknown): RuleNode {
  if (isObject(rule) && 'not' in rule) {
    const inner = nodeOf(rule.not);
    return inner.negate ? { key: newKey(), kind: 'group', mode: 'all', negate: true, children: [inner] } : { ...inner, negate: true };
  }
  if (isObject(rule) && (Array.isArray(rule.all) || Array.isArray(rule.any))) {
    const mode = Array.isArray(rule.all) ? 'all' : 'any';
    return { key: newKey(), kind: 'group', mode, negate: false, children: ((rule[mode] as unknown[]) ?? []).map(nodeOf) };
  }
  return conditionNodeOf(rule as { field: RuleField; op: string; value: unknown });
}

/** The builder's tree of a saved rule: any rule of the exchange format, nested groups and negations included. */
export function treeOf(rule: unknown): GroupNode {
  const node = nodeOf(rule);
  return node.kind === 'group' && !node.negate ? node : { ...emptyRule(), children: [node] };
}

/** The rule of a node, or null while it holds no complete condition (an empty group is left out). */
function ruleOfNode(node: RuleNode): unknown | null {
  const rule = node.kind === 'condition' ? conditionOf(node) : groupRule(node);
  return rule === null ? null : node.negate ? { not: rule } : rule;
}

function groupRule(group: GroupNode): unknown | null {
  const children = group.children.map(ruleOfNode).filter((r) => r !== null);
  return children.length === 0 ? null : { [group.mode]: children };
}

/** The rule of the tree (`{"all":[…]}` or `{"any":[…]}` at the top), or null while no condition is complete. */
export function ruleOfTree(root: GroupNode): unknown | null {
  return ruleOfNode(root);
}

/** The tree with one node replaced (by key), or removed when `next` is null. */
function replaceNode(group: GroupNode, key: number, next: RuleNode | null): GroupNode {
  return {
    ...group,
    children: group.children.flatMap((child) => (child.key === key ? (next ? [next] : []) : child.kind === 'group' ? [replaceNode(child, key, next)] : [child])),
  };
}

/** The visual rule builder: conditions in groups (all or any of them, or not), nested as deep as needed, with the live count of matching enterprises. */
export function RuleBuilder({ root, onChange }: { root: GroupNode; onChange: (root: GroupNode) => void }) {
  const rule = ruleOfTree(root);
  const preview = useRulePreview(rule);
  const change = (node: RuleNode) => onChange(node.key === root.key ? (node as GroupNode) : replaceNode(root, node.key, node));
  const remove = (key: number) => onChange(replaceNode(root, key, null));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rule-builder">
      <Typography.Text strong>{tpol.rule.title}</Typography.Text>
      <GroupEditor group={root} isRoot onChange={change} onRemove={remove} />
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

type NodeProps = { onChange: (node: RuleNode) => void; onRemove: (key: number) => void };

function GroupEditor({ group, isRoot = false, onChange, onRemove }: { group: GroupNode; isRoot?: boolean } & NodeProps) {
  const set = (change: Partial<GroupNode>) => onChange({ ...group, ...change });
  return (
    <Space
      direction="vertical"
      style={{ width: '100%', ...(isRoot ? {} : { borderLeft: '3px solid #d9d9d9', paddingLeft: 12 }) }}
      data-testid={isRoot ? 'rule-root' : 'rule-group'}
    >
      <Space wrap>
        <Checkbox checked={group.negate} onChange={(e) => set({ negate: e.target.checked })} data-testid="rule-group-negate">
          {tpol.rule.notGroup}
        </Checkbox>
        <Select<'all' | 'any'>
          style={{ width: 200 }}
          value={group.mode}
          aria-label={tpol.rule.mode}
          data-testid="rule-group-mode"
          options={[
            { value: 'all', label: tpol.rule.modes.all },
            { value: 'any', label: tpol.rule.modes.any },
          ]}
          onChange={(mode) => set({ mode })}
        />
        {!isRoot && <Button onClick={() => onRemove(group.key)}>{tpol.rule.removeGroup}</Button>}
      </Space>
      {group.children.map((child) =>
        child.kind === 'group' ? (
          <GroupEditor key={child.key} group={child} onChange={onChange} onRemove={onRemove} />
        ) : (
          <ConditionEditor key={child.key} row={child} onChange={onChange} onRemove={onRemove} />
        ),
      )}
      <Space>
        <Button type="dashed" onClick={() => set({ children: [...group.children, newCondition()] })} data-testid={isRoot ? 'rule-add' : 'rule-group-add'}>
          {tpol.rule.add}
        </Button>
        <Button type="dashed" onClick={() => set({ children: [...group.children, { ...emptyRule(), children: [newCondition()] }] })} data-testid={isRoot ? 'rule-add-group' : 'rule-group-add-group'}>
          {tpol.rule.addGroup}
        </Button>
      </Space>
    </Space>
  );
}

function ConditionEditor({ row, onChange, onRemove }: { row: ConditionNode } & NodeProps) {
  const update = (change: Partial<ConditionNode>) => onChange({ ...row, ...change });
  return (
    <Space wrap data-testid="rule-row">
      <Select<RuleField>
        style={{ width: 180 }}
        value={row.field}
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={tpol.rule.field}
        options={RULE_FIELDS.map((f) => ({ value: f, label: tpol.ruleFields[f] }))}
        onChange={(field) => update({ field, op: FIELD_OPS[field][0], text: field === 'seriousBadCredit' ? 'false' : '', min: null, max: null })}
      />
      <Select
        style={{ width: 110 }}
        value={row.op}
        aria-label={tpol.rule.op}
        options={FIELD_OPS[row.field].map((op) => ({ value: op, label: tpol.ops[op] ?? op }))}
        onChange={(op) => update({ op })}
      />
      {NUMERIC.includes(row.field) ? (
        <>
          <InputNumber min={0} value={row.min} aria-label={tpol.rule.value} onChange={(min) => update({ min })} />
          {row.op === 'between' && <InputNumber min={0} value={row.max} aria-label={tpol.rule.max} onChange={(max) => update({ max })} />}
        </>
      ) : row.field === 'sizeClass' ? (
        <Select
          mode="multiple"
          style={{ minWidth: 200 }}
          aria-label={tpol.rule.value}
          value={row.text ? row.text.split(',') : []}
          options={Object.entries(tpol.sizes).map(([value, label]) => ({ value, label }))}
          onChange={(values: string[]) => update({ text: values.join(',') })}
        />
      ) : row.field === 'seriousBadCredit' ? (
        <Select style={{ width: 100 }} value={row.text} aria-label={tpol.rule.value} options={[{ value: 'false', label: tpol.yesNo.false }, { value: 'true', label: tpol.yesNo.true }]} onChange={(text) => update({ text })} />
      ) : (
        <Input style={{ width: 240 }} value={row.text} aria-label={tpol.rule.value} placeholder={LIST_OPS.includes(row.op) ? tpol.rule.listHint : ''} onChange={(e) => update({ text: e.target.value })} />
      )}
      <Checkbox checked={row.negate} onChange={(e) => update({ negate: e.target.checked })} data-testid="rule-negate">
        {tpol.rule.notCondition}
      </Checkbox>
      <Button onClick={() => onRemove(row.key)}>{tpol.rule.remove}</Button>
    </Space>
  );
}
