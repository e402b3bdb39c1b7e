import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { tsn } from '../../../locales/scenarios.zh-CN.ts';
import { meQuery } from '../../auth/queries.ts';
import type { PublicScenario } from '../api.ts';
import { usePublicScenarios, useReferOwn } from '../queries.ts';

type Provider = PublicScenario['providers'][number];

/** 一类事 on the portal: each scenario's items (to their guides) and its approved providers; an enterprise signed in asks for a referral (我要对接). */
export function PortalScenariosPage() {
  const scenarios = usePublicScenarios();
  const { data: me } = useQuery(meQuery);
  const isEnterprise = me?.type === 'enterprise';
  const navigate = useNavigate();
  const [referring, setReferring] = useState<{ scenario: PublicScenario; provider: Provider } | null>(null);
  if (scenarios.isError) return <QueryError error={scenarios.error} onRetry={() => void scenarios.refetch()} />;
  return (
    <Card title={tsn.portal.title} loading={scenarios.isPending} extra={isEnterprise && <Link to="/portal/my-scenario-referrals">{tsn.portal.navMine}</Link>}>
      <Typography.Paragraph type="secondary">{tsn.portal.hint}</Typography.Paragraph>
      {scenarios.data?.length === 0 && <Empty description={tsn.portal.empty} />}
      <Flex vertical gap={16}>
        {scenarios.data?.map((s) => (
          <Card key={s.id} type="inner" title={<span data-testid="scenario-card-title">{s.title}</span>} data-testid="portal-scenario">
            <Typography.Paragraph>{s.description}</Typography.Paragraph>
            <Typography.Text strong>{tsn.portal.items}</Typography.Text>
            <Flex wrap gap={8} style={{ margin: '8px 0 16px' }}>
              {s.entries.map((e) => (
                <Link key={`${e.kind}-${e.code}`} to={`/portal/${e.kind === 'item' ? 'items' : 'bundles'}/${encodeURIComponent(e.code)}`} data-testid="scenario-entry">
                  <Tag color={e.kind === 'bundle' ? 'purple' : 'blue'}>{`${tsn.scenario.entryKind[e.kind]} · ${e.name}`}</Tag>
                </Link>
              ))}
            </Flex>
            <Typography.Text strong>{tsn.portal.providers}</Typography.Text>
            <List<Provider>
              size="small"
              dataSource={s.providers}
              locale={{ emptyText: tsn.portal.noProviders }}
              renderItem={(p) => (
                <List.Item
                  data-testid="scenario-provider"
                  actions={[
                    isEnterprise ? (
                      <Button key="refer" type="primary" size="small" onClick={() => setReferring({ scenario: s, provider: p })} data-testid="refer-provider">
                        {tsn.portal.refer}
                      </Button>
                    ) : (
                      <Button key="login" size="small" onClick={() => navigate('/portal/login', { state: { from: '/portal/scenarios' } })}>
                        {tsn.portal.loginToRefer}
                      </Button>
                    ),
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <span data-testid="scenario-provider-name">{p.name}</span>
                        <Tag>{tsn.kinds[p.kind]}</Tag>
                      </Space>
                    }
                    description={
                      <Flex vertical>
                        <span>{p.services}</span>
                        <span>{tsn.portal.contact(p.contactName, p.servicePhone)}</span>
                        <span>{tsn.portal.figures(p.figures.served, p.figures.averageRating)}</span>
                      </Flex>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Flex>
      {referring && <ReferModal {...referring} onClose={() => setReferring(null)} />}
    </Card>
  );
}

function ReferModal({ scenario, provider, onClose }: { scenario: PublicScenario; provider: Provider; onClose: () => void }) {
  const refer = useReferOwn();
  const navigate = useNavigate();
  const submit = async (v: { need: string }) => {
    const done = await refer.mutateAsync({ providerId: provider.id, scenarioId: scenario.id, need: v.need });
    void navigate('/portal/my-scenario-referrals');
    return done;
  };
  return (
    <FormModal<{ need: string }> title={tsn.portal.referTitle(provider.name)} onSubmit={submit} onClose={onClose} okText={tsn.portal.refer} successText={tsn.portal.referred}>
      <Form.Item name="need" label={tsn.portal.need} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={1000} placeholder={tsn.portal.needPlaceholder} data-testid="refer-need" />
      </Form.Item>
    </FormModal>
  );
}
