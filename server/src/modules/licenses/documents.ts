import QRCode from 'qrcode';
import type { FilePolicy } from '../../platform/files/service.ts';
import type { LicenseStatus } from './contract.ts';

/**
 * License documents. An uploaded document (PDF, PNG or JPEG, told apart by content) is kept in
 * the file store (platform/files) and served only through the authorized routes. A license
 * without an upload is rendered from its record as an SVG.
 */

export const DOCUMENT_PURPOSE = 'license_document';
export const DOCUMENT_POLICY: FilePolicy = { allowed: ['pdf', 'png', 'jpg'], maxBytes: 10 * 1024 * 1024, what: '证照文件' };

export type RenderedLicense = {
  typeName: string;
  number: string;
  holderName: string;
  uscc: string;
  issuer: string;
  validFrom: string;
  validTo: string | null;
  status: LicenseStatus;
};

const STATUS_STAMPS: Record<LicenseStatus, string | null> = { valid: null, expired: '已过期', superseded: '已被替换', revoked: '已吊销' };

/** The license as an SVG card, with a QR code carrying the type and number for verification. */
export async function renderLicenseSvg(l: RenderedLicense): Promise<string> {
  const qr = await QRCode.toString(`BANSHI-LICENSE:${l.number}`, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  const qrBody = qr.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const qrSize = /viewBox="0 0 (\d+) (\d+)"/.exec(qr)?.[1] ?? '33';
  const rows: [string, string][] = [
    ['名称', l.holderName],
    ['统一社会信用代码', l.uscc],
    ['证照编号', l.number],
    ['发证机关', l.issuer],
    ['有效期', `${l.validFrom} 至 ${l.validTo ?? '长期'}`],
  ];
  const stamp = STATUS_STAMPS[l.status];
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="840" height="560" viewBox="0 0 840 560" font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif">
  <rect x="8" y="8" width="824" height="544" rx="12" fill="#fffdf7" stroke="#b8860b" stroke-width="6"/>
  <rect x="24" y="24" width="792" height="512" rx="6" fill="none" stroke="#d4af37" stroke-width="2"/>
  <text x="420" y="96" text-anchor="middle" font-size="40" font-weight="700" fill="#8b0000" letter-spacing="8">${escapeXml(l.typeName)}</text>
  <text x="420" y="130" text-anchor="middle" font-size="16" fill="#666">（电子证照）</text>
  ${rows.map(([label, value], i) => `<text x="72" y="${200 + i * 56}" font-size="20" fill="#555">${escapeXml(label)}</text><text x="260" y="${200 + i * 56}" font-size="22" fill="#222">${escapeXml(value)}</text>`).join('\n  ')}
  <g transform="translate(640 372) scale(${(136 / Number(qrSize)).toFixed(4)})">${qrBody}</g>
  ${stamp ? `<text x="560" y="300" text-anchor="middle" font-size="72" font-weight="700" fill="#c00" fill-opacity="0.35" transform="rotate(-18 560 300)">${stamp}</text>` : ''}
</svg>
`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
