import { Card, Col, ConfigProvider, Flex, Row, Statistic, Tag, theme, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/time.ts';
import { tcc } from '../../../locales/command-center.zh-CN.ts';
import { useEventStream } from '../../queue/use-event-stream.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { screenStreamUrl, type CommandCenterDto } from '../api.ts';
import { QueueNowChart, TrendCharts } from './figures-charts.tsx';
import { TargetCard } from './target-card.tsx';

const SCREEN_CSS = `
.cc-screen { width: 100vw; min-height: 100vh; box-sizing: border-box; background: #0b1f3a; color: #fff; padding: 24px 32px; overflow: hidden; }
`;

/**
 * 大屏: the command center for the hall's display (1920×1080, dark, no menu). The figures come by
 * server-sent events: a snapshot, then fresh figures after every queue event (a ticket issued or called).
 */
export function CommandCenterScreenPage() {
  const { me } = useAuth();
  const [data, setData] = useState<CommandCenterDto | null>(null);
  const { isConnected } = useEventStream<CommandCenterDto>(me.centerId ? screenStreamUrl(me.centerId) : null, (next) => setData(next));
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { colorBgContainer: '#12315e', colorText: '#ffffff', colorTextSecondary: '#d6e4ff', colorTextDescription: '#d6e4ff' } }}>
      <style>{SCREEN_CSS}</style>
      <main className="cc-screen" data-testid="command-center-screen" data-generated-at={data?.generatedAt ?? ""}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={1} style={{ margin: 0, color: '#fff' }}>
            {data ? `${data.centerName} · ` : ''}
            {tcc.screenTitle}
          </Typography.Title>
          <Flex gap={12} align="center">
            {!isConnected && <Tag color="warning">{tcc.disconnected}</Tag>}
            {data && (
              <Typography.Text style={{ color: '#d6e4ff', fontSize: 18 }} data-testid="screen-updated-at">
                {tcc.updatedAt(formatDateTime(data.generatedAt))}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
        {data && (
          <Flex vertical gap={16}>
            <Row gutter={[16, 16]}>
              <Col span={4}>
                <Card size="small">
                  <Statistic title={tcc.now.waiting} value={data.now.waiting} data-testid="screen-waiting" valueStyle={{ fontSize: 48 }} />
                </Card>
              </Col>
              <Col span={4}>
                <Card size="small">
                  <Statistic title={tcc.now.countersOpen} value={data.now.countersOpen} data-testid="screen-counters-open" valueStyle={{ fontSize: 48 }} />
                </Card>
              </Col>
              <Col span={16}>
                <Card size="small" title={tcc.now.byQueue}>
                  <QueueNowChart data={data} isDark height={150} />
                </Card>
              </Col>
            </Row>
            <Row gutter={[16, 16]}>
              {data.targets.map((x) => (
                <Col span={Math.floor(24 / 5)} flex="20%" key={x.key}>
                  <TargetCard target={x} period={{ from: data.from, to: data.to }} canOpen={false} isDark />
                </Col>
              ))}
            </Row>
            <TrendCharts data={data} isDark height={220} />
          </Flex>
        )}
      </main>
    </ConfigProvider>
  );
}
