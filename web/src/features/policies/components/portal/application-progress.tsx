import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, List, Skeleton, Tag, Timeline, Typography, Upload } from 'antd';
import { QueryError } from '../../../../components/query-error.tsx';
import { describeError } from '../../../../components/use-show-error.ts';
import { formatDateTime } from '../../../../lib/time.ts';
import { tpol } from '../../../../locales/policies.zh-CN.ts';
import { useOwnProgress, useSupplyMaterial } from '../../queries.ts';

const OWED = ['missing', 'defective', 'deferred'];

/** One of the enterprise's applications: where it stands, its timeline in plain Chinese, and each material — what is still owed can be uploaded here. */
export function ApplicationProgress({ applicationId }: { applicationId: string }) {
  const { message } = App.useApp();
  const progress = useOwnProgress(applicationId);
  const supply = useSupplyMaterial(applicationId);
  if (progress.isError) return <QueryError error={progress.error} onRetry={() => void progress.refetch()} />;
  if (!progress.data) return <Skeleton active />;
  const p = progress.data;
  const canSupply = p.channel === 'online' && ['received', 'awaiting_supplement', 'review_supplement', 'in_review'].includes(p.state);
  return (
    <Flex vertical gap="middle" data-testid="application-progress">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={tpol.mine.state}>{p.stateLabel}</Descriptions.Item>
        <Descriptions.Item label={tpol.mine.checkCode}>{p.checkCode}</Descriptions.Item>
        {p.dueDate && <Descriptions.Item label={tpol.mine.dueDate}>{p.dueDate}</Descriptions.Item>}
      </Descriptions>
      <Typography.Text strong>{p.summary}</Typography.Text>
      <Timeline
        items={p.steps.map((s, i) => ({
          key: i,
          content: (
            <>
              <Typography.Text strong>{s.title}</Typography.Text>
              <Typography.Text type="secondary">{`\u3000${formatDateTime(s.at)}`}</Typography.Text>
              <div>{s.text}</div>
            </>
          ),
        }))}
      />
      <List
        size="small"
        header={tpol.mine.materials}
        dataSource={p.materials}
        renderItem={(m) => (
          <List.Item
            actions={
              canSupply && OWED.includes(m.status)
                ? [
                    <Upload
                      key="upload"
                      accept=".pdf,.jpg,.jpeg,.png"
                      showUploadList={false}
                      customRequest={({ file }) =>
                        supply.mutate({ key: m.key, file: file as File }, { onSuccess: () => void message.success(tpol.mine.supplied), onError: (err) => void message.error(describeError(err)) })
                      }
                    >
                      <Button size="small" icon={<UploadOutlined />} loading={supply.isPending && supply.variables?.key === m.key}>
                        {tpol.mine.supply}
                      </Button>
                    </Upload>,
                  ]
                : []
            }
          >
            <List.Item.Meta title={m.name} description={m.problem || undefined} />
            <Tag color={OWED.includes(m.status) ? 'orange' : 'green'}>{tpol.mine.materialStatuses[m.status]}</Tag>
          </List.Item>
        )}
      />
    </Flex>
  );
}
