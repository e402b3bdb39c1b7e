import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { CalendarOverrideDto } from '@server/platform/calendar/contract.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDate, formatDateTime } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useOverrides, useRemoveOverride } from '../queries.ts';

type Props = {
  canManage: boolean;
  /** opens the form, for a new adjustment (no argument) or to replace one */
  onEdit: (initial: Partial<CalendarOverrideDto>) => void;
};

/** The administrators' adjustments to the national schedule. */
export function OverridesPanel({ canManage, onEdit }: Props) {
  const overrides = useOverrides(true);
  const remove = useRemoveOverride();
  const { message } = App.useApp();
  const showError = useShowError();

  const doRemove = async (date: string) => {
    try {
      await remove.mutateAsync(date);
      message.success(t.calendar.removed);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card
      title={t.calendar.overridesTitle}
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => onEdit({})}>
            {t.calendar.newOverride}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t.calendar.overridesHint}
        {canManage && ` ${t.calendar.clickToOverride}`}
      </Typography.Paragraph>
      {overrides.isError ? (
        <QueryError error={overrides.error} onRetry={() => void overrides.refetch()} />
      ) : (
        <Table<CalendarOverrideDto>
          rowKey="date"
          size="small"
          loading={overrides.isPending}
          dataSource={overrides.data}
          pagination={{ hideOnSinglePage: true, pageSize: 10 }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t.calendar.overrideDate, dataIndex: 'date', render: formatDate },
            {
              title: t.calendar.overrideKind,
              dataIndex: 'kind',
              render: (kind: CalendarOverrideDto['kind']) => (
                <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t.calendar.overrideKinds[kind]}</Tag>
              ),
            },
            { title: t.calendar.overrideNote, dataIndex: 'note' },
            { title: t.calendar.updatedBy, dataIndex: 'updatedBy' },
            { title: t.calendar.updatedAt, dataIndex: 'updatedAt', render: formatDateTime },
            ...(canManage
              ? [
                  {
                    title: t.common.actions,
                    key: 'actions',
                    render: (_: unknown, o: CalendarOverrideDto) => (
                      <>
                        <Button type="link" size="small" onClick={() => onEdit(o)}>
                          {t.common.edit}
                        </Button>
                        <Popconfirm title={t.calendar.removeConfirm} onConfirm={() => doRemove(o.date)}>
                          <Button type="link" size="small" danger>
                            {t.common.delete}
                          </Button>
                        </Popconfirm>
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
