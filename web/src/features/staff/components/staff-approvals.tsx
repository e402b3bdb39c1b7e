import { App, Alert, Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { StaffApprovalDto } from '@server/modules/staff/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useDecideStaffChange, useStaffApprovals } from '../queries.ts';

const STATE_COLORS: Record<string, string> = { pending: 'orange', approved: 'green', rejected: 'default' };

/** 待批准的账户变更: what one administrator asked for and a second one approves (or rejects); shown when there are any. */
export function StaffApprovals() {
  const { me } = useAuth();
  const approvals = useStaffApprovals(true);
  const decide = useDecideStaffChange();
  const { message } = App.useApp();
  const showError = useShowError();
  const ta = t.staff.approvals;
  if (approvals.isError) return <QueryError error={approvals.error} onRetry={() => void approvals.refetch()} />;
  if (!approvals.data?.length) return null;

  const run = async (row: StaffApprovalDto, decision: 'approve' | 'reject') => {
    try {
      await decide.mutateAsync({ id: row.id, decision });
      message.success(decision === 'approve' ? ta.approved : row.requestedBy === me.id ? ta.withdrawn : ta.rejected);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card title={ta.title} size="small" style={{ marginBottom: 16 }} data-testid="staff-approvals">
      <Alert type="info" showIcon title={ta.hint} style={{ marginBottom: 12 }} />
      <Table<StaffApprovalDto>
        rowKey="id"
        size="small"
        pagination={{ hideOnSinglePage: true, defaultPageSize: 10 }}
        dataSource={approvals.data}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: ta.staff, dataIndex: 'staffName' },
          {
            title: ta.change,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <span>{ta.kinds[row.kind]}（{ta.reasons[row.reason]}）</span>
                {row.roles && <span>{ta.rolesTo(row.roles.map((r) => t.roles[r]).join('、'))}</span>}
              </Space>
            ),
          },
          { title: ta.requestedBy, dataIndex: 'requestedByName' },
          { title: ta.requestedAt, dataIndex: 'requestedAt', render: (v: string) => formatDateTime(v) },
          { title: ta.state, dataIndex: 'state', render: (v: string) => <Tag color={STATE_COLORS[v]}>{ta.states[v]}</Tag> },
          {
            title: t.common.actions,
            render: (_, row) =>
              row.state === 'pending' && (
                <Space>
                  {row.requestedBy === me.id ? (
                    <Tooltip title={ta.ownRequest}>
                      <Button size="small" disabled>
                        {ta.approve}
                      </Button>
                    </Tooltip>
                  ) : (
                    <Popconfirm title={ta.approveConfirm} onConfirm={() => run(row, 'approve')}>
                      <Button size="small" type="primary" data-testid={`approve-${row.id}`}>
                        {ta.approve}
                      </Button>
                    </Popconfirm>
                  )}
                  <Button size="small" onClick={() => run(row, 'reject')}>
                    {row.requestedBy === me.id ? ta.withdraw : ta.reject}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
