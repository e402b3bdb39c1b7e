import { Alert } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { ttr } from '../../../../locales/training.zh-CN.ts';
import { useExpiring } from '../queries.ts';

/** On the manager's home: how many qualifications have lapsed or lapse within 30 days, linking to the list. */
export function ExpiringCertificatesNotice() {
  const { can } = useAuth();
  const isManager = can('training.manage');
  const expiring = useExpiring(30, isManager);
  const count = expiring.data?.length ?? 0;
  if (!isManager || count === 0) return null;
  return <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={<Link to="/training">{ttr.homeCard(count)}</Link>} data-testid="home-expiring-certificates" />;
}
