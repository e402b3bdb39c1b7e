import { Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../lib/time.ts';
import { tol } from '../../../../locales/online-applying.zh-CN.ts';
import { useDeleteDraft, useDrafts } from '../queries.ts';

/** 我的办件's drafts (草稿): online applications saved but not submitted, each resumed on its form. */
export function MyDrafts() {
  const drafts = useDrafts();
  const remove = useDeleteDraft();
  if (!drafts.data?.length) return null;
  return (
    <List
      data-testid="my-drafts"
      header={<Typography.Text strong>{tol.drafts}</Typography.Text>}
      dataSource={drafts.data}
      renderItem={(d) => (
        <List.Item
          key={d.id}
          data-testid="my-draft"
          data-code={d.itemCode}
          actions={[
            <Link key="resume" to={`/portal/online/${d.kind}s/${encodeURIComponent(d.itemCode)}`} data-testid="my-draft-resume">
              {tol.resume}
            </Link>,
            <Popconfirm key="delete" title={tol.deleteConfirm} onConfirm={() => remove.mutate(d.id)}>
              <Button type="link" danger size="small" loading={remove.isPending && remove.variables === d.id}>
                {tol.deleteDraft}
              </Button>
            </Popconfirm>,
          ]}
        >
          <Space wrap>
            <Typography.Text strong>{d.itemName}</Typography.Text>
            <Tag color="default">{tol.draftTag}</Tag>
            <Typography.Text type="secondary">{tol.draftSavedAt(formatDateTime(d.updatedAt))}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
