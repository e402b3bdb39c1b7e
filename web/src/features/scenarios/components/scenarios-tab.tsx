import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { tsn } from '../../../locales/scenarios.zh-CN.ts';
import type { ScenarioDto, ScenarioInput } from '../api.ts';
import { useCreateScenario, useProviders, useScenarios, useUpdateScenario } from '../queries.ts';

/** 一类事场景: the center's items and bundles joined with professional service kinds and approved providers; published or not. */
export function ScenariosTab() {
  const query = useScenarios();
  const [editing, setEditing] = useState<ScenarioDto | 'new' | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="add-scenario">
          {tsn.scenario.add}
        </Button>
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ScenarioDto>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'scenario-row' }) as object}
          columns={[
            { title: tsn.scenario.name, render: (_, s) => <span data-testid="scenario-title">{s.title}</span> },
            { title: tsn.scenario.entries, render: (_, s) => s.entries.map((e) => `${e.name}（${e.code}）`).join('、') },
            { title: tsn.scenario.serviceKinds, render: (_, s) => s.serviceKinds.map((k) => tsn.kinds[k]).join('、') },
            {
              title: tsn.scenario.providers,
              render: (_, s) => (
                <Space size={4} wrap>
                  {s.providers.map((p) => (
                    <Tag key={p.id} color={p.state === 'approved' ? undefined : 'red'}>
                      {p.state === 'approved' ? p.name : `${p.name}（${tsn.providerStates[p.state]}）`}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: tsn.scenario.published, render: (_, s) => (s.published ? <Tag color="green">{tsn.scenario.isPublished}</Tag> : <Tag>{tsn.scenario.unpublished}</Tag>) },
            {
              title: '',
              render: (_, s) => (
                <Button size="small" onClick={() => setEditing(s)} data-testid="edit-scenario">
                  {tsn.scenario.edit}
                </Button>
              ),
            },
          ]}
        />
      )}
      {editing && <ScenarioFormModal scenario={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

function ScenarioFormModal({ scenario, onClose }: { scenario: ScenarioDto | null; onClose: () => void }) {
  const create = useCreateScenario();
  const update = useUpdateScenario();
  const providers = useProviders();
  const approved = (providers.data ?? []).filter((p) => p.state === 'approved');
  const initialValues: Partial<ScenarioInput> = scenario
    ? { title: scenario.title, description: scenario.description, entries: scenario.entries.map(({ kind, code }) => ({ kind, code })), serviceKinds: scenario.serviceKinds, providerIds: scenario.providers.map((p) => p.id), published: scenario.published }
    : { entries: [{ kind: 'item', code: '' }], serviceKinds: [], providerIds: [], published: false };
  const submit = (v: ScenarioInput) => (scenario ? update.mutateAsync({ id: scenario.id, body: { ...v, version: scenario.version } }) : create.mutateAsync(v));
  return (
    <FormModal<ScenarioInput> title={scenario ? scenario.title : tsn.scenario.add} initialValues={initialValues} onSubmit={submit} onClose={onClose} width={720}>
      <Form.Item name="title" label={tsn.scenario.name} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} data-testid="scenario-title-input" />
      </Form.Item>
      <Form.Item name="description" label={tsn.scenario.description} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="scenario-description" />
      </Form.Item>
      <Form.Item label={tsn.scenario.entries} extra={tsn.scenario.entryHint} required>
        <Form.List name="entries">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'kind']} noStyle>
                    <Select style={{ width: 100 }} options={Object.entries(tsn.scenario.entryKind).map(([value, label]) => ({ value, label }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'code']} noStyle rules={[{ required: true, whitespace: true }]}>
                    <Input style={{ width: 200 }} maxLength={50} data-testid="scenario-entry-code" />
                  </Form.Item>
                  {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'item', code: '' })} style={{ width: 160 }}>
                {tsn.scenario.addEntry}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="serviceKinds" label={tsn.scenario.serviceKinds} rules={[{ required: true }]}>
        <Select mode="multiple" data-testid="scenario-kinds" options={Object.entries(tsn.kinds).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="providerIds" label={tsn.scenario.providers}>
        <Select mode="multiple" data-testid="scenario-providers" loading={providers.isPending} options={approved.map((p) => ({ value: p.id, label: `${p.name}（${tsn.kinds[p.kind]}）` }))} />
      </Form.Item>
      <Form.Item name="published" label={tsn.scenario.published} valuePropName="checked">
        <Switch data-testid="scenario-published" />
      </Form.Item>
    </FormModal>
  );
}
