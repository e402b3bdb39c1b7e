import { Button, Checkbox, Flex, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { ttal } from '../../../locales/talent.zh-CN.ts';
import type { RequestDto } from '../api.ts';
import { useOpenRequest, useProfiles, useRequests } from '../queries.ts';

/** 人才服务台账: every request with its state, due date and overdue flag; open a new one. */
export function RequestsTab() {
  const [state, setState] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [isAdding, setAdding] = useState(false);
  const query = useRequests({ state, kind, overdue });
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Select style={{ width: 140 }} allowClear placeholder={ttal.request.allStates} value={state} onChange={setState} options={Object.entries(ttal.states).map(([value, label]) => ({ value, label }))} />
        <Select style={{ width: 140 }} allowClear placeholder={ttal.request.allKinds} value={kind} onChange={setKind} options={Object.entries(ttal.kinds).map(([value, label]) => ({ value, label }))} />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          {ttal.request.onlyOverdue}
        </Checkbox>
        <Button type="primary" onClick={() => setAdding(true)} data-testid="add-request">
          {ttal.request.add}
        </Button>
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <RequestTable rows={query.data} loading={query.isFetching} />
      )}
      {isAdding && <RequestFormModal onClose={() => setAdding(false)} />}
    </Flex>
  );
}

export function RequestTable({ rows, loading, compact }: { rows: RequestDto[] | undefined; loading?: boolean; compact?: boolean }) {
  return (
    <Table<RequestDto>
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      loading={loading}
      dataSource={rows}
      pagination={compact ? false : undefined}
      data-testid="talent-requests"
      scroll={{ x: 'max-content' }}
      columns={[
        { title: ttal.request.talent, render: (_, r) => <Link to={`/talent/requests/${r.id}`} data-testid="request-link">{r.personName}</Link> },
        { title: ttal.request.kind, render: (_, r) => ttal.kinds[r.kind] },
        ...(compact ? [] : [{ title: ttal.request.summary, dataIndex: 'summary' as const, ellipsis: true }]),
        { title: ttal.request.state, render: (_, r) => <Tag color={ttal.stateColors[r.state]} data-testid="request-state">{ttal.states[r.state]}</Tag> },
        ...(compact ? [] : [{ title: ttal.request.submittedOn, dataIndex: 'submittedOn' as const }]),
        { title: ttal.request.dueOn, render: (_, r) => <Flex gap={4}>{r.dueOn}{r.overdue && <Tag color="red">{ttal.request.overdue}</Tag>}</Flex> },
      ]}
    />
  );
}

type Values = { profileId: string; kind: string; summary: string };

function RequestFormModal({ onClose }: { onClose: () => void }) {
  const profiles = useProfiles({});
  const open = useOpenRequest();
  const navigate = useNavigate();
  const eligible = (profiles.data ?? []).filter((p) => p.state === 'verified' && p.isValid);
  const submit = async (v: Values) => {
    const created = await open.mutateAsync({ profileId: v.profileId, kind: v.kind as never, summary: v.summary });
    navigate(`/talent/requests/${created.id}`);
  };
  return (
    <FormModal<Values> title={ttal.request.add} onSubmit={submit} onClose={onClose}>
      <Form.Item name="profileId" label={ttal.request.talent} rules={[{ required: true, message: ttal.request.talent }]} extra={profiles.data && eligible.length === 0 ? ttal.request.noVerified : undefined}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={profiles.isLoading}
          options={eligible.map((p) => ({ value: p.id, label: `${p.personName}（${ttal.categories[p.category]}，${p.employerName}）` }))}
          data-testid="request-profile"
        />
      </Form.Item>
      <Form.Item name="kind" label={ttal.request.kind} rules={[{ required: true, message: ttal.request.kind }]}>
        <Select options={Object.entries(ttal.kinds).map(([value, label]) => ({ value, label }))} data-testid="request-kind" />
      </Form.Item>
      <Form.Item name="summary" label={ttal.request.summary} rules={[{ required: true, whitespace: true, message: ttal.request.summary }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="request-summary" />
      </Form.Item>
    </FormModal>
  );
}
