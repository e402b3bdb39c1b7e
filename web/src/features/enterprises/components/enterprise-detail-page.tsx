import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { EnterpriseDetailDto } from '@server/modules/enterprises/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import { EnterpriseLicensesPanel } from '../../licenses/components/enterprise-licenses-panel.tsx';
import { useEnterprise } from '../queries.ts';
import { ContactsPanel } from './contacts-panel.tsx';
import { CreditPanel } from './credit-panel.tsx';
import { EnterpriseFormModal } from './enterprise-form-modal.tsx';
import { SizeClassTag } from './size-class-tag.tsx';

/** The registered facts of an enterprise, its size class with the reason; used by staff and by the portal. */
export function EnterpriseProfile({ enterprise }: { enterprise: EnterpriseDetailDto }) {
  const e = enterprise;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={te.fields.name}>{e.name}</Descriptions.Item>
      <Descriptions.Item label={te.fields.uscc}>
        <Typography.Text copyable>{e.uscc}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={te.fields.type}>{te.enterpriseTypes[e.type]}</Descriptions.Item>
      <Descriptions.Item label={te.fields.legalRepresentative}>{e.legalRepresentative || '—'}</Descriptions.Item>
      <Descriptions.Item label={te.fields.district}>{`${e.districtName ?? ''} ${e.districtCode} ${e.town}`.trim()}</Descriptions.Item>
      <Descriptions.Item label={te.fields.registrationDate}>{e.registrationDate ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={te.fields.registeredAddress} span={2}>
        {e.registeredAddress || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={te.fields.industry} span={2}>
        {`${e.industry.code} ${e.industry.path.join(' / ')}`}
      </Descriptions.Item>
      <Descriptions.Item label={te.fields.employees}>{e.employees ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={te.fields.revenue}>{e.revenue ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={te.fields.assets}>{e.assets ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={te.fields.tags}>
        <Space size={[0, 4]} wrap>
          {e.tags.map((x) => (
            <Tag key={x} color="gold">
              {x}
            </Tag>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={te.fields.sizeClass} span={2}>
        <Flex gap="small" align="baseline" wrap>
          <SizeClassTag sizeClass={e.sizeClass} />
          <Typography.Text type="secondary" data-testid="enterprise-size-reason">
            {e.sizeReason}
          </Typography.Text>
        </Flex>
      </Descriptions.Item>
    </Descriptions>
  );
}

export function EnterpriseDetailPage() {
  const { enterpriseId = '' } = useParams();
  const { can } = useAuth();
  const enterprise = useEnterprise(enterpriseId);
  const [isEditing, setEditing] = useState(false);
  if (enterprise.isError) return <QueryError error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  if (!enterprise.data) return <Skeleton active />;
  const e = enterprise.data;
  return (
    <Card
      title={
        <Space>
          <Link to="/enterprises">
            <ArrowLeftOutlined /> {te.detail.back}
          </Link>
          <span>{e.name}</span>
        </Space>
      }
      extra={
        can('enterprise.manage') && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {te.detail.edit}
          </Button>
        )
      }
    >
      <Tabs
        items={[
          { key: 'profile', label: te.detail.profile, children: <EnterpriseProfile enterprise={e} /> },
          { key: 'contacts', label: te.detail.contacts, children: <ContactsPanel enterpriseId={e.id} contacts={e.contacts} canManage={can('enterprise.manage')} canUnmask={can('person.unmask')} /> },
          { key: 'credit', label: te.detail.credit, children: <CreditPanel enterpriseId={e.id} credit={e.credit} canManage={can('credit.manage')} /> },
          ...(can('license.manage') ? [{ key: 'licenses', label: te.detail.licenses, children: <EnterpriseLicensesPanel enterpriseId={e.id} uscc={e.uscc} /> }] : []),
        ]}
      />
      {isEditing && <EnterpriseFormModal enterprise={e} onClose={() => setEditing(false)} />}
    </Card>
  );
}
