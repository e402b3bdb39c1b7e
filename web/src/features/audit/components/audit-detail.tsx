import { Descriptions, Typography } from 'antd';
import { auditDetailFields } from '../../../locales/audit.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t.audit.yes : t.audit.no;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(valueText).join('、');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A row's detail as labelled fields; a field without a label is shown under its key. */
export function AuditDetail({ detail }: { detail: unknown }) {
  if (detail === null || detail === undefined) return <Typography.Text type="secondary">{t.audit.noDetail}</Typography.Text>;
  if (!isRecord(detail)) return <Typography.Text style={{ wordBreak: 'break-all' }}>{valueText(detail)}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      data-testid="audit-detail"
      items={Object.entries(detail).map(([key, value]) => ({
        key,
        label: auditDetailFields[key] ?? key,
        children: <span style={{ wordBreak: 'break-all' }}>{valueText(value)}</span>,
      }))}
    />
  );
}
