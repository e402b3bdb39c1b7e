import { Alert, App, Button, Flex, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { tc } from '../../../../locales/catalog.zh-CN.ts';

type Props = {
  title: string;
  status: 'draft' | 'published' | 'withdrawn' | null;
  hasDraft: boolean;
  /** the number the next save creates or updates */
  draftNumber: number;
  isExistingDraft: boolean;
  note: string;
  onNote: (note: string) => void;
  /** each reports its own failures (under the fields, in the list) and says whether it succeeded */
  onSave: () => Promise<boolean>;
  onPublish: (() => Promise<boolean>) | null;
  onDiscard: (() => Promise<boolean>) | null;
  errors: string[];
  portalLink: string | null;
};

/** Above a guide editor: which version is being edited, the note, save / publish / discard, and the problems found. */
export function EditorBar(p: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<boolean>, done: string) => {
    setBusy(true);
    try {
      if (await action()) message.success(done);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex orientation="vertical" gap={12} style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {p.title}
          </Typography.Title>
          {p.status && <Tag color={p.status === 'published' ? 'green' : p.status === 'withdrawn' ? 'default' : 'gold'}>{tc.statuses[p.status]}</Tag>}
          <Typography.Text type="secondary">{p.isExistingDraft ? tc.admin.editingDraft(p.draftNumber) : tc.admin.editingNew(p.draftNumber)}</Typography.Text>
        </Space>
        <Space wrap>
          {p.portalLink && (
            <a href={p.portalLink} target="_blank" rel="noreferrer">
              {tc.admin.viewOnPortal}
            </a>
          )}
          <Input value={p.note} onChange={(e) => p.onNote(e.target.value)} placeholder={tc.admin.versionNotePlaceholder} maxLength={200} style={{ width: 220 }} aria-label={tc.admin.versionNote} />
          <Button loading={busy} onClick={() => void run(p.onSave, tc.admin.saved)} data-testid="save-draft">
            {tc.admin.saveDraft}
          </Button>
          {p.onDiscard && p.hasDraft && (
            <Popconfirm title={tc.admin.discardConfirm} onConfirm={() => run(p.onDiscard!, tc.admin.discarded)}>
              <Button danger loading={busy}>
                {tc.admin.discardDraft}
              </Button>
            </Popconfirm>
          )}
          {p.onPublish && (
            <Popconfirm title={tc.admin.publishConfirm} onConfirm={() => run(p.onPublish!, tc.admin.published)}>
              <Button type="primary" loading={busy} data-testid="publish">
                {tc.admin.publish}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
      {p.errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={tc.admin.errorsTitle}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {p.errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          }
        />
      )}
    </Flex>
  );
}
