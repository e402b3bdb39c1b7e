import { Card, Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { tpol } from '../../../../locales/policies.zh-CN.ts';
import type { PublicPolicy } from '../../api.ts';
import { usePublicPolicies } from '../../queries.ts';

/** 惠企政策 on the portal: every published policy, searchable by name and filtered by kind and how it is granted. */
export function PortalPolicyListPage() {
  const policies = usePublicPolicies();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<PublicPolicy['kind'] | ''>('');
  const [mode, setMode] = useState<PublicPolicy['mode'] | ''>('');
  const shown = useMemo(
    () => (policies.data ?? []).filter((p) => (!q || p.title.includes(q) || p.issuingDepartment.includes(q)) && (!kind || p.kind === kind) && (!mode || p.mode === mode)),
    [policies.data, q, kind, mode],
  );
  return (
    <Card title={tpol.portal.listTitle} extra={<Link to="/portal/policy-calculator">{tpol.portal.toCalculator}</Link>}>
      <Typography.Paragraph type="secondary">{tpol.portal.listHint}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={tpol.portal.search} aria-label={tpol.portal.search} style={{ width: 260 }} onSearch={(v) => setQ(v.trim())} data-testid="portal-policy-search" />
        <Select<PublicPolicy['kind'] | ''>
          style={{ width: 140 }}
          aria-label={tpol.fields.kind}
          value={kind}
          onChange={setKind}
          options={[{ value: '', label: tpol.portal.allKinds }, ...Object.entries(tpol.kinds).map(([value, label]) => ({ value: value as PublicPolicy['kind'], label }))]}
        />
        <Select<PublicPolicy['mode'] | ''>
          style={{ width: 140 }}
          aria-label={tpol.fields.mode}
          value={mode}
          onChange={setMode}
          options={[{ value: '', label: tpol.portal.allModes }, ...Object.entries(tpol.modes).map(([value, label]) => ({ value: value as PublicPolicy['mode'], label }))]}
        />
      </Space>
      {policies.isError ? (
        <QueryError error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <List<PublicPolicy>
          loading={policies.isPending}
          dataSource={shown}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          renderItem={(p) => (
            <List.Item data-testid="portal-policy">
              <List.Item.Meta
                title={
                  <Flex wrap gap={8} align="center">
                    <Link to={`/portal/policies/${p.id}`}>{p.title}</Link>
                    <Tag>{tpol.kinds[p.kind]}</Tag>
                    <Tag color={p.mode === 'auto' ? 'green' : 'blue'}>{tpol.modes[p.mode]}</Tag>
                  </Flex>
                }
                description={[p.issuingDepartment, tpol.pair(tpol.portal.amount, p.amountText), tpol.pair(tpol.fields.validTo, p.validTo ?? '—')].join('\u3000')}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
