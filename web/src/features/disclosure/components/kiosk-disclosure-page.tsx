import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { KIOSK_LARGE_ZOOM, useKioskLargeType } from '../../../lib/device-preference.ts';
import { tdis } from '../../../locales/disclosure.zh-CN.ts';
import { CatalogSection } from './catalog-section.tsx';
import { FiguresSection } from './figures-section.tsx';
import { ResultsSection } from './results-section.tsx';
import { StaffSection } from './staff-section.tsx';

const TABS = ['catalog', 'staff', 'results', 'figures'] as const;
type Tab = (typeof TABS)[number];

/**
 * 信息公开 on the kiosk (/kiosk/<center>/disclosure, or /kiosk/disclosure for the default center):
 * no login, touch-sized buttons, type larger than the portal's; the device's large-type setting
 * (shared with the kiosk's other screens) zooms it further and can be switched here.
 */
export function KioskDisclosurePage() {
  const { centerId } = useParams();
  const [isLarge, setLarge] = useKioskLargeType();
  const [tab, setTab] = useState<Tab>('results');
  const button = { height: 64, fontSize: 22, minWidth: 160 };
  return (
    <div
      data-testid="kiosk-disclosure"
      data-large={isLarge ? 'true' : 'false'}
      style={{ minHeight: isLarge ? `${100 / KIOSK_LARGE_ZOOM}vh` : '100vh', padding: 32, background: '#f0f5ff', fontSize: 20, zoom: isLarge ? KIOSK_LARGE_ZOOM : undefined }}
    >
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {tdis.title}
        </Typography.Title>
        <Flex gap={12}>
          <Button size="large" style={button} aria-pressed={isLarge} onClick={() => setLarge(!isLarge)} data-testid="kiosk-disclosure-large">
            {isLarge ? tdis.kiosk.normalType : tdis.kiosk.largeType}
          </Button>
          {centerId && (
            <Link to={`/kiosk/${centerId}`}>
              <Button size="large" style={button} data-testid="kiosk-disclosure-back">
                {tdis.kiosk.back}
              </Button>
            </Link>
          )}
        </Flex>
      </Flex>
      <Flex gap={12} wrap style={{ marginBottom: 20 }}>
        {TABS.map((t) => (
          <Button key={t} size="large" type={t === tab ? 'primary' : 'default'} style={button} onClick={() => setTab(t)} data-testid={`kiosk-disclosure-tab-${t}`}>
            {tdis.tabs[t]}
          </Button>
        ))}
      </Flex>
      <div style={{ background: '#fff', borderRadius: 12, padding: 24 }}>
        {tab === 'catalog' && <CatalogSection centerId={centerId} large />}
        {tab === 'staff' && <StaffSection centerId={centerId} large />}
        {tab === 'results' && <ResultsSection centerId={centerId} large />}
        {tab === 'figures' && <FiguresSection centerId={centerId} />}
      </div>
    </div>
  );
}
