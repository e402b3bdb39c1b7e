import { App, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error.tsx';
import { tpol } from '../../../locales/policies.zh-CN.ts';
import type { Policy, PolicyDraft } from '../api.ts';
import { useCreateAndPublish, usePolicies } from '../queries.ts';
import { RuleBuilder, ruleOf, type ConditionRow } from './rule-builder.tsx';

type Values = { title: string; issuingDepartment: string; kind: Policy['kind']; mode: Policy['mode']; validity?: [Dayjs, Dayjs]; amount?: number; interpretation?: string };

/** 政策库: the policy officer's list, and a new policy with its rule built visually and a live count. */
export function PoliciesPage() {
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState(false);
  const policies = usePolicies(page);
  return (
    <Card
      title={tpol.title}
      extra={
        <Button type="primary" onClick={() => setEditing(true)} data-testid="policy-create">
          {tpol.create}
        </Button>
      }
    >
      {policies.isError ? (
        <QueryError error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <Table<Policy>
          rowKey="id"
          loading={policies.isLoading}
          dataSource={policies.data?.items}
          pagination={{ current: page, pageSize: 20, total: policies.data?.total, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: tpol.columns.title, dataIndex: 'title' },
            { title: tpol.columns.department, dataIndex: 'issuingDepartment' },
            { title: tpol.columns.kind, dataIndex: 'kind', render: (k: Policy['kind']) => tpol.kinds[k] },
            { title: tpol.columns.mode, dataIndex: 'mode', render: (m: Policy['mode']) => <Tag color={m === 'auto' ? 'green' : 'blue'}>{tpol.modes[m]}</Tag> },
            { title: tpol.columns.status, dataIndex: 'status', render: (s: Policy['status']) => tpol.statuses[s] },
            { title: tpol.columns.matches, dataIndex: 'matchCount' },
            { title: tpol.columns.validTo, dataIndex: 'validTo' },
          ]}
        />
      )}
      <Drawer open={editing} onClose={() => setEditing(false)} title={tpol.create} width={860} destroyOnHidden>
        <PolicyEditor onDone={() => setEditing(false)} />
      </Drawer>
    </Card>
  );
}

function PolicyEditor({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [rows, setRows] = useState<ConditionRow[]>([]);
  const save = useCreateAndPublish();
  const submit = async (publish: boolean) => {
    const v = await form.validateFields();
    const draft: PolicyDraft = {
      title: v.title,
      issuingDepartment: v.issuingDepartment ?? '',
      kind: v.kind,
      mode: v.mode,
      validFrom: v.validity?.[0]?.format('YYYY-MM-DD') ?? null,
      validTo: v.validity?.[1]?.format('YYYY-MM-DD') ?? null,
      interpretation: v.interpretation ?? '',
      amountRule: { kind: 'fixed', amount: v.amount ?? 0 },
      rule: ruleOf(rows),
    };
    save.mutate(
      { draft, publish },
      {
        onSuccess: () => {
          void message.success(publish ? tpol.published : tpol.saved);
          onDone();
        },
        onError: (err) => void message.error(err.message),
      },
    );
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'subsidy', mode: 'apply' }}>
      <Form.Item name="title" label={tpol.fields.title} rules={[{ required: true, message: tpol.fields.title }]}>
        <Input maxLength={200} data-testid="policy-title" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="issuingDepartment" label={tpol.fields.issuingDepartment}>
          <Input maxLength={100} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="kind" label={tpol.fields.kind}>
          <Select style={{ width: 140 }} options={Object.entries(tpol.kinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="mode" label={tpol.fields.mode}>
          <Select style={{ width: 140 }} options={Object.entries(tpol.modes).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="amount" label={tpol.fields.amount}>
          <InputNumber min={0} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item name="validity" label={`${tpol.fields.validFrom} — ${tpol.fields.validTo}`}>
        <DatePicker.RangePicker data-testid="policy-validity" />
      </Form.Item>
      <Form.Item name="interpretation" label={tpol.fields.interpretation}>
        <Input.TextArea rows={3} maxLength={20000} />
      </Form.Item>
      <RuleBuilder rows={rows} onChange={setRows} />
      <Space style={{ marginTop: 24 }}>
        <Button loading={save.isPending} onClick={() => void submit(false)} disabled={ruleOf(rows) === null}>
          {tpol.saveDraft}
        </Button>
        <Button type="primary" loading={save.isPending} onClick={() => void submit(true)} disabled={ruleOf(rows) === null} data-testid="policy-publish">
          {tpol.publish}
        </Button>
      </Space>
    </Form>
  );
}
