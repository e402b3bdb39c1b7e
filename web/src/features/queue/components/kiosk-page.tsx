import { Alert, Button, Flex, Result, Segmented, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { GreenReason } from '@server/modules/queue/contract.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { describeError } from '../../../components/use-show-error.ts';
import { trating } from '../../../locales/evaluations.zh-CN.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { tss } from '../../../locales/self-service.zh-CN.ts';
import { useKioskLargeType } from '../../../lib/device-preference.ts';
import { getKiosk, takeKioskTicket, type KioskSnapshot, type TicketStatusDto } from '../api.ts';
import { KioskCheckIn, KioskCheckInEntry } from '../../appointments/components/kiosk-check-in.tsx';
import { Clock } from './clock.tsx';
import { Receipt } from './receipt.tsx';

type Choice = { queueId: string } | { itemId: string };

/** The kiosk fills the screen below the demo banner (if any) and no more: nothing to scroll on its start screen. */
const FILL_SCREEN = `
body:has(.kiosk-screen) { margin: 0; }
.ant-app:has(> .kiosk-screen) { min-height: 100vh; min-height: 100dvh; display: flex; flex-direction: column; }
.kiosk-screen { flex: 1 1 auto; box-sizing: border-box; }
`;

/**
 * The kiosk (取号机, /kiosk/<center>): touch-sized buttons by theme and popular items, the green
 * channel, a large-type mode, the receipt, and back to the start after a while without a touch.
 */
export function KioskPage() {
  const { centerId = '' } = useParams();
  const kiosk = useQuery({ queryKey: ['queue', 'kiosk', centerId], queryFn: () => getKiosk(centerId), refetchInterval: 15_000, staleTime: 0 });
  // large type is the device's setting: it survives reloads and the idle timeout
  const [isLarge, setLarge] = useKioskLargeType();
  const [isGreen, setGreen] = useState(false);
  const [reason, setReason] = useState<GreenReason | null>(null);
  const [ticket, setTicket] = useState<TicketStatusDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isTaking, setTaking] = useState(false);
  const [idle, setIdle] = useState(0);
  // appointment check-in (features/appointments) takes the screen until done
  const [isCheckingIn, setCheckingIn] = useState(false);

  const reset = useCallback(() => {
    setTicket(null);
    setGreen(false);
    setReason(null);
    setError(null);
    setIdle(0);
    setCheckingIn(false);
  }, []);

  const idleSeconds = kiosk.data?.idleSeconds ?? 60;
  // Each second without a touch counts; at the limit the kiosk goes back to its start screen.
  const tick = useEffectEvent(() => {
    if (idle + 1 >= idleSeconds && (ticket || isGreen || error || isCheckingIn)) {
      reset();
    } else {
      setIdle(idle + 1);
    }
  });
  useEffect(() => {
    const touched = () => setIdle(0);
    window.addEventListener('pointerdown', touched);
    window.addEventListener('keydown', touched);
    const timer = window.setInterval(tick, 1000);
    return () => {
      window.removeEventListener('pointerdown', touched);
      window.removeEventListener('keydown', touched);
      window.clearInterval(timer);
    };
  }, []);

  const take = async (choice: Choice) => {
    setTaking(true);
    setError(null);
    try {
      const taken = await takeKioskTicket(centerId, {
        ...choice,
        priorityClass: isGreen ? 'green_channel' : 'ordinary',
        greenReason: isGreen ? reason : null,
      });
      setTicket(taken);
      void kiosk.refetch();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setTaking(false);
    }
  };

  if (kiosk.isPending) return <Spin fullscreen />;
  if (kiosk.isError) return <QueryError error={kiosk.error} onRetry={() => void kiosk.refetch()} />;
  const data = kiosk.data;
  const size = isLarge ? 1.5 : 1;

  return (
    <div data-testid="kiosk" className="kiosk-screen" style={{ background: '#f0f5ff', padding: 24 * size, fontSize: 18 * size }}>
      <style>{FILL_SCREEN}</style>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <div>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 32 * size }}>
            {data.center.name} · {tq.kiosk.title}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 16 * size }}>
            {tq.kiosk.hours(data.hoursText)}
          </Typography.Text>
        </div>
        <Flex align="center" gap={16}>
          <Clock style={{ fontSize: 28 * size }} />
          <Link to={`/kiosk/${centerId}/self-service`}>
            <Button size="large" data-testid="kiosk-self-service" style={{ height: 56 * size, fontSize: 20 * size, marginRight: 12 }}>
              {tss.home.open}
            </Button>
          </Link>
          <Link to={`/kiosk/${centerId}/rate`}>
            <Button size="large" data-testid="kiosk-rate" style={{ height: 56 * size, fontSize: 20 * size, marginRight: 12 }}>
              {trating.kiosk.entry}
            </Button>
          </Link>
          <Button size="large" data-testid="kiosk-large" aria-pressed={isLarge} onClick={() => setLarge(!isLarge)} style={{ height: 56 * size, fontSize: 20 * size }}>
            {isLarge ? tq.kiosk.normalType : tq.kiosk.largeType}
          </Button>
        </Flex>
      </Flex>

      {ticket ? (
        <Flex vertical align="center" gap={24} style={{ marginTop: 32 }}>
          <Typography.Title level={2} style={{ fontSize: 32 * size }}>
            {tq.kiosk.taken}
          </Typography.Title>
          <Receipt ticket={ticket} large={isLarge} />
          <Flex gap={24}>
            <Button size="large" type="primary" onClick={() => window.print()} style={{ height: 72 * size, fontSize: 24 * size, minWidth: 200 }}>
              {tq.common.print}
            </Button>
            <Button size="large" data-testid="kiosk-done" onClick={reset} style={{ height: 72 * size, fontSize: 24 * size, minWidth: 200 }}>
              {tq.kiosk.done}
            </Button>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 16 * size }}>
            {tq.kiosk.backIn(Math.max(0, idleSeconds - idle))}
          </Typography.Text>
        </Flex>
      ) : isCheckingIn ? (
        <KioskCheckIn centerId={centerId} size={size} onDone={reset} />
      ) : !data.isOpen ? (
        <Result
          status="info"
          title={<span style={{ fontSize: 36 * size }}>{tq.kiosk.closed}</span>}
          subTitle={<span style={{ fontSize: 22 * size }}>{data.closedMessage}</span>}
          extra={
            <Flex vertical align="center" gap={16}>
              <Typography.Text style={{ fontSize: 22 * size }}>{tss.home.closedHint}</Typography.Text>
              <Link to={`/kiosk/${centerId}/self-service`}>
                <Button type="primary" size="large" data-testid="kiosk-closed-self-service" style={{ height: 96 * size, fontSize: 30 * size, minWidth: 360 }}>
                  {tss.home.open}
                </Button>
              </Link>
            </Flex>
          }
        />
      ) : (
        <StartScreen data={data} size={size} isGreen={isGreen} reason={reason} isTaking={isTaking} error={error} onGreen={setGreen} onReason={setReason} onTake={take} onCheckIn={() => setCheckingIn(true)} />
      )}
    </div>
  );
}

function StartScreen(props: {
  data: KioskSnapshot;
  size: number;
  isGreen: boolean;
  reason: GreenReason | null;
  isTaking: boolean;
  error: string | null;
  onGreen: (green: boolean) => void;
  onReason: (reason: GreenReason) => void;
  onTake: (choice: Choice) => void;
  onCheckIn: () => void;
}) {
  const { data, size, isGreen, reason, isTaking, error } = props;
  const mustPickReason = isGreen && reason === null;
  // Large type keeps three buttons a row on a portrait kiosk (1080 px wide), so the start screen fits 1080×1920 unscrolled.
  const isLarge = size > 1;
  const big = { height: isLarge ? 150 : 120, fontSize: 26 * size, whiteSpace: 'normal' as const, width: '100%' };
  const column = (px: number) => `repeat(auto-fill, minmax(${isLarge ? 300 : px}px, 1fr))`;
  return (
    <Flex vertical gap={24 * size} style={{ marginTop: 24 }}>
      <KioskCheckInEntry size={size} disabled={isTaking} onOpen={props.onCheckIn} />
      {data.greenReasons.length > 0 && (
        <Flex vertical gap={12}>
          <Segmented
            size="large"
            data-testid="kiosk-priority"
            value={isGreen ? 'green' : 'ordinary'}
            onChange={(v) => props.onGreen(v === 'green')}
            options={[
              { value: 'ordinary', label: <span style={{ fontSize: 22 * size, padding: 8, display: 'inline-block' }}>{tq.kiosk.ordinary}</span> },
              { value: 'green', label: <span style={{ fontSize: 22 * size, padding: 8, display: 'inline-block', color: '#237804' }}>{tq.kiosk.green}</span> },
            ]}
          />
          {isGreen && (
            <Flex vertical gap={8}>
              <Typography.Text style={{ fontSize: 20 * size }}>{tq.kiosk.greenHint}</Typography.Text>
              <Flex gap={12} wrap>
                {data.greenReasons.map((r) => (
                  <Button
                    key={r}
                    size="large"
                    type={reason === r ? 'primary' : 'default'}
                    data-testid={`kiosk-reason-${r}`}
                    onClick={() => props.onReason(r)}
                    style={{ height: 64 * size, fontSize: 22 * size, minWidth: 160 }}
                  >
                    {tq.greenReasons[r]}
                  </Button>
                ))}
              </Flex>
            </Flex>
          )}
        </Flex>
      )}
      {error && <Alert type="error" showIcon title={<span style={{ fontSize: 22 * size }}>{error}</span>} />}

      <section>
        <Typography.Title level={3} style={{ fontSize: 26 * size }}>
          {tq.kiosk.byTheme}
        </Typography.Title>
        {data.queues.length === 0 && <Typography.Text>{tq.kiosk.noQueues}</Typography.Text>}
        <div style={{ display: 'grid', gridTemplateColumns: column(260), gap: 16 }}>
          {data.queues.map((q) => {
            const unavailable = !q.isOpen || q.isFull;
            return (
              <Button
                key={q.id}
                type="primary"
                data-testid={`kiosk-queue-${q.prefix}`}
                disabled={unavailable || isTaking || mustPickReason}
                onClick={() => props.onTake({ queueId: q.id })}
                style={{ ...big, background: unavailable ? undefined : '#1d4ed8' }}
              >
                <Flex vertical align="center">
                  <span>{q.name}</span>
                  <span style={{ fontSize: 18 * size, opacity: 0.9 }}>
                    {!q.isOpen ? tq.kiosk.paused : q.isFull ? tq.kiosk.full : `${tq.kiosk.waiting(q.waiting)} · ${tq.common.waitRange(q.estimatedWait)}`}
                  </span>
                </Flex>
              </Button>
            );
          })}
        </div>
      </section>

      {data.popularItems.length > 0 && (
        <section>
          <Typography.Title level={3} style={{ fontSize: 26 * size }}>
            {tq.kiosk.popular}
          </Typography.Title>
          <div style={{ display: 'grid', gridTemplateColumns: column(300), gap: 16 }}>
            {data.popularItems.map((i) => {
              const unavailable = i.isAppointmentOnly || i.isFull;
              return (
                <Button
                  key={i.id}
                  disabled={unavailable || isTaking || mustPickReason}
                  onClick={() => props.onTake({ itemId: i.id })}
                  style={{ ...big, height: isLarge ? 120 : 96, fontSize: 22 * size }}
                >
                  <Flex vertical align="center">
                    <span>{i.name}</span>
                    <span style={{ fontSize: 16 * size, color: '#666' }}>
                      {i.isAppointmentOnly ? tq.kiosk.appointmentOnly : i.isFull ? tq.kiosk.full : tq.themes[i.theme]}
                    </span>
                  </Flex>
                </Button>
              );
            })}
          </div>
        </section>
      )}
    </Flex>
  );
}
