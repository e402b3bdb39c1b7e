import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Tabs, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../../lib/api.ts';
import { QueryError } from '../../../../components/query-error.tsx';
import { te } from '../../../../locales/enterprises.zh-CN.ts';
import { tl } from '../../../../locales/licenses.zh-CN.ts';
import { ownDocumentUrl } from '../../../licenses/api.ts';
import { LicenseTable } from '../../../licenses/components/license-table.tsx';
import { GrantsPanel } from '../../../licenses/components/portal/grants-panel.tsx';
import { useOwnLicenses } from '../../../licenses/queries.ts';
import { useLogout } from '../../../auth/queries.ts';
import { useOwnEnterprise } from '../../queries.ts';
import { ContactsPanel } from '../contacts-panel.tsx';
import { CreditPanel } from '../credit-panel.tsx';
import { EnterpriseProfile } from '../enterprise-detail-page.tsx';

/** 我的企业: the enterprise's registered profile, its e-licenses, and license grants with their use. */
export function PortalAccountPage() {
  const enterprise = useOwnEnterprise();
  const licenses = useOwnLicenses();
  const logout = useLogout();
  const navigate = useNavigate();
  if (enterprise.isError) {
    if (isApiError(enterprise.error, 'NOT_FOUND')) return <Alert type="info" showIcon title={te.portal.notRegistered} />;
    return <QueryError error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  }
  if (!enterprise.data) return <Skeleton active />;
  const e = enterprise.data;
  return (
    <Card
      title={<Typography.Text strong>{e.name}</Typography.Text>}
      extra={
        <Button icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/portal/login') })}>
          {te.portal.logout}
        </Button>
      }
    >
      <Tabs
        items={[
          {
            key: 'profile',
            label: te.portal.profile,
            children: (
              <Flex vertical gap="large">
                <EnterpriseProfile enterprise={e} />
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {te.detail.contacts}
                </Typography.Title>
                <ContactsPanel enterpriseId={e.id} contacts={e.contacts} canManage={false} canUnmask={false} />
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {te.detail.credit}
                </Typography.Title>
                <CreditPanel enterpriseId={e.id} credit={e.credit} canManage={false} />
              </Flex>
            ),
          },
          {
            key: 'licenses',
            label: tl.portal.licenses,
            children: licenses.isError ? (
              <QueryError error={licenses.error} onRetry={() => void licenses.refetch()} />
            ) : (
              <LicenseTable licenses={licenses.data} isLoading={licenses.isPending} documentUrl={ownDocumentUrl} />
            ),
          },
          { key: 'grants', label: tl.portal.grants, children: <GrantsPanel licenses={licenses.data ?? []} /> },
        ]}
      />
    </Card>
  );
}
