import { Alert, Button, Card, Flex, Form, Input, Statistic } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { InputRef } from 'antd';
import { describeError } from '../../../components/use-show-error.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { tbr } from '../../../locales/briefings.zh-CN.ts';
import { useCheckIn, useEvent } from '../queries.ts';

/**
 * 现场签到 at the door: a hand scanner reads the attendee's QR code into the field (as typed
 * keys ending with Enter), or the code is typed. Each answer is shown at once; the field clears
 * and keeps the focus for the next person.
 */
export function CheckInPage() {
  const { id = '' } = useParams();
  const event = useEvent(id);
  const checkIn = useCheckIn();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const input = useRef<InputRef>(null);
  if (event.isError) return <QueryError error={event.error} onRetry={() => void event.refetch()} />;
  const submit = async () => {
    const value = code.trim();
    if (!value) return;
    try {
      const done = await checkIn.mutateAsync({ id, code: value });
      setResult({ ok: true, text: tbr.checkIn.done(done.name, done.enterpriseName) });
    } catch (error) {
      setResult({ ok: false, text: describeError(error) });
    }
    setCode('');
    input.current?.focus();
  };
  const e = event.data;
  return (
    <Card title={`${tbr.checkIn.title}${e ? `：${e.topic}` : ''}`} loading={!e} extra={<Link to={`/briefings/${id}`}>{tbr.checkIn.back}</Link>}>
      <Form layout="inline" onFinish={() => void submit()}>
        <Form.Item label={tbr.checkIn.code}>
          <Input
            ref={input}
            autoFocus
            value={code}
            onChange={(v) => setCode(v.target.value)}
            placeholder={tbr.checkIn.placeholder}
            style={{ width: 320 }}
            maxLength={12}
            data-testid="check-in-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={checkIn.isPending} data-testid="check-in-submit">
          {tbr.checkIn.submit}
        </Button>
      </Form>
      {result && <Alert style={{ marginTop: 16 }} type={result.ok ? 'success' : 'error'} showIcon title={result.text} data-testid="check-in-result" />}
      {e && (
        <Flex wrap gap={32} style={{ marginTop: 24 }}>
          <Statistic title={tbr.fields.registered} value={e.figures.registered} />
          <Statistic title={tbr.fields.attended} value={e.figures.attended} data-testid="check-in-attended" />
          <Statistic title={tbr.fields.attendanceRate} value={tbr.rate(e.figures.attendanceRate)} />
        </Flex>
      )}
    </Card>
  );
}
