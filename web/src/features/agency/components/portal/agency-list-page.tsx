import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, List, Skeleton, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { tag } from '../../../../locales/agency.zh-CN.ts';
import { meQuery } from '../../../auth/queries.ts';
import { usePublicAgencyItems } from '../../queries.ts';

/** 帮办代办高频服务清单 on the portal: each item with what the agent does and what the enterprise keeps doing, and the way to ask. */
export function PortalAgencyListPage() {
  const items = usePublicAgencyItems();
  const navigate = useNavigate();
  const { data: me } = useQuery(meQuery);
  const isEnterprise = me?.type === 'enterprise';
  const ask = (itemId: string) => {
    const path = `/portal/my-agency?item=${itemId}`;
    void navigate(isEnterprise ? path : '/portal/login', { state: { from: path } });
  };
  if (items.isError) return <QueryError error={items.error} onRetry={() => void items.refetch()} />;
  if (!items.data) return <Skeleton active />;
  const t = tag.items;
  return (
    <Card title={tag.portal.title}>
      <Typography.Paragraph>{tag.portal.intro}</Typography.Paragraph>
      <List
        dataSource={items.data.items}
        renderItem={(i) => (
          <List.Item
            data-testid="portal-agency-item"
            data-name={i.name}
            actions={[
              <Button key="ask" type="primary" onClick={() => ask(i.itemId)} data-testid="portal-agency-ask">
                {isEnterprise ? tag.portal.ask : tag.portal.loginToAsk}
              </Button>,
            ]}
          >
            <Descriptions
              title={i.name}
              column={1}
              size="small"
              items={[
                { key: 'a', label: t.agentDoes, children: i.agentDoes },
                { key: 'e', label: t.enterpriseDoes, children: i.enterpriseDoes },
              ]}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
