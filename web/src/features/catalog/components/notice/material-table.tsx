import { Space, Table, Tag, Typography } from 'antd';
import type { NoticeMaterial } from '@server/modules/catalog/portal/contract.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { fileUrl } from '../../api.ts';

/** The materials to bring: one row each, with what may replace it, its forms and when it applies. */
export function MaterialTable({ materials, showUsedBy }: { materials: NoticeMaterial[]; showUsedBy?: boolean }) {
  return (
    <Table<NoticeMaterial>
      rowKey={(m) => `${m.licenseType ?? ''}|${m.name}`}
      dataSource={materials}
      pagination={false}
      size="small"
      bordered
      data-testid="material-table"
      columns={[
        { title: tc.notice.number, key: 'n', width: 48, render: (_, __, i) => i + 1 },
        {
          title: tc.notice.materialName,
          key: 'name',
          render: (_, m) => (
            <Space orientation="vertical" size={2}>
              <Typography.Text strong={m.importance === 'core'}>{m.name}</Typography.Text>
              {m.notes && <Typography.Text type="secondary">{m.notes}</Typography.Text>}
              <Space size={[4, 4]} wrap>
                {m.onlyIf.map((s) => (
                  <Tag key={s} color="blue">
                    {tc.notice.onlyIf(s)}
                  </Tag>
                ))}
                {m.exemptIf.map((s) => (
                  <Tag key={s}>{tc.notice.exemptIf(s)}</Tag>
                ))}
                {m.isDeferrable && <Tag color="orange">{tc.notice.deferrable}</Tag>}
              </Space>
            </Space>
          ),
        },
        { title: tc.notice.materialKind, key: 'importance', width: 96, render: (_, m) => (m.importance === 'core' ? <Tag color="red">{tc.importance.core}</Tag> : tc.importance.secondary) },
        {
          title: tc.notice.materialForm,
          key: 'form',
          width: 150,
          render: (_, m) => (
            <>
              {tc.forms[m.form]} {tc.notice.copies(m.copies)}
              <br />
              <Typography.Text type="secondary">{tc.media[m.medium]}</Typography.Text>
            </>
          ),
        },
        {
          title: tc.notice.license,
          key: 'license',
          width: 150,
          render: (_, m) => (m.licenseType ? tc.notice.licenseHint(tc.licenseTypes[m.licenseType] ?? m.licenseType) : null),
        },
        {
          title: tc.notice.templates,
          key: 'files',
          width: 96,
          className: 'no-print',
          render: (_, m) => (
            <Space orientation="vertical" size={0}>
              {m.templateFile && <a href={fileUrl(m.templateFile.id)}>{tc.notice.template}</a>}
              {m.sampleFile && <a href={fileUrl(m.sampleFile.id)}>{tc.notice.sample}</a>}
            </Space>
          ),
        },
        ...(showUsedBy ? [{ title: tc.notice.usedBy, key: 'usedBy', width: 160, render: (_: unknown, m: NoticeMaterial) => m.usedBy.map((u) => u.name).join('、') }] : []),
      ]}
    />
  );
}
