import { BankOutlined, IdcardOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
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
        <Way to="/portal" testId="landing-portal" icon={<BankOutlined style={{ fontSize: 48 }} aria-hidden />} title={t.landing.public} hint={t.landing.publicHint} />
        <Way to="/login" testId="landing-staff" icon={<IdcardOutlined style={{ fontSize: 48 }} aria-hidden />} title={t.landing.staff} hint={t.landing.staffHint} />
      </Flex>
    </Flex>
  );
}

function Way({ to, testId, icon, title, hint }: { to: string; testId: string; icon: ReactNode; title: string; hint: string }) {
  return (
    <Link to={to} data-testid={testId} style={{ flex: '1 1 300px' }}>
      <Card hoverable>
        <Flex vertical align="center" gap={12}>
          {icon}
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary">{hint}</Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}
