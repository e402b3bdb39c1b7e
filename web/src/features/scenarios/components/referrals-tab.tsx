import { Button, Flex, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { tsn } from '../../../locales/scenarios.zh-CN.ts';
import type { OutcomeInput, ReferralDto, StaffReferralInput } from '../api.ts';
import { useProviders, useRecordOutcome, useReferFor, useReferrals, useScenarios } from '../queries.ts';

/** 对接记录: every referral of the center, with its outcome (recorded here) and the enterprise's rating. */
export function ReferralsTab() {
  const query = useReferrals();
  const [isAdding, setAdding] = useState(false);
  const [recording, setRecording] = useState<ReferralDto | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex>
        <Button type="primary" onClick={() => setAdding(true)} data-testid="add-referral">
          {tsn.referral.add}
        </Button>
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ReferralDto>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'referral-row' }) as object}
          columns={[
            { title: tsn.referral.createdAt, render: (_, r) => formatDateTime(r.createdAt).slice(0, 16) },
            { title: tsn.referral.enterprise, render: (_, r) => <span data-testid="referral-enterprise">{r.enterpriseName}</span> },
            { title: tsn.referral.provider, render: (_, r) => `${r.providerName}（${tsn.kinds[r.providerKind]}）` },
            { title: tsn.referral.scenario, render: (_, r) => r.scenarioTitle ?? tsn.referral.none },
            { title: tsn.referral.need, render: (_, r) => <span data-testid="referral-need">{r.need}</span>, width: 240 },
            { title: tsn.referral.channel, render: (_, r) => tsn.channels[r.channel] },
            {
              title: tsn.referral.outcome,
              render: (_, r) => (
                <Space size={4} wrap>
                  <Tag color={tsn.outcomeColors[r.outcome]} data-testid="referral-outcome">
                    {tsn.outcomes[r.outcome]}
                  </Tag>
                  {r.outcomeSource && <Typography.Text type="secondary">{`${tsn.sources[r.outcomeSource]}${r.outcomeNote ? `：${r.outcomeNote}` : ''}`}</Typography.Text>}
                  {r.outcome === 'in_progress' && (
                    <Button size="small" onClick={() => setRecording(r)} data-testid="record-outcome">
                      {tsn.referral.record}
                    </Button>
                  )}
                </Space>
              ),
            },
            { title: tsn.referral.rating, render: (_, r) => (r.rating === null ? tsn.referral.none : <span data-testid="referral-rating">{`${r.rating} 分 ${r.ratingComment ?? ''}`}</span>) },
          ]}
        />
      )}
      {isAdding && <ReferForModal onClose={() => setAdding(false)} />}
      {recording && <OutcomeModal referral={recording} onClose={() => setRecording(null)} />}
    </Flex>
  );
}

function ReferForModal({ onClose }: { onClose: () => void }) {
  const refer = useReferFor();
  const providers = useProviders();
  const scenarios = useScenarios();
  return (
    <FormModal<StaffReferralInput> title={tsn.referral.add} onSubmit={(v) => refer.mutateAsync({ ...v, scenarioId: v.scenarioId ?? null })} onClose={onClose}>
      <Form.Item name="uscc" label={tsn.provider.uscc} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={18} data-testid="referral-uscc" />
      </Form.Item>
      <Form.Item name="providerId" label={tsn.referral.provider} rules={[{ required: true }]}>
        <Select data-testid="referral-provider" options={(providers.data ?? []).filter((p) => p.state === 'approved').map((p) => ({ value: p.id, label: `${p.name}（${tsn.kinds[p.kind]}）` }))} />
      </Form.Item>
      <Form.Item name="scenarioId" label={tsn.referral.scenario}>
        <Select allowClear options={(scenarios.data ?? []).filter((s) => s.published).map((s) => ({ value: s.id, label: s.title }))} />
      </Form.Item>
      <Form.Item name="need" label={tsn.referral.need} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="referral-need-input" />
      </Form.Item>
    </FormModal>
  );
}

function OutcomeModal({ referral, onClose }: { referral: ReferralDto; onClose: () => void }) {
  const record = useRecordOutcome();
  return (
    <FormModal<Omit<OutcomeInput, 'version'>>
      title={tsn.referral.recordTitle(referral.enterpriseName)}
      initialValues={{ outcome: 'served', source: 'staff' }}
      onSubmit={(v) => record.mutateAsync({ id: referral.id, body: { ...v, version: referral.version } })}
      onClose={onClose}
    >
      <Form.Item name="outcome" label={tsn.referral.outcome} rules={[{ required: true }]}>
        <Radio.Group data-testid="outcome-choice" options={(['served', 'not_reached'] as const).map((value) => ({ value, label: tsn.outcomes[value] }))} />
      </Form.Item>
      <Form.Item name="source" label={tsn.referral.source} rules={[{ required: true }]}>
        <Radio.Group options={(['staff', 'provider'] as const).map((value) => ({ value, label: tsn.sources[value] }))} />
      </Form.Item>
      <Form.Item name="note" label={tsn.referral.note}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="outcome-note" />
      </Form.Item>
    </FormModal>
  );
}
