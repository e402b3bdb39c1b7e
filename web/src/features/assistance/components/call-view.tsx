import { Alert, Col, Row, Tag, Typography } from 'antd';
import type { RefObject } from 'react';
import { tast } from '../../../locales/assistance.zh-CN.ts';
import type { CallPhase } from '../use-video-call.ts';

const PHASE_TEXT: Record<CallPhase, string> = {
  waiting_start: tast.call.waitingStart,
  waiting: tast.call.waiting,
  connecting: tast.call.connecting,
  connected: tast.call.connected,
  failed: tast.call.failed,
  no_media: tast.call.noMedia,
  ended: tast.call.ended,
};

type Props = { phase: CallPhase; connectionState: RTCPeerConnectionState; localVideo: RefObject<HTMLVideoElement | null>; remoteVideo: RefObject<HTMLVideoElement | null> };

/** The two pictures of a call and where it stands. */
export function CallView({ phase, connectionState, localVideo, remoteVideo }: Props) {
  const isProblem = phase === 'failed' || phase === 'no_media';
  return (
    <>
      {isProblem ? (
        <Alert type="error" showIcon title={PHASE_TEXT[phase]} />
      ) : (
        <Tag color={phase === 'connected' ? 'green' : 'blue'} data-testid="call-state" data-state={connectionState} data-phase={phase}>
          {PHASE_TEXT[phase]}
        </Tag>
      )}
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={16}>
          <Typography.Text type="secondary">{tast.call.remote}</Typography.Text>
          <video ref={remoteVideo} autoPlay playsInline style={{ width: '100%', background: '#000', borderRadius: 8, aspectRatio: '4 / 3' }} data-testid="remote-video" />
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text type="secondary">{tast.call.local}</Typography.Text>
          <video ref={localVideo} autoPlay playsInline muted style={{ width: '100%', background: '#000', borderRadius: 8, aspectRatio: '4 / 3' }} data-testid="local-video" />
        </Col>
      </Row>
    </>
  );
}
