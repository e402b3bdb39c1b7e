import { Button, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { KIOSK_LARGE_ZOOM, useKioskLargeType } from '../../../lib/device-preference.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { tss } from '../../../locales/self-service.zh-CN.ts';
import { LicenseCopy } from './license-copy.tsx';
import { ProgressLookup } from './progress-lookup.tsx';

/** Back to the home screen after this long without a touch, so the next person never sees a look-up. */
const IDLE_MS = 90_000;

/**
 * The kiosk's 24-hour self-service (/kiosk/<center>/self-service, clause 7): works whether or not
 * the hall is open — progress and notice printing, feedback, disclosure, the locker's hint — in
 * the device's large type when it is on.
 */
export function SelfServicePage() {
  const { centerId = '' } = useParams();
  const [isLarge, setLarge] = useKioskLargeType();
  const [screen, setScreen] = useState<'home' | 'progress' | 'license'>('home');

  useEffect(() => {
    let timer = window.setTimeout(() => setScreen('home'), IDLE_MS);
    const touched = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setScreen('home'), IDLE_MS);
    };
    window.addEventListener('pointerdown', touched);
    window.addEventListener('keydown', touched);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', touched);
      window.removeEventListener('keydown', touched);
    };
  }, []);

  return (
    <div
      data-testid="self-service"
      data-large={isLarge ? 'true' : 'false'}
      style={{ minHeight: isLarge ? `${100 / KIOSK_LARGE_ZOOM}vh` : '100vh', padding: 32, background: '#f0f5ff', fontSize: 20, zoom: isLarge ? KIOSK_LARGE_ZOOM : undefined }}
    >
      <Flex justify="space-between" align="center" wrap gap={16} style={{ marginBottom: 24 }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {tss.home.title}
          </Typography.Title>
          <Typography.Text type="secondary">{tss.home.subtitle}</Typography.Text>
        </div>
        <Flex gap={12}>
          {screen !== 'home' && (
            <Button size="large" data-testid="ss-home" onClick={() => setScreen('home')} style={{ height: 56 }}>
              {tss.home.back}
            </Button>
          )}
          <Link to={`/kiosk/${centerId}`}>
            <Button size="large" data-testid="ss-queue" style={{ height: 56 }}>
              {tss.home.queue}
            </Button>
          </Link>
          <Button size="large" data-testid="ss-large" aria-pressed={isLarge} onClick={() => setLarge(!isLarge)} style={{ height: 56 }}>
            {isLarge ? tq.kiosk.normalType : tq.kiosk.largeType}
          </Button>
        </Flex>
      </Flex>
      {screen === 'progress' && <ProgressLookup />}
      {screen === 'license' && <LicenseCopy centerId={centerId} />}
      {screen === 'home' && <Home centerId={centerId} onProgress={() => setScreen('progress')} onLicense={() => setScreen('license')} />}
    </div>
  );
}

function Home({ centerId, onProgress, onLicense }: { centerId: string; onProgress: () => void; onLicense: () => void }) {
  const big = { height: 160, width: '100%', whiteSpace: 'normal' as const };
  const label = (title: string, hint: string) => (
    <Flex vertical align="center" gap={8}>
      <span style={{ fontSize: 30 }}>{title}</span>
      <span style={{ fontSize: 18, opacity: 0.85 }}>{hint}</span>
    </Flex>
  );
  return (
    <Flex vertical gap={24}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 24 }}>
        <Button type="primary" data-testid="ss-progress" onClick={onProgress} style={big}>
          {label(tss.home.progress, tss.home.progressHint)}
        </Button>
        <Button type="primary" data-testid="ss-license" onClick={onLicense} style={big}>
          {label(tss.license.action, tss.license.actionHint)}
        </Button>
        <Link to={`/kiosk/${centerId}/feedback`}>
          <Button data-testid="ss-feedback" style={big}>
            {label(tss.home.feedback, tss.home.feedbackHint)}
          </Button>
        </Link>
        <Link to={`/kiosk/${centerId}/disclosure`}>
          <Button data-testid="ss-disclosure" style={big}>
            {label(tss.home.disclosure, tss.home.disclosureHint)}
          </Button>
        </Link>
      </div>
      <Typography.Paragraph data-testid="ss-locker-hint" style={{ fontSize: 20, background: '#fff', padding: 16, borderRadius: 8 }}>
        <strong>{tss.home.locker}：</strong>
        {tss.home.lockerHint}
      </Typography.Paragraph>
    </Flex>
  );
}
