import { useEffect, useRef, useState } from 'react';
import type { CallDto, SessionDto, SignalDto } from './api.ts';
import { callStreamUrl, reportConnected, sendSignal } from './api.ts';

export type CallPhase = 'waiting_start' | 'waiting' | 'connecting' | 'connected' | 'failed' | 'no_media' | 'ended';

/**
 * One side of a video assistance call (WebRTC). The assistant (staff) makes the offer as soon as
 * the camera is on; the enterprise answers it. Signals go out by POST and come in on the
 * session's event stream (all of the other side's so far in each snapshot, then each new one);
 * they are handled one at a time, in order, once each. The assistant heeds only the enterprise's
 * signals sent after its current offer, the enterprise only those after the offer it answers, so a
 * page that was reloaded starts a fresh exchange. The first side to see the call connected
 * reports it: the session's length counts from then.
 */
export function useVideoCall(sessionId: string, side: 'staff' | 'enterprise') {
  const [phase, setPhase] = useState<CallPhase>('waiting');
  const [session, setSession] = useState<SessionDto | null>(null);
  const [connectionState, setConnectionState] = useState<RTCPeerConnectionState>('new');
  const localVideo = useRef<HTMLVideoElement>(null);
  const remoteVideo = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    let closed = false;
    let pc: RTCPeerConnection | null = null;
    let iceServers: RTCIceServer[] = [];
    let offerId = 0;
    let offered = false;
    let reported = false;
    let pending: RTCIceCandidateInit[] = [];
    const seen = new Set<number>();
    let chain = Promise.resolve();
    const enqueue = (step: () => Promise<void>) => {
      chain = chain
        .then(() => (closed ? undefined : step()))
        .catch(() => {
          if (!closed) setPhase('failed');
        });
    };
    const media = navigator.mediaDevices
      .getUserMedia({ video: true, audio: true })
      .catch(() => navigator.mediaDevices.getUserMedia({ video: true }))
      .then((stream) => {
        if (closed) stream.getTracks().forEach((track) => track.stop());
        else if (localVideo.current) localVideo.current.srcObject = stream;
        return stream;
      });
    media.catch(() => !closed && setPhase('no_media'));

    const newPeer = async () => {
      pc?.close();
      pending = [];
      const peer = new RTCPeerConnection({ iceServers });
      pc = peer;
      const local = await media;
      local.getTracks().forEach((track) => peer.addTrack(track, local));
      peer.onicecandidate = (event) => {
        if (event.candidate && pc === peer) void sendSignal(sessionId, { kind: 'candidate', payload: toPayload(event.candidate.toJSON()) }).catch(() => undefined);
      };
      peer.ontrack = (event) => {
        if (remoteVideo.current && event.streams[0]) remoteVideo.current.srcObject = event.streams[0];
      };
      peer.onconnectionstatechange = () => {
        if (pc !== peer || closed) return;
        setConnectionState(peer.connectionState);
        if (peer.connectionState === 'connected') {
          setPhase('connected');
          if (!reported) {
            reported = true;
            void reportConnected(sessionId).catch(() => (reported = false));
          }
        }
        if (peer.connectionState === 'failed') setPhase('failed');
      };
      setPhase('connecting');
      return peer;
    };
    const makeOffer = async () => {
      const peer = await newPeer();
      const offer = await peer.createOffer();
      await peer.setLocalDescription(offer);
      offerId = (await sendSignal(sessionId, { kind: 'offer', payload: { type: offer.type, sdp: offer.sdp ?? '' } })).id;
    };

    const handle = async (signal: SignalDto) => {
      if (side === 'enterprise' && signal.kind === 'offer') {
        offerId = signal.id;
        const peer = await newPeer();
        await peer.setRemoteDescription(signal.payload as unknown as RTCSessionDescriptionInit);
        const answer = await peer.createAnswer();
        await peer.setLocalDescription(answer);
        await sendSignal(sessionId, { kind: 'answer', payload: { type: answer.type, sdp: answer.sdp ?? '' } });
        for (const candidate of pending) await peer.addIceCandidate(candidate);
        pending = [];
        return;
      }
      if (signal.id < offerId || !pc) return;
      if (signal.kind === 'answer' && pc.signalingState === 'have-local-offer') {
        await pc.setRemoteDescription(signal.payload as unknown as RTCSessionDescriptionInit);
        for (const candidate of pending) await pc.addIceCandidate(candidate);
        pending = [];
      } else if (signal.kind === 'candidate') {
        const candidate = signal.payload as unknown as RTCIceCandidateInit;
        if (pc.remoteDescription) await pc.addIceCandidate(candidate);
        else pending.push(candidate);
      }
    };

    const source = new EventSource(callStreamUrl(sessionId));
    const teardown = () => {
      source.close();
      pc?.close();
      void media.then((s) => s.getTracks().forEach((track) => track.stop())).catch(() => undefined);
    };
    const onMessage = (event: MessageEvent<string>) => {
      const call = JSON.parse(event.data) as CallDto;
      iceServers = call.iceServers as RTCIceServer[];
      setSession(call.session);
      if (call.session.state === 'ended' || call.session.state === 'cancelled') {
        setPhase('ended');
        teardown();
        return;
      }
      if (call.session.state === 'booked') {
        setPhase('waiting_start');
        return;
      }
      if (side === 'staff' && !offered) {
        offered = true;
        enqueue(makeOffer);
      }
      if (side === 'enterprise' && !pc) setPhase((p) => (p === 'waiting_start' ? 'waiting' : p));
      for (const signal of call.signals) {
        if (seen.has(signal.id)) continue;
        seen.add(signal.id);
        enqueue(() => handle(signal));
      }
    };
    source.addEventListener('snapshot', onMessage);
    source.addEventListener('update', onMessage);
    return () => {
      closed = true;
      teardown();
    };
  }, [sessionId, side]);

  return { phase, session, connectionState, localVideo, remoteVideo };
}

function toPayload(init: RTCIceCandidateInit): Record<string, string | number | null> {
  return { candidate: init.candidate ?? '', sdpMid: init.sdpMid ?? null, sdpMLineIndex: init.sdpMLineIndex ?? null, usernameFragment: init.usernameFragment ?? null };
}
