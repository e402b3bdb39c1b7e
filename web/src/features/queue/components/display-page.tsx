import { Button, Flex, Spin } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { displayStreamUrl, type DisplayUpdate } from '../api.ts';
import { announce, canSpeak, unlockSpeech } from '../speech.ts';
import { useEventStream } from '../use-event-stream.ts';
import { Clock } from './clock.tsx';

const BG = '#0b1f3a';
const ACCENT = '#ffd666';

/**
 * The calling display (叫号屏, /display/<center>/<zone>): full screen, large type, the last calls
 * and the waiting count per queue, updated by server-sent events, each call spoken in Mandarin.
 */
export function DisplayPage() {
  const { centerId = '', zoneId = '' } = useParams();
  const [update, setUpdate] = useState<DisplayUpdate | null>(null);
  const [isSoundOn, setSoundOn] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const [spoken, setSpoken] = useState<string | null>(null);
  const { isConnected } = useEventStream<DisplayUpdate>(displayStreamUrl(centerId, zoneId), (next) => {
    setUpdate(next);
    if (next.announcement) {
      setFlash(next.announcement.ticketId + next.snapshot.generatedAt);
      setSpoken(next.announcement.text);
      if (isSoundOn) announce(next.announcement.text);
    }
  });

  if (!update) return <Spin fullscreen />;
  const { snapshot, announcement } = update;
  const latest = snapshot.calls[0];
  const isLatestSpoken = spoken !== null && latest !== undefined && spoken.includes(` ${latest.displayNumber} `);
  const big = (rem: number) => `clamp(${rem * 0.5}rem, ${rem * 1.1}vw, ${rem * 1.6}rem)`;

  return (
    <div data-testid="display" style={{ minHeight: '100vh', background: BG, color: '#fff', padding: '2vw', display: 'flex', flexDirection: 'column', gap: '2vw' }}>
      <Flex justify="space-between" align="center" gap="2vw">
        <div style={{ fontSize: big(2.6), fontWeight: 700, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {snapshot.centerName} · {snapshot.zoneName}
        </div>
        <Flex align="center" gap="1.5vw" style={{ whiteSpace: 'nowrap' }}>
          {!isConnected && <span style={{ fontSize: big(1.4), color: '#ff7875' }}>{tq.common.connectionLost}</span>}
          {canSpeak() && !isSoundOn && (
            <Button
              data-testid="display-sound"
              onClick={() => {
                unlockSpeech();
                setSoundOn(true);
              }}
            >
              {tq.display.enableSound}
            </Button>
          )}
          <Clock withDate style={{ fontSize: big(1.8) }} />
        </Flex>
      </Flex>

      <div style={{ display: 'grid', gridTemplateColumns: '3fr 2fr', gap: '2vw', flex: 1 }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: '2vw' }}>
          <div
            key={flash ?? 'none'}
            data-testid="display-latest"
            style={{ background: '#12315e', borderRadius: 16, padding: '2vw', textAlign: 'center', animation: announcement ? 'banshi-flash 1s ease-in-out 3' : undefined }}
          >
            <style>{'@keyframes banshi-flash { 50% { background: #1f4f99; } }'}</style>
            {latest ? (
              <>
                <div style={{ fontSize: big(3) }}>{tq.display.latest}</div>
                <div style={{ fontSize: big(9), fontWeight: 800, color: ACCENT, lineHeight: 1.1 }}>{latest.displayNumber}</div>
                <div style={{ fontSize: big(4), fontWeight: 700 }}>{tq.display.toCounter(latest.counterNumber)}</div>
              </>
            ) : (
              <div style={{ fontSize: big(4) }}>{tq.display.noCalls}</div>
            )}
          </div>
          {isLatestSpoken && (
            <div data-testid="display-announcement" style={{ fontSize: big(2.6), textAlign: 'center', color: ACCENT }}>
              {spoken}
            </div>
          )}
          <div style={{ background: '#12315e', borderRadius: 16, padding: '1.5vw' }}>
            <div style={{ fontSize: big(2.2), marginBottom: '1vw', opacity: 0.85 }}>{tq.display.recent}</div>
            <table data-testid="display-calls" style={{ width: '100%', fontSize: big(2.8), borderCollapse: 'collapse' }}>
              <tbody>
                {snapshot.calls.slice(1).map((c) => (
                  <tr key={c.ticketId + c.calledAt} style={{ borderTop: '1px solid #264a80' }}>
                    <td style={{ padding: '0.6vw 0', fontWeight: 700, color: ACCENT }}>{c.displayNumber}</td>
                    <td style={{ textAlign: 'right' }}>{tq.display.toCounter(c.counterNumber)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div style={{ background: '#12315e', borderRadius: 16, padding: '1.5vw' }}>
          <div style={{ fontSize: big(2.2), marginBottom: '1vw', opacity: 0.85 }}>{tq.display.waiting}</div>
          <table data-testid="display-queues" style={{ width: '100%', fontSize: big(2.6), borderCollapse: 'collapse' }}>
            <tbody>
              {snapshot.queues.map((q) => (
                <tr key={q.id} style={{ borderTop: '1px solid #264a80' }}>
                  <td style={{ padding: '0.6vw 0' }}>{tq.common.queueLabel(q.prefix, q.name)}</td>
                  <td style={{ textAlign: 'right', fontWeight: 700 }}>{tq.common.people(q.waiting)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

    </div>
  );
}
