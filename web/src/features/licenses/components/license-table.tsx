import { Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { LicenseDto } from '@server/modules/licenses/contract.ts';
import { tl } from '../../../locales/licenses.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { LicenseStatusTag } from './license-status-tag.tsx';

type Props = {
  licenses: LicenseDto[] | undefined;
  isLoading?: boolean;
  /** where the document of a license (by id) is served for this audience */
  documentUrl: (id: string) => string;
  showHolder?: boolean;
  actions?: (license: LicenseDto) => ReactNode;
  pagination?: false | { current: number; pageSize: number; total: number; onChange: (page: number, pageSize: number) => void };
};

/**
 * Licenses with their validity and status, and a link that opens the document. A replaced
 * license (已被替换) links to the license that replaced it; the site shows when any has one.
 */
export function LicenseTable({ licenses, isLoading, documentUrl, showHolder, actions, pagination = false }: Props) {
  const hasSites = licenses?.some((l) => l.site !== '') ?? false;
  const columns: ColumnsType<LicenseDto> = [
    { title: tl.fields.type, key: 'type', render: (_, l) => l.type.name },
    ...(hasSites ? [{ title: tl.fields.site, dataIndex: 'site' }] : []),
    { title: tl.fields.number, dataIndex: 'number', render: (n: string) => <Typography.Text copyable>{n}</Typography.Text> },
    ...(showHolder ? [{ title: tl.fields.holder, key: 'holder', render: (_: unknown, l: LicenseDto) => `${l.holder.name}（${l.holder.uscc}）` }] : []),
    { title: tl.fields.issuer, dataIndex: 'issuer' },
    { title: tl.fields.validFrom, dataIndex: 'validFrom' },
    { title: tl.fields.validTo, dataIndex: 'validTo', render: (d: string | null) => d ?? tl.fields.longTerm },
    {
      title: tl.fields.status,
      key: 'status',
      render: (_, l) => (
        <Space size={4} wrap>
          <LicenseStatusTag status={l.status} />
          {l.supersededBy && (
            <span data-testid="license-superseded-by">
              {tl.fields.supersededBy}{' '}
              <a href={documentUrl(l.supersededBy.id)} target="_blank" rel="noreferrer">
                {l.supersededBy.number}
              </a>
            </span>
          )}
        </Space>
      ),
    },
    {
      title: tl.fields.document,
      key: 'document',
      render: (_, l) => (
        <a href={documentUrl(l.id)} target="_blank" rel="noreferrer" data-testid="license-document">
          {tl.library.view}
        </a>
      ),
    },
    ...(actions ? [{ title: t.common.actions, key: 'actions', render: (_: unknown, l: LicenseDto) => actions(l) }] : []),
  ];
  return (
    <Table<LicenseDto>
      rowKey="id"
      size="small"
      loading={isLoading}
      dataSource={licenses}
      columns={columns}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: tl.library.none }}
      pagination={pagination === false ? false : { ...pagination, showSizeChanger: true, showTotal: t.common.total }}
    />
  );
}
