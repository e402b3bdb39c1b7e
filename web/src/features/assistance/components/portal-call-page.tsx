import { Button, Card, Descriptions, Result } from 'antd';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../lib/time.ts';
import { tast } from '../../../locales/assistance.zh-CN.ts';
import { useVideoCall } from '../use-video-call.ts';
import { CallView } from './call-view.tsx';

/** The enterprise's side of a video session: it waits until the assistant starts, then answers the call. */
export function PortalCallPage() {
  const { id = '' } = useParams();
  const call = useVideoCall(id, 'enterprise');
  const session = call.session;
  const back = (
    <Link to="/portal/video-assistance">
      <Button data-testid="call-back">{tast.call.back}</Button>
    </Link>
  );
  if (call.phase === 'ended') return <Result status="success" title={tast.call.ended} extra={back} data-testid="call-ended" />;
  return (
    <Card title={tast.call.title} extra={back}>
      {session && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'slot', label: tast.columns.slot, children: formatDateTime(session.startsAt).slice(0, 16) },
            { key: 'topic', label: tast.columns.topic, children: session.topic },
            { key: 'assistant', label: tast.columns.assistant, children: session.assistantName ?? '—' },
          ]}
        />
      )}
      <CallView phase={call.phase} connectionState={call.connectionState} localVideo={call.localVideo} remoteVideo={call.remoteVideo} />
    </Card>
  );
}
