import { Alert, Avatar, Button, Flex, Input, Result, Space, Spin, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { trating } from '../../../locales/evaluations.zh-CN.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { createEvaluatorInvitation } from '../../evaluations/rating/api.ts';
import { RatingForm } from '../../evaluations/rating/components/rating-form.tsx';
import { evaluatorPhotoUrl, evaluatorStreamUrl, rateAtEvaluator, type EvaluatorSnapshot } from '../api.ts';
import { useStreamedState } from '../use-event-stream.ts';

const storageKey = (counterId: string) => `banshi.evaluator.${counterId}`;

/** The device key arrives once in the link (?key=…) and is kept on the tablet, out of the address bar. */
function useDeviceKey(counterId: string): [string | null, (key: string) => void] {
  const [key, setKey] = useState(() => {
    const params = new URLSearchParams(window.location.search);
    const given = params.get('key');
    if (given) {
      window.localStorage.setItem(storageKey(counterId), given);
      params.delete('key');
      const query = params.toString();
      window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
      return given;
    }
    return window.localStorage.getItem(storageKey(counterId));
  });
  /** bound on the spot with the key the administrator was shown when registering the evaluator */
  const bind = (given: string) => {
    window.localStorage.setItem(storageKey(counterId), given);
    setKey(given);
  };
  return [key, bind];
}

/**
 * The evaluator (评价器, /evaluator/<counter>): the clerk on duty with name, staff number and
 * photo, the ticket in service, and, when the clerk finishes, the invitation to rate the visit.
 */
export function EvaluatorPage() {
  const { counterId = '' } = useParams();
  const [key, bind] = useDeviceKey(counterId);
  const { data, isConnected } = useStreamedState<EvaluatorSnapshot>(evaluatorStreamUrl(counterId));
  const [thanked, setThanked] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 10_000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!thanked) return;
    const timer = window.setTimeout(() => setThanked(null), 8000);
    return () => window.clearTimeout(timer);
  }, [thanked]);

  if (!data) return <Spin fullscreen />;
  const pending = data.ratingRequest;
  const request = pending && pending.ticketId !== thanked && Date.parse(pending.ratingUntil) > now ? pending : null;

  return (
    <div data-testid="evaluator" style={{ minHeight: '100vh', background: '#f6ffed', padding: 32, fontSize: 20 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {tq.evaluator.counter(data.counter.number, data.counter.name)}
        </Typography.Title>
        <Typography.Text type="secondary">{data.centerName}</Typography.Text>
      </Flex>

      <Flex gap={32} align="center" style={{ marginTop: 32 }}>
        {data.clerk?.hasPhoto ? (
          <img src={evaluatorPhotoUrl(counterId, data.clerk.photoVersion)} alt={data.clerk.name} width={160} height={200} style={{ objectFit: 'cover', borderRadius: 12 }} />
        ) : (
          <Avatar shape="square" size={160} icon={<UserOutlined />} />
        )}
        <div data-testid="evaluator-clerk">
          {data.clerk ? (
            <>
              <Typography.Title level={1} style={{ margin: 0 }}>
                {data.clerk.name}
              </Typography.Title>
              {data.clerk.staffNumber && <div style={{ fontSize: 24 }}>{tq.evaluator.staffNumber(data.clerk.staffNumber)}</div>}
              <div style={{ fontSize: 24, marginTop: 8 }}>
                {data.sessionState === 'paused'
                  ? tq.evaluator.paused
                  : data.current
                    ? data.current.state === 'serving'
                      ? tq.evaluator.serving(data.current.displayNumber)
                      : tq.evaluator.called(data.current.displayNumber)
                    : tq.evaluator.welcome}
              </div>
            </>
          ) : (
            <Typography.Title level={2}>{tq.evaluator.noClerk}</Typography.Title>
          )}
        </div>
      </Flex>

      {thanked && <Result status="success" title={<span style={{ fontSize: 36 }}>{tq.evaluator.thanks}</span>} />}
      {request && <RatingRequest counterId={counterId} deviceKey={key} request={request} onRated={() => setThanked(request.ticketId)} />}
      {!key && <BindForm onBind={bind} />}
      {!isConnected && <Alert type="warning" showIcon title={tq.common.connectionLost} style={{ marginTop: 24 }} />}
    </div>
  );
}

function RatingRequest(props: {
  counterId: string;
  deviceKey: string | null;
  request: NonNullable<EvaluatorSnapshot['ratingRequest']>;
  onRated: () => void;
}) {
  const { counterId, deviceKey, request } = props;
  const [qr, setQr] = useState<{ ticketId: string; url: string } | null>(null);

  // The QR code for the visitor's phone: a one-use link to the same rating.
  useEffect(() => {
    if (!deviceKey) return;
    let isCurrent = true;
    createEvaluatorInvitation(counterId, deviceKey, request.ticketId)
      .then((i) => isCurrent && setQr({ ticketId: request.ticketId, url: i.qrUrl }))
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [counterId, deviceKey, request.ticketId]);

  return (
    <div data-testid="evaluator-request" style={{ marginTop: 40, textAlign: 'center' }}>
      <Typography.Title level={2}>{tq.evaluator.invite(request.displayNumber)}</Typography.Title>
      {!deviceKey ? (
        <Alert type="info" showIcon title={tq.evaluator.unbound} />
      ) : (
        <Flex gap={32} justify="center" align="flex-start" wrap style={{ marginTop: 24, textAlign: 'left' }}>
          <div style={{ flex: '1 1 560px', maxWidth: 760 }}>
            <RatingForm
              questionSet="in_person"
              isLarge
              onSubmit={async (answer) => {
                await rateAtEvaluator(counterId, deviceKey, { ticketId: request.ticketId, level: answer.level, tags: answer.tags, comment: answer.comment });
                props.onRated();
              }}
            />
          </div>
          {qr?.ticketId === request.ticketId && (
            <Flex vertical align="center" gap={8} data-testid="evaluator-qr" style={{ width: 220 }}>
              <img src={qr.url} alt={trating.evaluator.scan} width={200} height={200} style={{ background: '#fff', padding: 8 }} />
              <Typography.Text strong>{trating.evaluator.scan}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                {trating.evaluator.scanHint}
              </Typography.Text>
            </Flex>
          )}
        </Flex>
      )}
    </div>
  );
}

/** An evaluator opened without its key: whoever holds the device key binds it here. */
function BindForm({ onBind }: { onBind: (key: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <Flex vertical gap={8} style={{ marginTop: 40, maxWidth: 520 }} data-testid="evaluator-bind">
      <Alert type="info" showIcon title={tq.evaluator.unbound} />
      <Typography.Text type="secondary" style={{ fontSize: 14 }}>
        {tq.evaluator.bindHint}
      </Typography.Text>
      <Space.Compact>
        <Input.Password aria-label={tq.evaluator.bindKey} placeholder={tq.evaluator.bindKey} value={value} onChange={(e) => setValue(e.target.value)} data-testid="evaluator-bind-key" />
        <Button type="primary" disabled={!value.trim()} onClick={() => onBind(value.trim())} data-testid="evaluator-bind-submit">
          {tq.evaluator.bind}
        </Button>
      </Space.Compact>
    </Flex>
  );
}
