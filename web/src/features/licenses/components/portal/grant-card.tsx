import { Alert, Button, Card, Flex, Image, Popconfirm, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { GrantDto } from '@server/modules/licenses/contract.ts';
import { useShowError } from '../../../../components/use-show-error.ts';
import { tl } from '../../../../locales/licenses.zh-CN.ts';
import { useCancelGrant } from '../../queries.ts';

const TOTAL_SECONDS = 10 * 60;

/**
 * Seconds left on the grant, counted down on this device from the server's own figure at the
 * time it answered, so a device clock that is off does not shorten or stretch the countdown.
 */
function useSecondsLeft(grant: GrantDto): number {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, grant.secondsLeft - Math.floor((now - startedAt) / 1000));
}

/** The live grant: QR code, 6 digits, countdown, and a way to withdraw it. */
export function GrantCard({ grant }: { grant: GrantDto }) {
  const left = useSecondsLeft(grant);
  const cancel = useCancelGrant();
  const showError = useShowError();
  const mmss = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
  if (left === 0) return <Alert type="warning" showIcon title={tl.grants.expired} />;
  return (
    <Card>
      <Flex gap={32} wrap align="center">
        {grant.qrDataUrl && <Image src={grant.qrDataUrl} width={220} height={220} preview={false} alt={tl.grants.code} data-testid="grant-qr" />}
        <Flex vertical gap="middle">
          <div>
            <Typography.Text type="secondary">{tl.grants.code}</Typography.Text>
            {/* digits as text: a number format would add separators and drop leading zeros */}
            <div style={{ fontSize: 44, letterSpacing: 8, fontFamily: 'monospace', lineHeight: 1.2 }} data-testid="grant-code">
              {grant.code}
            </div>
          </div>
          <div>
            <Typography.Text type="secondary">{tl.grants.countdown}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="grant-countdown">
              {mmss}
            </Typography.Title>
            <Progress percent={(left / TOTAL_SECONDS) * 100} showInfo={false} size="small" />
          </div>
          <Typography.Text>
            {tl.grants.types}：{grant.types.map((x) => x.name).join('、')}
          </Typography.Text>
          <Popconfirm title={tl.grants.cancelConfirm} onConfirm={() => cancel.mutateAsync(grant.id).catch(showError)}>
            <Button danger>{tl.grants.cancel}</Button>
          </Popconfirm>
        </Flex>
      </Flex>
    </Card>
  );
}
