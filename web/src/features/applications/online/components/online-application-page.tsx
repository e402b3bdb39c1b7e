import { Card } from 'antd';
import { Link, useParams } from 'react-router';
import { tol } from '../../../../locales/online-applying.zh-CN.ts';
import { ApplicationProgress } from '../../../policies/components/portal/application-progress.tsx';

/** One of the enterprise's online applications: where it stands, and what it still owes — uploaded here after a supplement notice. */
export function OnlineApplicationPage() {
  const { id = '' } = useParams();
  return (
    <Card title={tol.follow} extra={<Link to="/portal/my-applications">{tol.back}</Link>} data-testid="online-application-page">
      <ApplicationProgress applicationId={id} />
    </Card>
  );
}
