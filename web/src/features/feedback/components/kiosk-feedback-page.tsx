import { Button, Flex, Layout } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import { PortalFeedbackPage } from './portal-feedback-page.tsx';
import { PublicImprovementsPage } from './public-improvements-page.tsx';

/** The kiosk's 诉求与投诉 (channel "kiosk") and 改进公示, large and without the portal's frame. */
export function KioskFeedbackPage() {
  const { centerId = '' } = useParams();
  const { pathname } = useLocation();
  const isImprovements = pathname.endsWith('/improvements');
  return (
    <Layout style={{ minHeight: '100vh', padding: 24, fontSize: 18 }}>
      <Flex gap={12} style={{ marginBottom: 16 }}>
        <Link to={`/kiosk/${centerId}/feedback`}>
          <Button size="large" type={isImprovements ? 'default' : 'primary'}>{tfb.menu.portal}</Button>
        </Link>
        <Link to={`/kiosk/${centerId}/improvements`}>
          <Button size="large" type={isImprovements ? 'primary' : 'default'}>{tfb.menu.publicImprovements}</Button>
        </Link>
      </Flex>
      {isImprovements ? <PublicImprovementsPage /> : <PortalFeedbackPage channel="kiosk" />}
    </Layout>
  );
}
