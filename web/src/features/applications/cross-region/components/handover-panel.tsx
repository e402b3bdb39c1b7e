import { App, Button, Descriptions, Flex, Input, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../../app/auth-context.tsx';
import { useShowError } from '../../../../components/use-show-error.ts';
import { formatDateTime } from '../../../../lib/time.ts';
import { tcr } from '../../../../locales/cross-region.zh-CN.ts';
import { completePart, downloadPackage, importResult, returnResult, scanUrl, uploadScan, type HandoverDto } from '../api.ts';
import { useCrossRegionChange } from '../queries.ts';

type Part = HandoverDto['parts'][number];

/** One hand-over: its facts and scans; the receiving side uploads scans, exports and imports; the competent side returns the result. */
export function HandoverPanel({ handover: h, side }: { handover: HandoverDto; side: 'received' | 'competent' }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const d = tcr.detail;
  const [tracking, setTracking] = useState('');
  const upload = useCrossRegionChange((file: File) => uploadScan(h.id, file));
  const giveBack = useCrossRegionChange(() => returnResult(h, tracking));
  const exportIt = useCrossRegionChange(() => downloadPackage(h));
  const importIt = useCrossRegionChange((result: unknown) => importResult(h, result));
  const done = useCrossRegionChange((p: Part) => completePart(h, p.id, p.version));
  const isOpen = h.state === 'sent' || h.state === 'exported';
  const isReceiver = side === 'received';

  const readResult = async (file: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      message.error(d.importBad);
      return;
    }
    importIt.mutate(parsed, { onSuccess: () => message.success(d.imported), onError: showError });
  };

  return (
    <Flex vertical gap="small" data-testid="cross-region-panel">
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'by', label: d.receivedBy, children: `${h.receivingCenterName} ${h.receivedByName}` },
          { key: 'return', label: tcr.form.returnMethod, children: `${tcr.returnMethods[h.returnMethod]}${h.postalAddress ? `（${h.postalAddress}）` : ''}` },
          ...(h.trackingNumber ? [{ key: 't', label: d.trackingNumber, children: h.trackingNumber }] : []),
          ...(h.licenseNumber ? [{ key: 'l', label: d.license, children: h.licenseNumber }] : []),
          ...(h.decisionOpinion ? [{ key: 'o', label: tcr.list.columns.decision, children: h.decisionOpinion }] : []),
        ]}
      />
      <Space wrap>
        <span>{d.files}：</span>
        {h.files.map((f) => <a key={f.id} href={scanUrl(h.id, f.id)} target="_blank" rel="noreferrer">{f.name}</a>)}
        {isReceiver && isOpen && can('application.intake') && (
          <Upload showUploadList={false} accept=".pdf,.jpg,.jpeg,.png" customRequest={({ file }) => upload.mutate(file as File, { onError: showError })}>
            <Button size="small" loading={upload.isPending} data-testid="cross-region-upload">{d.upload}</Button>
          </Upload>
        )}
      </Space>
      {h.parts.length > 0 && (
        <Table<Part>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={h.parts}
          columns={[
            { title: d.parts, dataIndex: 'name' },
            { title: tcr.list.columns.competent, dataIndex: 'regionName' },
            {
              title: d.partDoneAt,
              key: 'done',
              render: (_: unknown, p: Part) =>
                p.doneAt ? `${formatDateTime(p.doneAt)} ${p.doneByName}` : can('application.intake') && (
                  <Button size="small" onClick={() => done.mutate(p, { onError: showError })} data-testid="cross-region-part-done">{d.partDone}</Button>
                ),
            },
          ]}
        />
      )}
      {side === 'competent' && h.state === 'sent' && h.decision && can('application.deliver') && (
        <Space>
          {h.returnMethod === 'post' && <Input placeholder={d.trackingNumber} value={tracking} onChange={(e) => setTracking(e.target.value)} data-testid="cross-region-tracking" />}
          <Button type="primary" loading={giveBack.isPending} onClick={() => giveBack.mutate(undefined, { onSuccess: () => message.success(d.returnedOk), onError: showError })} data-testid="cross-region-return">{d.returnResult}</Button>
        </Space>
      )}
      {isReceiver && h.mode === 'proxy' && !h.competentCenterId && can('application.intake') && (
        <Space wrap>
          {isOpen && <Button onClick={() => exportIt.mutate(undefined, { onSuccess: () => message.success(d.exported), onError: showError })} data-testid="cross-region-export">{d.export}</Button>}
          {h.state === 'exported' && (
            <Upload showUploadList={false} accept=".json,application/json" customRequest={({ file }) => void readResult(file as File)}>
              <Button data-testid="cross-region-import" title={d.importHint}>{d.importResult}</Button>
            </Upload>
          )}
        </Space>
      )}
    </Flex>
  );
}
