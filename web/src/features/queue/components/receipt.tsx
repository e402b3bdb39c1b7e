import { Typography } from 'antd';
import dayjs from 'dayjs';
import { TIME_ZONE } from '../../../lib/time.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { qrUrl, type TicketStatusDto } from '../api.ts';

/** 58 mm thermal paper: only the receipt prints, at the roll's width. */
const PRINT_CSS = `
@media print {
  @page { size: 58mm auto; margin: 0; }
  body * { visibility: hidden !important; }
  .banshi-receipt, .banshi-receipt * { visibility: visible !important; }
  .banshi-receipt { position: absolute; left: 0; top: 0; width: 58mm; margin: 0; padding: 2mm 3mm; border: none !important;
    box-shadow: none !important; font-size: 10pt; color: #000; background: #fff; }
  .banshi-receipt .receipt-number { font-size: 30pt !important; }
  .banshi-receipt img { width: 30mm !important; height: 30mm !important; }
}`;

/** The ticket receipt: number, queue, people ahead, estimated wait, and the QR code of the status page. */
export function Receipt({ ticket, large = false }: { ticket: TicketStatusDto; large?: boolean }) {
  const scale = large ? 1.35 : 1;
  return (
    <div
      className="banshi-receipt"
      data-testid="receipt"
      style={{ width: 320 * scale, margin: '0 auto', padding: 16 * scale, background: '#fff', border: '1px dashed #bbb', borderRadius: 8, textAlign: 'center' }}
    >
      <style>{PRINT_CSS}</style>
      <Typography.Text strong style={{ fontSize: 16 * scale }}>
        {ticket.centerName}
      </Typography.Text>
      <div style={{ fontSize: 14 * scale, color: '#666' }}>{tq.receipt.title}</div>
      <div style={{ fontSize: 14 * scale, marginTop: 8 }}>{tq.receipt.number}</div>
      <div className="receipt-number" data-testid="receipt-number" style={{ fontSize: 56 * scale, fontWeight: 700, lineHeight: 1.1 }}>
        {ticket.displayNumber}
      </div>
      <table style={{ width: '100%', fontSize: 14 * scale, textAlign: 'left', margin: '8px 0' }}>
        <tbody>
          <Row label={tq.receipt.queue} value={ticket.queueName} />
          {ticket.itemName && <Row label={tq.receipt.item} value={ticket.itemName} />}
          {ticket.priorityClass !== 'ordinary' && <Row label="" value={tq.priorityClasses[ticket.priorityClass]} />}
          <Row label={tq.receipt.ahead} value={ticket.ahead === null ? '—' : tq.common.people(ticket.ahead)} />
          <Row label={tq.receipt.wait} value={tq.common.waitRange(ticket.estimatedWait)} />
          <Row label={tq.receipt.takenAt} value={dayjs(ticket.issuedAt).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm')} />
        </tbody>
      </table>
      <img src={qrUrl(ticket.token)} alt={tq.receipt.scan} width={120 * scale} height={120 * scale} />
      <div style={{ fontSize: 12 * scale }}>{tq.receipt.scan}</div>
      <div style={{ fontSize: 12 * scale, color: '#666', marginTop: 4 }}>{tq.receipt.keep}</div>
    </div>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <td style={{ color: '#666', whiteSpace: 'nowrap', paddingRight: 8 }}>{label}</td>
      <td style={{ fontWeight: 600 }}>{value}</td>
    </tr>
  );
}
