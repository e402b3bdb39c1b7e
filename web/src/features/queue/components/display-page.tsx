import { SoundOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { useDevicePreference } from '../../../lib/device-preference.ts';
import { displayStreamUrl, type DisplayUpdate } from '../api.ts';
import { announce, canSpeak, unlockSpeech } from '../speech.ts';
import { useEventStream } from '../use-event-stream.ts';
import { Clock } from './clock.tsx';

/**
 * Sized in vmin, so the page fits its screen without scrolling in landscape (1920×1080) and,
 * one column under the other, in portrait (1080×1920): eight calls and a dozen queues fit. The
 * page takes the height the demo banner leaves.
 */
const LAYOUT = `
body:has(.bd-root) { margin: 0; }
.ant-app:has(> .bd-root) { height: 100vh; height: 100dvh; display: flex; flex-direction: column; }
.bd-root { flex: 1 1 auto; min-height: 0; height: 100vh; height: 100dvh; box-sizing: border-box; overflow: hidden; background: #0b1f3a; color: #fff; padding: 2vmin;
  display: flex; flex-direction: column; gap: 1.5vmin; font-size: 3vmin; line-height: 1.25; }
.bd-head { display: flex; justify-content: space-between; align-items: center; gap: 2vmin; }
.bd-title { min-width: 0; flex: 1; }
.bd-center { font-size: 2.6vmin; opacity: 0.85; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.bd-zone { font-size: 4.6vmin; font-weight: 700; overflow-wrap: anywhere; }
.bd-side { display: flex; align-items: center; gap: 1.5vmin; white-space: nowrap; font-size: 2.8vmin; }
.bd-main { flex: 1; min-height: 0; display: grid; grid-template-columns: 3fr 2fr; gap: 2vmin; }
.bd-col { display: flex; flex-direction: column; gap: 1.5vmin; min-height: 0; }
.bd-panel { background: #12315e; border-radius: 16px; padding: 1.5vmin 2vmin; min-height: 0; overflow: hidden; }
.bd-latest { text-align: center; padding: 2vmin; }
.bd-latest-number { font-size: 11vmin; font-weight: 800; color: #ffd666; line-height: 1.1; }
.bd-latest-counter { font-size: 5vmin; font-weight: 700; }
.bd-spoken { font-size: 3.2vmin; text-align: center; color: #ffd666; }
.bd-caption { font-size: 2.8vmin; margin-bottom: 0.8vmin; opacity: 0.85; }
.bd-table { width: 100%; border-collapse: collapse; }
.bd-table tr { border-top: 1px solid #264a80; }
.bd-table td { padding: 0.5vmin 0; }
.bd-calls td { font-size: 4vmin; }
.bd-queues td { font-size: 3.2vmin; }
@media (orientation: portrait) { .bd-main { grid-template-columns: 1fr; align-content: start; } }
@keyframes banshi-flash { 50% { background: #1f4f99; } }
`;

/**
 * The calling display (叫号屏, /display/<center>/<zone>): full screen, large type, the last calls
 * and the waiting count per queue, updated by server-sent events, each call spoken in Mandarin.
 * Voice is switched on once on the device (whoever sets it up), and stays on after reloads.
 */
export function DisplayPage() {
  const { centerId = '', zoneId = '' } = useParams();
  const [update, setUpdate] = useState<DisplayUpdate | null>(null);
  const [isSoundOn, setSoundOn] = useDevicePreference('display.sound', false);
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
  // A browser started without its autoplay restriction speaks at once; any other speaks from the first touch.
  useEffect(() => {
    if (!isSoundOn || !canSpeak()) return;
    unlockSpeech();
    window.addEventListener('pointerdown', unlockSpeech, { once: true });
    return () => window.removeEventListener('pointerdown', unlockSpeech);
  }, [isSoundOn]);

  if (!update) return <Spin fullscreen />;
  const { snapshot, announcement } = update;
  const latest = snapshot.calls[0];
  const isLatestSpoken = spoken !== null && latest !== undefined && spoken.includes(` ${latest.displayNumber} `);

  return (
    <div data-testid="display" className="bd-root">
      <style>{LAYOUT}</style>
      <header className="bd-head">
        <div className="bd-title">
          <div className="bd-center">{snapshot.centerName}</div>
          <div className="bd-zone" data-testid="display-zone">
            {snapshot.zoneName}
          </div>
        </div>
        <div className="bd-side">
          {!isConnected && <span style={{ color: '#ff7875' }}>{tq.common.connectionLost}</span>}
          {canSpeak() &&
            (isSoundOn ? (
              <Button type="text" data-testid="display-sound-off" aria-label={tq.display.soundOff} title={tq.display.soundOff} icon={<SoundOutlined />} style={{ color: '#8fa6c8' }} onClick={() => setSoundOn(false)} />
            ) : (
              <Button
                data-testid="display-sound"
                onClick={() => {
                  unlockSpeech();
                  setSoundOn(true);
                }}
              >
                {tq.display.enableSound}
              </Button>
            ))}
          <Clock withDate />
        </div>
      </header>

      <main className="bd-main">
        <div className="bd-col">
          <div
            key={flash ?? 'none'}
            data-testid="display-latest"
            className="bd-panel bd-latest"
            style={{ animation: announcement ? 'banshi-flash 1s ease-in-out 3' : undefined }}
          >
            {latest ? (
              <>
                <div>{tq.display.latest}</div>
                <div className="bd-latest-number">{latest.displayNumber}</div>
                <div className="bd-latest-counter">{tq.display.toCounter(latest.counterNumber)}</div>
              </>
            ) : (
              <div className="bd-latest-counter">{tq.display.noCalls}</div>
            )}
          </div>
          {isLatestSpoken && (
            <div data-testid="display-announcement" className="bd-spoken">
              {spoken}
            </div>
          )}
          <section className="bd-panel" data-testid="display-recent">
            <div className="bd-caption">{tq.display.recent}</div>
            <table data-testid="display-calls" className="bd-table bd-calls">
              <tbody>
                {snapshot.calls.slice(1).map((c) => (
                  <tr key={c.ticketId + c.calledAt}>
                    <td style={{ fontWeight: 700, color: '#ffd666' }}>{c.displayNumber}</td>
                    <td style={{ textAlign: 'right' }}>{tq.display.toCounter(c.counterNumber)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <section className="bd-panel" data-testid="display-waiting">
          <div className="bd-caption">{tq.display.waiting}</div>
          <table data-testid="display-queues" className="bd-table bd-queues">
            <tbody>
              {snapshot.queues.map((q) => (
                <tr key={q.id}>
                  <td>{tq.common.queueLabel(q.prefix, q.name)}</td>
                  <td style={{ textAlign: 'right', fontWeight: 700 }}>{tq.common.people(q.waiting)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </main>
    </div>
  );
}
