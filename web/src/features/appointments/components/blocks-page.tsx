import { App, Button, Popconfirm, Table } from 'antd';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDate } from '../../../lib/time.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import type { AppointmentBlockDto } from '../api.ts';
import { useBlocks, useLiftBlock } from '../queries.ts';

/** Applicants who may not book for a while after no-shows; a manager may lift a block early. */
export function BlocksPage() {
  const { me, can } = useAuth();
  const blocks = useBlocks(me.centerId);
  const lift = useLiftBlock();
  const { message } = App.useApp();
  const showError = useShowError();
  if (blocks.isError) return <QueryError error={blocks.error} onRetry={() => void blocks.refetch()} />;
  return (
    <Table<AppointmentBlockDto>
      rowKey="id"
      size="small"
      loading={blocks.isPending}
      dataSource={blocks.data}
      pagination={false}
      locale={{ emptyText: ty.blocks.empty }}
      data-testid="appointments-blocks"
      columns={[
        { title: ty.blocks.applicant, dataIndex: 'applicant' },
        { title: ty.blocks.noShows, dataIndex: 'noShows' },
        { title: ty.blocks.from, dataIndex: 'startsOn', render: (d: string) => formatDate(d) },
        { title: ty.blocks.until, dataIndex: 'endsOn', render: (d: string) => formatDate(d) },
        ...(can('appointment.capacity')
          ? [
              {
                title: '',
                render: (_: unknown, b: AppointmentBlockDto) => (
                  <Popconfirm title={ty.blocks.lift} onConfirm={() => lift.mutate(b.id, { onSuccess: () => void message.success(ty.capacity.saved), onError: showError })}>
                    <Button size="small">{ty.blocks.lift}</Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
