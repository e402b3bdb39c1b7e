import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { tpol } from '../../../../locales/policies.zh-CN.ts';
import { meQuery } from '../../../auth/queries.ts';
import { useOwnExplanation, usePublicPolicy } from '../../queries.ts';

/**
 * A policy's public page: what it grants and on what basis, its conditions, materials, how it is
 * granted and its 政策解读; for an enterprise signed in, whether it qualifies, condition by
 * condition, and the way to apply online.
 */
export function PortalPolicyPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const policy = usePublicPolicy(id);
  const { data: me } = useQuery(meQuery);
  const isEnterprise = me?.type === 'enterprise';
  const own = useOwnExplanation(id, isEnterprise);
  if (policy.isError) return <QueryError error={policy.error} onRetry={() => void policy.refetch()} />;
  if (!policy.data) return <Skeleton active />;
  const p = policy.data;
  const applyPath = `/portal/policies/${p.id}/apply`;
  return (
    <Flex vertical gap="middle">
      <Card
        title={
          <Flex wrap gap={8} align="center">
            <Typography.Text strong data-testid="portal-policy-title">{p.title}</Typography.Text>
            <Tag>{tpol.kinds[p.kind]}</Tag>
            <Tag color={p.mode === 'auto' ? 'green' : 'blue'}>{tpol.modes[p.mode]}</Tag>
          </Flex>
        }
        extra={<Link to="/portal/policies">{tpol.portal.listTitle}</Link>}
      >
        {p.isExpired && <Alert type="warning" showIcon title={tpol.portal.expired} style={{ marginBottom: 12 }} />}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="portal-policy-facts">
          <Descriptions.Item label={tpol.fields.issuingDepartment}>{p.issuingDepartment}</Descriptions.Item>
          <Descriptions.Item label={tpol.fields.kind}>{tpol.kinds[p.kind]}</Descriptions.Item>
          <Descriptions.Item label={tpol.fields.legalBasis}>{[p.legalBasisName, p.legalBasisNumber].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
          <Descriptions.Item label={tpol.fields.validity}>{tpol.validityText(p.validFrom, p.validTo)}</Descriptions.Item>
          <Descriptions.Item label={tpol.fields.amountRule}>{p.amountText}</Descriptions.Item>
          <Descriptions.Item label={tpol.fields.mode}>{tpol.modes[p.mode]}</Descriptions.Item>
        </Descriptions>
        {p.summary && <Typography.Paragraph>{p.summary}</Typography.Paragraph>}
      </Card>
      <Card title={tpol.fields.conditions} size="small">
        <List size="small" dataSource={p.conditions} renderItem={(c) => <List.Item>{c}</List.Item>} data-testid="portal-policy-conditions" />
      </Card>
      {isEnterprise && (
        <Card title={tpol.portal.yourStatus} size="small" data-testid="portal-policy-own">
          {own.isError ? (
            <QueryError error={own.error} onRetry={() => void own.refetch()} />
          ) : !own.data ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : (
            <>
              <Alert type={own.data.met ? 'success' : 'info'} showIcon title={own.data.met ? tpol.portal.qualifies : own.data.inRegion ? tpol.portal.notQualifies : tpol.portal.notInRegion} />
              <List
                size="small"
                dataSource={own.data.conditions}
                renderItem={(c) => (
                  <List.Item>
                    <Space>
                      {c.met !== c.negated ? <CheckCircleTwoTone twoToneColor="#389e0d" aria-label={tpol.portal.met} /> : <CloseCircleTwoTone twoToneColor="#cf1322" aria-label={tpol.portal.notMet} />}
                      {c.text}
                    </Space>
                  </List.Item>
                )}
              />
            </>
          )}
        </Card>
      )}
      <Card title={tpol.portal.howToApply} size="small">
        {p.mode === 'auto' ? (
          <Typography.Paragraph>{tpol.portal.autoText}</Typography.Paragraph>
        ) : p.application ? (
          <Flex vertical gap={12} align="start">
            <Typography.Text>{tpol.portal.onlineText(p.application.itemName, p.application.departmentName, p.application.promisedLimitDays)}</Typography.Text>
            <Button type="primary" onClick={() => void navigate(isEnterprise ? applyPath : '/portal/login', { state: { from: applyPath } })} data-testid="portal-policy-apply">
              {isEnterprise ? tpol.portal.applyOnline : tpol.portal.loginToApply}
            </Button>
          </Flex>
        ) : (
          <Typography.Paragraph>{tpol.portal.offlineText}</Typography.Paragraph>
        )}
        {p.mode === 'apply' && (
          <List
            size="small"
            header={tpol.fields.materials}
            locale={{ emptyText: tpol.portal.noMaterials }}
            dataSource={p.application?.materials ?? p.materials}
            renderItem={(m) => <List.Item>{`${m.name}${m.notes ? `（${m.notes}）` : ''}`}</List.Item>}
            data-testid="portal-policy-materials"
          />
        )}
      </Card>
      {p.interpretation && (
        <Card title={tpol.fields.interpretation} size="small">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="portal-policy-interpretation">
            {p.interpretation}
          </Typography.Paragraph>
        </Card>
      )}
    </Flex>
  );
}
