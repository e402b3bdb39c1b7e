import { Drawer, List, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import type { GuideChange } from '@server/modules/catalog/contract.ts';
import { QueryError } from '../../../../components/query-error.tsx';
import { formatDateTime } from '../../../../lib/time.ts';
import { FIELD_LABELS, tc } from '../../../../locales/catalog.zh-CN.ts';
import type { EntryKind } from '../../api.ts';
import { useHistory } from '../../queries.ts';

const label = (field: string) => FIELD_LABELS[field] ?? FIELD_LABELS[field.split('.').pop() ?? ''] ?? field;

function describe(c: GuideChange): string {
  const h = tc.history;
  if (c.kind === 'added') return `${label(c.field)}：${h.added(c.entry ?? '')}`;
  if (c.kind === 'removed') return `${label(c.field)}：${h.removed(c.entry ?? '')}`;
  if (c.entry !== undefined) return `${label(c.field)}：${h.changedEntry(c.entry, (c.subfields ?? []).map(label).join('、'))}`;
  return `${label(c.field)}：${h.changed(c.before ?? '', c.after ?? '')}`;
}

/** Who changed what, version by version (issue: "a history view shows who changed what"). */
export function HistoryDrawer({ kind, id, title, onClose }: { kind: EntryKind; id: string; title: string; onClose: () => void }) {
  const history = useHistory(kind, id);
  return (
    <Drawer open size="large" title={`${tc.history.title} · ${title}`} onClose={onClose}>
      {history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.isPending ? (
        <Skeleton active />
      ) : (
        <Timeline
          data-testid="history"
          items={history.data.map((v, i) => ({
            color: v.meta.state === 'published' ? 'green' : v.meta.state === 'draft' ? 'gold' : 'gray',
            content: (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space>
                  <Typography.Text strong>{tc.history.version(v.meta.number)}</Typography.Text>
                  <Tag>{tc.versionStates[v.meta.state]}</Tag>
                  {v.meta.note && <Typography.Text type="secondary">{v.meta.note}</Typography.Text>}
                </Space>
                <Typography.Text type="secondary">{tc.history.created(v.meta.created.name, formatDateTime(v.meta.created.at))}</Typography.Text>
                {v.meta.updated.at !== v.meta.created.at && (
                  <Typography.Text type="secondary">{tc.history.updated(v.meta.updated.name, formatDateTime(v.meta.updated.at))}</Typography.Text>
                )}
                {v.meta.published && <Typography.Text type="secondary">{tc.history.publishedBy(v.meta.published.name, formatDateTime(v.meta.published.at))}</Typography.Text>}
                {i === history.data.length - 1 ? (
                  <Typography.Text type="secondary">{tc.history.firstVersion}</Typography.Text>
                ) : v.changes.length === 0 ? (
                  <Typography.Text type="secondary">{tc.history.noChanges}</Typography.Text>
                ) : (
                  <List size="small" dataSource={v.changes} renderItem={(c) => <List.Item>{describe(c)}</List.Item>} />
                )}
              </Space>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
