import { Alert, Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../components/use-show-error.ts';
import { tss } from '../../../locales/self-service.zh-CN.ts';
import { licenseCopyPdf, redeemLicenseGrant, type KioskGrantDto } from '../api.ts';

/** 打印电子证照: the holder's grant code and credit code, the licenses the grant covers, each printed as a copy (PDF). */
export function LicenseCopy({ centerId }: { centerId: string }) {
  const [code, setCode] = useState('');
  const [uscc, setUscc] = useState('');
  const [found, setFound] = useState<{ grant: KioskGrantDto; uscc: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const search = async () => {
    setError(null);
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) return setError(tss.license.codeRequired);
    if (uscc.trim().length !== 18) return setError(tss.license.usccRequired);
    setBusy(true);
    try {
      setFound({ grant: await redeemLicenseGrant(centerId, { code: code.replace(/\s/g, ''), uscc: uscc.trim() }), uscc: uscc.trim() });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const print = async (licenseId: string) => {
    if (!found) return;
    setError(null);
    // open the window in the touch's own turn (a pop-up opened after an await is blocked), then fill it
    const opened = window.open('', '_blank');
    try {
      const url = URL.createObjectURL(await licenseCopyPdf(found.grant.grantId, licenseId, found.uscc));
      if (opened) opened.location.href = url;
      else window.location.assign(url);
    } catch (e) {
      opened?.close();
      setError(describeError(e));
    }
  };

  if (found) {
    return (
      <Flex vertical gap={16} data-testid="ss-license-result">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {tss.license.holder(found.grant.holderName)}
        </Typography.Title>
        <Typography.Text type="secondary">{tss.license.copyNote}</Typography.Text>
        {error && <Alert type="error" showIcon data-testid="ss-license-error" title={error} />}
        {found.grant.licenses.length === 0 && <Typography.Text>{tss.license.none}</Typography.Text>}
        {found.grant.licenses.map((l) => (
          <Flex key={l.id} align="center" justify="space-between" style={{ background: '#fff', padding: 12, borderRadius: 8 }}>
            <span data-testid="ss-license-item">
              {l.typeName}（{l.number}） {tss.license.validTo(l.validTo)}
            </span>
            <Button size="large" type="primary" data-testid="ss-license-print" onClick={() => void print(l.id)} style={{ height: 56, minWidth: 120 }}>
              {tss.license.print}
            </Button>
          </Flex>
        ))}
        <Button
          size="large"
          data-testid="ss-license-again"
          onClick={() => {
            setFound(null);
            setCode('');
            setUscc('');
          }}
          style={{ height: 56, alignSelf: 'flex-start' }}
        >
          {tss.license.again}
        </Button>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <label>
        {tss.license.code}
        <Input size="large" data-testid="ss-license-code" inputMode="numeric" maxLength={7} value={code} onChange={(e) => setCode(e.target.value)} style={{ fontSize: 24 }} />
      </label>
      <label>
        {tss.license.uscc}
        <Input size="large" data-testid="ss-license-uscc" maxLength={18} value={uscc} onChange={(e) => setUscc(e.target.value)} style={{ fontSize: 24 }} />
      </label>
      {error && <Alert type="error" showIcon data-testid="ss-license-error" title={error} />}
      <Button type="primary" size="large" data-testid="ss-license-search" loading={isBusy} onClick={() => void search()} style={{ height: 72, fontSize: 26 }}>
        {tss.license.search}
      </Button>
    </Flex>
  );
}
