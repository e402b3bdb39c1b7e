import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { describeError } from '../../../components/use-show-error.ts';
import { tpol } from '../../../locales/policies.zh-CN.ts';
import type { AmountRule, Policy, PolicyDraft } from '../api.ts';
import { usePolicyOptions, useSavePolicy } from '../queries.ts';
import { emptyRule, RuleBuilder, ruleOfTree, treeOf, type GroupNode } from './rule-builder.tsx';

type Values = {
  title: string;
  issuingDepartment?: string;
  kind: Policy['kind'];
  mode: Policy['mode'];
  legalBasisName?: string;
  legalBasisNumber?: string;
  summary?: string;
  validity?: [Dayjs, Dayjs];
  amountKind: AmountRule['kind'];
  amount?: number | null;
  perEmployee?: number | null;
  figure?: 'revenue' | 'assets';
  rate?: number | null;
  cap?: number | null;
  interpretation?: string;
  /** '' stands for none (a select's option cannot hold null) */
  departmentId?: string;
  itemId?: string;
  materials?: PolicyMaterial[];
};
type PolicyMaterial = Policy['materials'][number];

/** A material the officer adds: the catalog's material model with its usual defaults. */
const newMaterial = (n: number): PolicyMaterial => ({
  key: `m${n}`,
  name: '',
  importance: 'core',
  form: 'copy',
  copies: 1,
  medium: 'either',
  licenseType: null,
  templateFileId: null,
  sampleFileId: null,
  notes: '',
});

function initialValues(p: Policy | undefined): Partial<Values> {
  if (!p) return { kind: 'subsidy', mode: 'apply', amountKind: 'fixed', figure: 'revenue', departmentId: '', itemId: '', materials: [] };
  const a = p.amountRule;
  return {
    title: p.title,
    issuingDepartment: p.issuingDepartment,
    kind: p.kind,
    mode: p.mode,
    legalBasisName: p.legalBasisName,
    legalBasisNumber: p.legalBasisNumber,
    summary: p.summary,
    validity: p.validFrom && p.validTo ? [dayjs(p.validFrom), dayjs(p.validTo)] : undefined,
    amountKind: a.kind,
    amount: a.kind === 'fixed' ? a.amount : null,
    perEmployee: a.kind === 'per_employee' ? a.perEmployee : null,
    figure: a.kind === 'share' ? a.figure : 'revenue',
    rate: a.kind === 'share' ? Math.round(a.rate * 10000) / 100 : null,
    cap: a.kind === 'fixed' ? null : a.cap,
    interpretation: p.interpretation,
    departmentId: p.departmentId ?? '',
    itemId: p.itemId ?? '',
    materials: p.materials,
  };
}

function amountRuleOf(v: Values): AmountRule {
  switch (v.amountKind) {
    case 'fixed':
      return { kind: 'fixed', amount: v.amount ?? 0 };
    case 'per_employee':
      return { kind: 'per_employee', perEmployee: v.perEmployee ?? 0, cap: v.cap ?? null };
    case 'share':
      return { kind: 'share', figure: v.figure ?? 'revenue', rate: (v.rate ?? 0) / 100, cap: v.cap ?? null };
  }
}

/**
 * The policy officer's editor: a new policy (saved as a draft or published at once) or the changes
 * to one; the rule built visually — conditions in nested groups, all or any of them, or not —
 * with the live count of matching enterprises.
 */
export function PolicyEditor({ policy, onDone }: { policy?: Policy; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [root, setRoot] = useState<GroupNode>(() => (policy ? treeOf(policy.rule) : emptyRule()));
  const options = usePolicyOptions();
  const save = useSavePolicy();
  const mode = Form.useWatch('mode', form) ?? policy?.mode ?? 'apply';
  const amountKind = Form.useWatch('amountKind', form) ?? policy?.amountRule.kind ?? 'fixed';
  const rule = ruleOfTree(root);

  const submit = async (publish: boolean) => {
    const v = await form.validateFields();
    const draft: PolicyDraft = {
      title: v.title,
      issuingDepartment: v.issuingDepartment ?? '',
      kind: v.kind,
      mode: v.mode,
      legalBasisName: v.legalBasisName ?? '',
      legalBasisNumber: v.legalBasisNumber ?? '',
      summary: v.summary ?? '',
      validFrom: v.validity?.[0]?.format('YYYY-MM-DD') ?? null,
      validTo: v.validity?.[1]?.format('YYYY-MM-DD') ?? null,
      interpretation: v.interpretation ?? '',
      amountRule: amountRuleOf(v),
      departmentId: v.departmentId || null,
      itemId: v.mode === 'apply' ? v.itemId || null : null,
      materials: v.mode === 'apply' ? (v.materials ?? []).map((m) => ({ ...m, name: m.name.trim(), notes: (m.notes ?? '').trim() })) : [],
      rule,
    };
    save.mutate(
      { id: policy?.id, version: policy?.version, draft, publish },
      {
        onSuccess: (saved) => {
          void message.success(saved.status === 'published' && publish ? tpol.published : tpol.saved);
          onDone();
        },
        onError: (err) => void message.error(describeError(err)),
      },
    );
  };
  const canPublish = !policy || policy.status === 'draft';
  return (
    <Form form={form} layout="vertical" initialValues={initialValues(policy)} data-testid="policy-editor">
      <Form.Item name="title" label={tpol.fields.title} rules={[{ required: true, whitespace: true, message: tpol.fields.title }]}>
        <Input maxLength={200} data-testid="policy-title" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="issuingDepartment" label={tpol.fields.issuingDepartment}>
          <Input maxLength={100} style={{ width: 280 }} data-testid="policy-issuer" />
        </Form.Item>
        <Form.Item name="kind" label={tpol.fields.kind}>
          <Select style={{ width: 140 }} options={Object.entries(tpol.kinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="mode" label={tpol.fields.mode}>
          <Select style={{ width: 140 }} options={Object.entries(tpol.modes).map(([value, label]) => ({ value, label }))} data-testid="policy-mode" />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="legalBasisName" label={tpol.fields.legalBasisName}>
          <Input maxLength={200} style={{ width: 360 }} />
        </Form.Item>
        <Form.Item name="legalBasisNumber" label={tpol.fields.legalBasisNumber}>
          <Input maxLength={100} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="validity" label={tpol.fields.validity}>
          <DatePicker.RangePicker data-testid="policy-validity" />
        </Form.Item>
      </Space>
      <Space wrap align="end">
        <Form.Item name="amountKind" label={tpol.fields.amountKind}>
          <Select style={{ width: 200 }} options={Object.entries(tpol.amountKinds).map(([value, label]) => ({ value, label }))} data-testid="policy-amount-kind" />
        </Form.Item>
        {amountKind === 'fixed' && (
          <Form.Item name="amount" label={tpol.fields.amount}>
            <InputNumber min={0} style={{ width: 160 }} data-testid="policy-amount" />
          </Form.Item>
        )}
        {amountKind === 'per_employee' && (
          <Form.Item name="perEmployee" label={tpol.fields.perEmployee} rules={[{ required: true, message: tpol.fields.perEmployee }]}>
            <InputNumber min={0} style={{ width: 140 }} data-testid="policy-per-employee" />
          </Form.Item>
        )}
        {amountKind === 'share' && (
          <>
            <Form.Item name="figure" label={tpol.fields.figure}>
              <Select style={{ width: 120 }} options={Object.entries(tpol.amountFigures).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="rate" label={tpol.fields.rate} rules={[{ required: true, message: tpol.fields.rate }]}>
              <InputNumber min={0.01} max={100} style={{ width: 120 }} />
            </Form.Item>
          </>
        )}
        {amountKind !== 'fixed' && (
          <Form.Item name="cap" label={tpol.fields.cap}>
            <InputNumber min={0} style={{ width: 160 }} />
          </Form.Item>
        )}
      </Space>
      <Space wrap>
        <Form.Item name="departmentId" label={tpol.fields.department}>
          <Select
            style={{ width: 320 }}
            loading={options.isLoading}
            options={[{ value: '', label: tpol.fields.departmentNone }, ...(options.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))]}
            data-testid="policy-department"
          />
        </Form.Item>
        {mode === 'apply' && (
          <Form.Item name="itemId" label={tpol.fields.item}>
            <Select
              style={{ width: 360 }}
              showSearch={{ optionFilterProp: 'label' }}
              loading={options.isLoading}
              options={[
                { value: '', label: tpol.fields.itemNone },
                ...(options.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}${i.isOnline ? '' : tpol.fields.itemOffline}`, disabled: !i.isOnline })),
              ]}
              data-testid="policy-item"
            />
          </Form.Item>
        )}
      </Space>
      {mode === 'apply' && (
        <Form.Item label={tpol.fields.materials} extra={tpol.fields.materialsHint}>
          <Form.List name="materials">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: tpol.fields.materialName }]}>
                      <Input placeholder={tpol.fields.materialName} maxLength={100} style={{ width: 260 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'importance']}>
                      <Select style={{ width: 110 }} options={[{ value: 'core', label: tpol.apply.core }, { value: 'secondary', label: tpol.apply.secondary }]} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'notes']}>
                      <Input placeholder={tpol.fields.materialNotes} maxLength={500} style={{ width: 300 }} />
                    </Form.Item>
                    <MinusCircleOutlined aria-label={tpol.rule.remove} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add(newMaterial(Math.max(0, ...(form.getFieldValue('materials') as PolicyMaterial[] | undefined ?? []).map((m) => Number(m.key.slice(1)) || 0)) + 1))}
                >
                  {tpol.fields.addMaterial}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      )}
      <Form.Item name="summary" label={tpol.fields.summary}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="interpretation" label={tpol.fields.interpretation}>
        <Input.TextArea rows={5} maxLength={20000} data-testid="policy-interpretation" />
      </Form.Item>
      <RuleBuilder root={root} onChange={setRoot} />
      <Space style={{ marginTop: 24 }}>
        <Button loading={save.isPending} onClick={() => void submit(false)} disabled={rule === null} data-testid="policy-save">
          {canPublish ? tpol.saveDraft : tpol.save}
        </Button>
        {canPublish && (
          <Button type="primary" loading={save.isPending} onClick={() => void submit(true)} disabled={rule === null} data-testid="policy-publish">
            {tpol.publish}
          </Button>
        )}
      </Space>
    </Form>
  );
}
