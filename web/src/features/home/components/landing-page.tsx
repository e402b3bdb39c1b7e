import { BankOutlined, IdcardOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { t } from '../../../locales/zh-CN.ts';

/** The address people are given (`/`), opened by someone not signed in: which way is theirs. */
export function LandingPage() {
  return (
    <Flex vertical align="center" gap={32} style={{ padding: '64px 16px' }} data-testid="landing">
      <Typography.Title level={1} style={{ margin: 0, textAlign: 'center' }}>
        {t.app.name} · {t.app.title}
      </Typography.Title>
      <Flex gap={24} wrap justify="center" style={{ width: '100%', maxWidth: 760 }}>
        <Link to="/portal" data-testid="landing-portal" style={{ flex: '1 1 300px' }}>
          <Card hoverable>
            <Flex vertical align="center" gap={12}>
              <BankOutlined style={{ fontSize: 48 }} aria-hidden />
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t.landing.public}
              </Typography.Title>
              <Typography.Text type="secondary">{t.landing.publicHint}</Typography.Text>
            </Flex>
          </Card>
        </Link>
        <Link to="/login" data-testid="landing-staff" style={{ flex: '1 1 300px' }}>
          <Card hoverable>
            <Flex vertical align="center" gap={12}>
              <IdcardOutlined style={{ fontSize: 48 }} aria-hidden />
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t.landing.staff}
              </Typography.Title>
              <Typography.Text type="secondary">{t.landing.staffHint}</Typography.Text>
            </Flex>
          </Card>
        </Link>
      </Flex>
    </Flex>
  );
}
