import { Alert, Button, Flex, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../../../components/use-show-error.ts';
import { KIOSK_LARGE_ZOOM, useKioskLargeType } from '../../../lib/device-preference.ts';
import { tss } from '../../../locales/self-service.zh-CN.ts';
import { pickupFromLocker, type PickupDto } from '../api.ts';

/**
 * The smart locker's keypad screen (/locker?key=<device key>): the applicant types the code from
 * the SMS and the slot opens, once.
 */
export function LockerPage() {
  const [params] = useSearchParams();
  const key = params.get('key') ?? '';
  const [isLarge] = useKioskLargeType();
  const [code, setCode] = useState('');
  const [opened, setOpened] = useState<PickupDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const open = async () => {
    setError(null);
    if (!/^\d{6}$/.test(code.trim())) return setError(tss.locker.codeInvalid);
    setBusy(true);
    try {
      setOpened(await pickupFromLocker(key, code.trim()));
      setCode('');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="locker" style={{ minHeight: '100vh', padding: 32, background: '#f0f5ff', fontSize: 22, zoom: isLarge ? KIOSK_LARGE_ZOOM : undefined }}>
      <Typography.Title level={2}>{tss.locker.title}</Typography.Title>
      {!key ? (
        <Alert type="warning" showIcon title={tss.locker.noKey} />
      ) : opened ? (
        <Result
          status="success"
          data-testid="locker-opened"
          title={<span style={{ fontSize: 32 }}>{tss.locker.opened(opened.slotNumber)}</span>}
          subTitle={<span style={{ fontSize: 20 }}>{tss.locker.item(opened.applicationNumber, opened.itemName)}</span>}
          extra={
            <Button size="large" data-testid="locker-next" onClick={() => setOpened(null)} style={{ height: 64, fontSize: 22 }}>
              {tss.locker.next}
            </Button>
          }
        />
      ) : (
        <Flex vertical gap={16} style={{ maxWidth: 480 }}>
          <label>
            {tss.locker.code}
            <Input
              size="large"
              data-testid="locker-code"
              inputMode="numeric"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onPressEnter={() => void open()}
              style={{ fontSize: 36, letterSpacing: 8 }}
            />
          </label>
          {error && <Alert type="error" showIcon data-testid="locker-error" title={error} />}
          <Button type="primary" size="large" data-testid="locker-open" loading={isBusy} onClick={() => void open()} style={{ height: 80, fontSize: 28 }}>
            {tss.locker.open}
          </Button>
        </Flex>
      )}
    </div>
  );
}
