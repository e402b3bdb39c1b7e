import { Alert, Button, Descriptions, Flex, Input, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../components/use-show-error.ts';
import { tss } from '../../../locales/self-service.zh-CN.ts';
import { lookupProgress, noticePdf, type KioskProgressDto, type KioskProgressInput } from '../api.ts';

/** Progress by application number and the applicant's secret; the notices open as PDFs for printing. */
export function ProgressLookup() {
  const [number, setNumber] = useState('');
  const [checkCode, setCheckCode] = useState('');
  const [phone, setPhone] = useState('');
  const [found, setFound] = useState<{ progress: KioskProgressDto; proof: KioskProgressInput } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const search = async () => {
    setError(null);
    if (!number.trim()) return setError(tss.progress.numberRequired);
    if (!checkCode.trim() && !phone.trim()) return setError(tss.progress.secretRequired);
    const proof: KioskProgressInput = { number: number.trim(), ...(checkCode.trim() ? { checkCode: checkCode.trim() } : { phone: phone.trim() }) };
    setBusy(true);
    try {
      setFound({ progress: await lookupProgress(proof), proof });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const print = async (noticeId: string) => {
    if (!found) return;
    setError(null);
    // open the window in the touch's own turn (a pop-up opened after an await is blocked), then fill it
    const opened = window.open('', '_blank');
    try {
      const blob = await noticePdf(noticeId, found.proof);
      const url = URL.createObjectURL(blob);
      if (opened) opened.location.href = url;
      else window.location.assign(url);
    } catch (e) {
      opened?.close();
      setError(describeError(e));
    }
  };

  const reset = () => {
    setFound(null);
    setNumber('');
    setCheckCode('');
    setPhone('');
  };

  if (found) {
    const p = found.progress;
    return (
      <Flex vertical gap={16} data-testid="ss-result">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p.number} · {p.name}
        </Typography.Title>
        <Descriptions bordered column={1} size="middle" labelStyle={{ width: 200 }}>
          <Descriptions.Item label={tss.progress.state}>
            <span data-testid="ss-state">{p.stateLabel}</span>：{p.summary}
          </Descriptions.Item>
          <Descriptions.Item label={tss.progress.received}>{p.receivedOn}</Descriptions.Item>
          {p.dueDate && <Descriptions.Item label={tss.progress.due}>{p.dueDate}</Descriptions.Item>}
        </Descriptions>
        {p.locker && <Alert type="success" showIcon data-testid="ss-locker" title={tss.progress.locker(p.locker.name, p.locker.location, p.locker.slotNumber)} />}
        {error && <Alert type="error" showIcon data-testid="ss-error" title={error} />}
        <Typography.Title level={4}>{tss.progress.notices}</Typography.Title>
        {p.printable.length === 0 && <Typography.Text>{tss.progress.noNotices}</Typography.Text>}
        <Flex vertical gap={12}>
          {p.printable.map((n) => (
            <Flex key={n.id} align="center" justify="space-between" style={{ background: '#fff', padding: 12, borderRadius: 8 }}>
              <span>
                {n.title}（{n.number}）
              </span>
              <Button size="large" type="primary" data-testid="ss-print" onClick={() => void print(n.id)} style={{ height: 56, minWidth: 120 }}>
                {tss.progress.print}
              </Button>
            </Flex>
          ))}
        </Flex>
        <Typography.Title level={4}>{tss.progress.steps}</Typography.Title>
        <Timeline items={p.steps.map((s) => ({ children: `${s.at.slice(0, 10)} ${s.title}：${s.text}` }))} />
        <Button size="large" data-testid="ss-again" onClick={reset} style={{ height: 56, alignSelf: 'flex-start' }}>
          {tss.progress.again}
        </Button>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <label>
        {tss.progress.number}
        <Input size="large" data-testid="ss-number" value={number} onChange={(e) => setNumber(e.target.value)} placeholder={tss.progress.numberPlaceholder} style={{ fontSize: 24 }} />
      </label>
      <label>
        {tss.progress.checkCode}
        <Input size="large" data-testid="ss-check-code" value={checkCode} onChange={(e) => setCheckCode(e.target.value)} style={{ fontSize: 24 }} />
      </label>
      <label>
        {tss.progress.phone}
        <Input size="large" data-testid="ss-phone" inputMode="numeric" value={phone} onChange={(e) => setPhone(e.target.value)} style={{ fontSize: 24 }} />
      </label>
      {error && <Alert type="error" showIcon data-testid="ss-error" title={error} />}
      <Button type="primary" size="large" data-testid="ss-search" loading={isBusy} onClick={() => void search()} style={{ height: 72, fontSize: 26 }}>
        {tss.progress.search}
      </Button>
    </Flex>
  );
}
