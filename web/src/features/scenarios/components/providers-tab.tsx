import { Button, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { tsn } from '../../../locales/scenarios.zh-CN.ts';
import type { DecisionInput, ProviderDto, ProviderInput } from '../api.ts';
import { useDecideProvider, useProviders, useRegisterProvider } from '../queries.ts';

type Decision = DecisionInput['decision'];
const ACTIONS: Record<string, Decision[]> = { pending: ['approve', 'reject'], rejected: ['approve'], approved: ['suspend'], suspended: ['approve'] };

/** 服务机构: registered by staff, approved (or rejected, suspended) by the center manager; each with its referral figures. */
export function ProvidersTab() {
  const query = useProviders();
  const { can } = useAuth();
  const [isAdding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<{ provider: ProviderDto; decision: Decision } | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex>
        <Button type="primary" onClick={() => setAdding(true)} data-testid="add-provider">
          {tsn.provider.add}
        </Button>
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ProviderDto>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'provider-row' }) as object}
          columns={[
            { title: tsn.provider.name, render: (_, p) => <span data-testid="provider-name">{p.name}</span> },
            { title: tsn.provider.kind, render: (_, p) => tsn.kinds[p.kind] },
            { title: tsn.provider.uscc, dataIndex: 'uscc' },
            { title: tsn.provider.contactName, render: (_, p) => `${p.contactName} ${p.servicePhone}` },
            { title: tsn.provider.services, dataIndex: 'services', width: 260 },
            { title: tsn.provider.figures, render: (_, p) => <span data-testid="provider-figures">{tsn.provider.figuresText(p.figures)}</span> },
            {
              title: tsn.provider.state,
              render: (_, p) => (
                <Space size={4} wrap>
                  <Tag color={tsn.stateColors[p.state]} data-testid="provider-state">
                    {tsn.providerStates[p.state]}
                  </Tag>
                  {p.decisionNote && <Typography.Text type="secondary">{p.decisionNote}</Typography.Text>}
                  {can('scenario.approve') &&
                    (ACTIONS[p.state] ?? []).map((decision) => (
                      <Button key={decision} size="small" danger={decision !== 'approve'} onClick={() => setDeciding({ provider: p, decision })} data-testid={`provider-${decision}`}>
                        {tsn.provider[decision]}
                      </Button>
                    ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      {isAdding && <ProviderFormModal onClose={() => setAdding(false)} />}
      {deciding && <DecisionModal {...deciding} onClose={() => setDeciding(null)} />}
    </Flex>
  );
}

function ProviderFormModal({ onClose }: { onClose: () => void }) {
  const register = useRegisterProvider();
  return (
    <FormModal<ProviderInput> title={tsn.provider.add} onSubmit={register.mutateAsync} onClose={onClose}>
      <Form.Item name="name" label={tsn.provider.name} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} data-testid="provider-name-input" />
      </Form.Item>
      <Form.Item name="kind" label={tsn.provider.kind} rules={[{ required: true }]}>
        <Select data-testid="provider-kind" options={Object.entries(tsn.kinds).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="uscc" label={tsn.provider.uscc} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={18} data-testid="provider-uscc" />
      </Form.Item>
      <Form.Item name="contactName" label={tsn.provider.contactName} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={50} data-testid="provider-contact" />
      </Form.Item>
      <Form.Item name="servicePhone" label={tsn.provider.servicePhone} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={20} data-testid="provider-phone" />
      </Form.Item>
      <Form.Item name="services" label={tsn.provider.services} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="provider-services" />
      </Form.Item>
    </FormModal>
  );
}

function DecisionModal({ provider, decision, onClose }: { provider: ProviderDto; decision: Decision; onClose: () => void }) {
  const decide = useDecideProvider();
  const needsNote = decision !== 'approve';
  return (
    <FormModal<{ note?: string }>
      title={tsn.provider.decisionTitle(tsn.provider[decision], provider.name)}
      okText={tsn.provider[decision]}
      successText={tsn.provider.decided}
      onSubmit={(v) => decide.mutateAsync({ id: provider.id, body: { decision, note: v.note ?? '', version: provider.version } })}
      onClose={onClose}
    >
      <Form.Item name="note" label={tsn.provider.note} rules={needsNote ? [{ required: true, whitespace: true, message: tsn.provider.noteRequired }] : []}>
        <Input.TextArea rows={3} maxLength={500} data-testid="decision-note" />
      </Form.Item>
    </FormModal>
  );
}
