import { Alert, Avatar, Button, Flex, Input, Result, Spin, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { evaluatorPhotoUrl, evaluatorStreamUrl, rateAtEvaluator, type EvaluatorSnapshot } from '../api.ts';
import { useStreamedState } from '../use-event-stream.ts';

const LEVEL_COLOURS: Record<number, string> = { 5: '#389e0d', 4: '#7cb305', 3: '#d4b106', 2: '#d46b08', 1: '#cf1322' };
const storageKey = (counterId: string) => `banshi.evaluator.${counterId}`;

/** The device key arrives once in the link (?key=…) and is kept on the tablet, out of the address bar. */
function useDeviceKey(counterId: string): string | null {
  const [key] = useState(() => {
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
  return key;
}

/**
 * The evaluator (评价器, /evaluator/<counter>): the clerk on duty with name, staff number and
 * photo, the ticket in service, and, when the clerk finishes, the invitation to rate the visit.
 */
export function EvaluatorPage() {
  const { counterId = '' } = useParams();
  const key = useDeviceKey(counterId);
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
  const [level, setLevel] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);

  const send = async (chosen: number, text: string) => {
    if (!deviceKey) return;
    setSending(true);
    setError(null);
    try {
      await rateAtEvaluator(counterId, deviceKey, { ticketId: request.ticketId, level: chosen, comment: text });
      props.onRated();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <div data-testid="evaluator-request" style={{ marginTop: 40, textAlign: 'center' }}>
      <Typography.Title level={2}>{tq.evaluator.invite(request.displayNumber)}</Typography.Title>
      {!deviceKey ? (
        <Alert type="info" showIcon title={tq.evaluator.unbound} />
      ) : (
        <>
          <Flex gap={16} justify="center" wrap style={{ marginTop: 24 }}>
            {[5, 4, 3, 2, 1].map((l) => (
              <Button
                key={l}
                size="large"
                data-testid={`rate-${l}`}
                disabled={isSending}
                type={level === l ? 'primary' : 'default'}
                onClick={() => (l <= 2 ? setLevel(l) : void send(l, ''))}
                style={{ height: 96, minWidth: 150, fontSize: 24, borderColor: LEVEL_COLOURS[l], color: level === l ? '#fff' : LEVEL_COLOURS[l], background: level === l ? LEVEL_COLOURS[l] : undefined }}
              >
                {tq.ratingLevels[l]}
              </Button>
            ))}
          </Flex>
          {level !== null && level <= 2 && (
            <Flex vertical gap={12} style={{ maxWidth: 640, margin: '24px auto 0' }}>
              <Input.TextArea rows={3} maxLength={200} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={tq.evaluator.commentPlaceholder} style={{ fontSize: 20 }} />
              <Button size="large" type="primary" loading={isSending} onClick={() => void send(level, comment)} style={{ height: 64, fontSize: 22 }}>
                {tq.evaluator.submit}
              </Button>
            </Flex>
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
        </>
      )}
    </div>
  );
}
