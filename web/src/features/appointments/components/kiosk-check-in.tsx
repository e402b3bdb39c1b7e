import { Alert, Button, Flex, Input, Result, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../components/use-show-error.ts';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { Receipt } from '../../queue/components/receipt.tsx';
import { checkInAtKiosk, type CheckInResultDto } from '../api.ts';

/**
 * Check-in at the kiosk (A.6): the booking code typed, or scanned from the booking's QR code (the
 * scanner types it and presses Enter), or the phone number booked with. In the window it prints an
 * appointment-priority ticket; late arrivals get an ordinary ticket and are told why.
 */
export function KioskCheckIn({ centerId, size, onDone }: { centerId: string; size: number; onDone: () => void }) {
  const [mode, setMode] = useState<'code' | 'phone'>('code');
  const [value, setValue] = useState('');
  const [result, setResult] = useState<CheckInResultDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const big = { height: 72 * size, fontSize: 24 * size, minWidth: 200 };

  const submit = async () => {
    const text = value.trim();
    if (!text) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await checkInAtKiosk(centerId, mode === 'code' ? { code: text.toUpperCase() } : { phone: text }));
      setValue('');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <Flex vertical align="center" gap={24 * size} style={{ marginTop: 32 }} data-testid="kiosk-check-in-result">
        <Result
          status={result.isLate ? 'warning' : 'success'}
          title={<span style={{ fontSize: 32 * size }}>{result.isLate ? ty.kiosk.late : ty.kiosk.done}</span>}
          subTitle={
            <span style={{ fontSize: 22 * size }} data-testid="kiosk-check-in-message">
              {result.message}
            </span>
          }
        />
        <Receipt ticket={result.ticket} large={size > 1} />
        {result.otherBookingsToday > 0 && <Alert type="info" showIcon title={<span style={{ fontSize: 20 * size }}>{ty.kiosk.more(result.otherBookingsToday)}</span>} />}
        <Flex gap={24}>
          <Button size="large" type="primary" onClick={() => window.print()} style={big}>
            {tq.common.print}
          </Button>
          <Button size="large" onClick={onDone} style={big} data-testid="kiosk-check-in-done">
            {tq.kiosk.done}
          </Button>
        </Flex>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={24 * size} style={{ marginTop: 24, maxWidth: 720 }} data-testid="kiosk-check-in">
      <Typography.Title level={2} style={{ fontSize: 32 * size, margin: 0 }}>
        {ty.kiosk.title}
      </Typography.Title>
      <Segmented
        size="large"
        value={mode}
        onChange={(v) => {
          setMode(v as 'code' | 'phone');
          setValue('');
          setError(null);
        }}
        options={[
          { value: 'code', label: <span style={{ fontSize: 22 * size, padding: 8, display: 'inline-block' }}>{ty.kiosk.byCode}</span> },
          { value: 'phone', label: <span style={{ fontSize: 22 * size, padding: 8, display: 'inline-block' }}>{ty.kiosk.byPhone}</span> },
        ]}
      />
      <Typography.Text style={{ fontSize: 20 * size }}>{mode === 'code' ? ty.kiosk.scanHint : ty.kiosk.phonePlaceholder}</Typography.Text>
      <Input
        autoFocus
        size="large"
        value={value}
        inputMode={mode === 'phone' ? 'tel' : 'text'}
        maxLength={mode === 'code' ? 8 : 13}
        placeholder={mode === 'code' ? ty.kiosk.codePlaceholder : ty.kiosk.phonePlaceholder}
        onChange={(e) => setValue(mode === 'code' ? e.target.value.toUpperCase() : e.target.value)}
        onPressEnter={() => void submit()}
        style={{ height: 80 * size, fontSize: 36 * size, letterSpacing: mode === 'code' ? 6 : 2 }}
        data-testid="kiosk-check-in-input"
      />
      {error && <Alert type="error" showIcon title={<span style={{ fontSize: 22 * size }} data-testid="kiosk-check-in-error">{error}</span>} />}
      <Flex gap={24}>
        <Button type="primary" size="large" loading={isBusy} disabled={!value.trim()} onClick={() => void submit()} style={big} data-testid="kiosk-check-in-submit">
          {ty.kiosk.submit}
        </Button>
        <Button size="large" onClick={onDone} style={big}>
          {ty.kiosk.back}
        </Button>
      </Flex>
    </Flex>
  );
}

/** The start screen's entry to check-in: one large button. */
export function KioskCheckInEntry({ size, disabled, onOpen }: { size: number; disabled: boolean; onOpen: () => void }) {
  return (
    <Button
      type="primary"
      size="large"
      disabled={disabled}
      onClick={onOpen}
      data-testid="kiosk-check-in-entry"
      style={{ height: 96 * size, fontSize: 26 * size, width: '100%', background: disabled ? undefined : '#237804', whiteSpace: 'normal' }}
    >
      <Flex vertical align="center">
        <span>{ty.kiosk.entry}</span>
        <span style={{ fontSize: 18 * size }}>{ty.kiosk.entryHint}</span>
      </Flex>
    </Button>
  );
}
