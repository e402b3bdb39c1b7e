import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { describeError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tpol, yuan } from '../../../locales/policies.zh-CN.ts';
import type { Grant } from '../api.ts';
import { useGrants, useSetDisbursement, useVerifyGrants } from '../queries.ts';

const STATUS_COLORS: Record<Grant['status'], string> = { pending: 'gold', confirmed: 'green', rejected: 'red' };
const DISBURSEMENTS = ['in_progress', 'disbursed', 'failed'] as const;

/**
 * 免申即享核定 for the issuing department's chief officers: the grants of the policies their
 * department verifies (and those naming no department), confirmed or rejected with a reason one
 * by one or in bulk, then the disbursement recorded; the enterprise is told by SMS at each step.
 */
export function GrantVerificationPage() {
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const policyId = params.get('policyId') ?? undefined;
  const [status, setStatus] = useState<Grant['status'] | ''>('pending');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const grants = useGrants({ policyId, status: status || undefined, scope: 'mine', page });
  const verify = useVerifyGrants();
  const disburse = useSetDisbursement();

  const decide = (ids: string[], decision: 'confirm' | 'reject', reason = '') =>
    verify.mutate(
      { ids, decision, reason },
      {
        onSuccess: (done) => {
          void message.success(decision === 'confirm' ? tpol.grants.confirmed(done.length) : tpol.grants.rejected(done.length));
          setSelected((s) => s.filter((id) => !ids.includes(id)));
          setRejecting(null);
        },
        onError: (err) => void message.error(describeError(err)),
      },
    );

  return (
    <Card title={tpol.grants.title} data-testid="grant-verification">
      <Typography.Paragraph type="secondary">{tpol.grants.hint}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<Grant['status'] | ''>
          style={{ width: 160 }}
          aria-label={tpol.grants.filterStatus}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
            setSelected([]);
          }}
          options={[{ value: '', label: tpol.grants.allStatuses }, ...Object.entries(tpol.grants.statuses).map(([value, label]) => ({ value: value as Grant['status'], label }))]}
          data-testid="grant-status-filter"
        />
        <Button type="primary" disabled={selected.length === 0} loading={verify.isPending} onClick={() => decide(selected, 'confirm')} data-testid="grant-confirm-selected">
          {tpol.grants.confirmSelected(selected.length)}
        </Button>
        <Button danger disabled={selected.length === 0} onClick={() => setRejecting(selected)} data-testid="grant-reject-selected">
          {tpol.grants.rejectSelected(selected.length)}
        </Button>
      </Space>
      {grants.isError ? (
        <QueryError error={grants.error} onRetry={() => void grants.refetch()} />
      ) : (
        <Table<Grant>
          rowKey="id"
          size="small"
          loading={grants.isLoading}
          dataSource={grants.data?.items}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (g) => ({ disabled: g.status !== 'pending' }) }}
          pagination={{ current: page, pageSize: 50, total: grants.data?.total, onChange: setPage, showSizeChanger: false }}
          onRow={(g) => ({ 'data-testid': 'grant-row', 'data-uscc': g.uscc }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: tpol.grants.policy, dataIndex: 'policyTitle' },
            { title: tpol.grants.enterprise, dataIndex: 'enterpriseName' },
            { title: tpol.grants.amount, dataIndex: 'amount', render: (v: number, g) => <span title={g.amountBasis}>{yuan(v)}</span> },
            {
              title: tpol.grants.status,
              dataIndex: 'status',
              render: (s: Grant['status'], g) => (
                <Space direction="vertical" size={0}>
                  <Tag color={STATUS_COLORS[s]} data-testid="grant-status">{tpol.grants.statuses[s]}</Tag>
                  {g.rejectReason && <Typography.Text type="secondary">{g.rejectReason}</Typography.Text>}
                  {g.verifiedAt && <Typography.Text type="secondary">{`${g.verifiedBy ?? ''} ${formatDateTime(g.verifiedAt)}`}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: tpol.grants.disbursement,
              dataIndex: 'disbursement',
              render: (d: Grant['disbursement'], g) =>
                g.status === 'confirmed' && d !== 'disbursed' ? (
                  <Select<(typeof DISBURSEMENTS)[number]>
                    size="small"
                    style={{ width: 120 }}
                    aria-label={tpol.grants.setDisbursement}
                    placeholder={tpol.grants.disbursements[d]}
                    value={d === 'not_started' ? undefined : d}
                    loading={disburse.isPending && disburse.variables?.id === g.id}
                    options={DISBURSEMENTS.map((value) => ({ value, label: tpol.grants.disbursements[value] }))}
                    onChange={(value) =>
                      disburse.mutate({ id: g.id, disbursement: value }, { onSuccess: () => void message.success(tpol.grants.disbursementSaved), onError: (err) => void message.error(describeError(err)) })
                    }
                    data-testid="grant-disbursement"
                  />
                ) : (
                  <span data-testid="grant-disbursement-text">{tpol.grants.disbursements[d]}</span>
                ),
            },
            {
              title: '',
              key: 'actions',
              render: (_, g) =>
                g.status === 'pending' && (
                  <Space>
                    <Button size="small" type="link" onClick={() => decide([g.id], 'confirm')} data-testid="grant-confirm">
                      {tpol.grants.confirm}
                    </Button>
                    <Button size="small" type="link" danger onClick={() => setRejecting([g.id])} data-testid="grant-reject">
                      {tpol.grants.reject}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      )}
      {rejecting && <RejectModal count={rejecting.length} isPending={verify.isPending} error={verify.error} onCancel={() => setRejecting(null)} onReject={(reason) => decide(rejecting, 'reject', reason)} />}
    </Card>
  );
}

function RejectModal({ count, isPending, error, onCancel, onReject }: { count: number; isPending: boolean; error: unknown; onCancel: () => void; onReject: (reason: string) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open title={tpol.grants.rejectTitle(count)} okText={tpol.grants.reject} okButtonProps={{ danger: true, loading: isPending }} onCancel={onCancel} onOk={() => void form.validateFields().then((v) => onReject(v.reason.trim()))}>
      {error ? <Alert type="error" showIcon title={describeError(error)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={tpol.grants.reason} rules={[{ required: true, whitespace: true, message: tpol.grants.reasonRequired }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="grant-reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
