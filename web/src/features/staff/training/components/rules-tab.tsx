import { App, Button, Flex, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { CounterPurpose } from '@server/modules/venue/contract.ts';
import type { Role } from '@server/platform/auth/roles.ts';
import { useAuth } from '../../../../app/auth-context.tsx';
import { FormModal } from '../../../../components/form-modal.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useShowError } from '../../../../components/use-show-error.ts';
import { ttr } from '../../../../locales/training.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import type { RuleDto, RuleInput } from '../api.ts';
import { useCreateRule, useDeleteRule, useRules } from '../queries.ts';

/** 上岗要求: which qualification a role must hold valid to open a counter of a purpose. */
export function RulesTab() {
  const { can } = useAuth();
  const rules = useRules();
  const remove = useDeleteRule();
  const showError = useShowError();
  const { message } = App.useApp();
  const [isAdding, setAdding] = useState(false);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={16}>
        <Typography.Text type="secondary">{ttr.rules.intro}</Typography.Text>
        {can('training.manage') && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="rule-add">
            {ttr.rules.add}
          </Button>
        )}
      </Flex>
      {rules.isError ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Table<RuleDto>
          rowKey="id"
          size="middle"
          pagination={false}
          loading={rules.isFetching}
          dataSource={rules.data}
          data-testid="rules"
          columns={[
            { title: ttr.fields.purpose, render: (_, r) => t.counterPurposes[r.purpose] },
            { title: ttr.fields.role, render: (_, r) => t.roles[r.role] },
            { title: ttr.fields.kind, dataIndex: 'kind' },
            ...(can('training.manage')
              ? [
                  {
                    title: '',
                    render: (_: unknown, r: RuleDto) => (
                      <Popconfirm
                        title={ttr.rules.confirmRemove}
                        onConfirm={() => remove.mutateAsync(r.id).then(() => void message.success(t.common.saved), showError)}
                        okText={ttr.rules.remove}
                        cancelText={t.common.cancel}
                      >
                        <Button size="small" danger data-testid="rule-remove">
                          {ttr.rules.remove}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {isAdding && <RuleFormModal onClose={() => setAdding(false)} />}
    </Flex>
  );
}

function RuleFormModal({ onClose }: { onClose: () => void }) {
  const create = useCreateRule();
  return (
    <FormModal<RuleInput> title={ttr.rules.add} onSubmit={(v) => create.mutateAsync(v)} onClose={onClose}>
      <Form.Item name="purpose" label={ttr.fields.purpose} rules={[{ required: true, message: ttr.fields.purpose }]}>
        <Select options={(Object.entries(t.counterPurposes) as [CounterPurpose, string][]).map(([value, label]) => ({ value, label }))} data-testid="rule-purpose" />
      </Form.Item>
      <Form.Item name="role" label={ttr.fields.role} rules={[{ required: true, message: ttr.fields.role }]}>
        <Select options={(Object.entries(t.roles) as [Role, string][]).map(([value, label]) => ({ value, label }))} data-testid="rule-role" />
      </Form.Item>
      <Form.Item name="kind" label={ttr.fields.kind} rules={[{ required: true, whitespace: true, message: ttr.fields.kind }]}>
        <Input maxLength={100} data-testid="rule-kind" />
      </Form.Item>
    </FormModal>
  );
}
