import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { useCenters } from '../../../venue/queries.ts';
import { exportUrl, type EntryKind } from '../../api.ts';
import { EntryTable } from './entry-table.tsx';
import { ImportModal } from './import-modal.tsx';

/** 事项目录: a center's items and bundles, their publication, and the workbook import and export. */
export function CatalogPage() {
  const { me } = useAuth();
  const centers = useCenters();
  const [params, setParams] = useSearchParams();
  const [isImporting, setImporting] = useState(false);
  const kind: EntryKind = params.get('tab') === 'bundles' ? 'bundle' : 'item';
  const centerId = params.get('centerId') ?? me.centerId ?? centers.data?.[0]?.id ?? null;
  const set = (next: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...next });

  return (
    <Card
      title={tc.admin.title}
      extra={
        <Space wrap>
          <Select
            value={centerId}
            onChange={(id: string) => set({ centerId: id })}
            options={centers.data?.map((c) => ({ value: c.id, label: c.name }))}
            loading={centers.isPending}
            style={{ width: 260 }}
            aria-label={tc.admin.center}
            data-testid="catalog-center"
          />
          {centerId && (
            <>
              <Button icon={<DownloadOutlined />} href={exportUrl(centerId)} data-testid="export">
                {tc.admin.export}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import">
                {tc.admin.import}
              </Button>
              <Link to={`/catalog/${kind === 'item' ? 'items' : 'bundles'}/new?centerId=${centerId}`}>
                <Button type="primary" icon={<PlusOutlined />}>
                  {kind === 'item' ? tc.admin.newItem : tc.admin.newBundle}
                </Button>
              </Link>
            </>
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={kind === 'item' ? 'items' : 'bundles'}
        onChange={(tab) => set({ tab })}
        items={[
          { key: 'items', label: tc.admin.itemsTab },
          { key: 'bundles', label: tc.admin.bundlesTab },
        ]}
      />
      {centerId && <EntryTable key={`${kind}:${centerId}`} kind={kind} centerId={centerId} />}
      {isImporting && centerId && <ImportModal centerId={centerId} onClose={() => setImporting(false)} />}
    </Card>
  );
}
