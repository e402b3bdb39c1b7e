import { Card, Flex, List, Spin, Tag, Typography } from 'antd';
import { QueryError } from '../../../components/query-error.tsx';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import { usePublicImprovements } from '../queries.ts';

const STATE_COLORS: Record<string, string> = { open: 'orange', submitted: 'blue', passed: 'green' };

/** 改进公示 on the portal and the kiosk: what the center improves and how far it got, without personal data. */
export function PublicImprovementsPage() {
  const query = usePublicImprovements();
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Spin />;
  return (
    <Card title={tfb.improvements.publicTitle}>
      <Typography.Paragraph type="secondary">{tfb.improvements.publicIntro}</Typography.Paragraph>
      <List
        data-testid="public-improvements"
        dataSource={query.data}
        renderItem={(i) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Flex gap={8} wrap align="center">
                  <span>{i.target}</span>
                  <Tag>{tfb.improvements.sources[i.sourceType]}</Tag>
                  <Tag color={STATE_COLORS[i.state]}>{tfb.improvements.states[i.state]}</Tag>
                </Flex>
              }
              description={`${i.departmentName ? `${i.departmentName} · ` : ''}${i.measures}（${tfb.improvements.dueOn} ${i.dueOn}）`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
