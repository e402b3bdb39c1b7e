import { Button, Flex, Form, Input, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { optionsOf } from '../../../lib/options.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import type { FindingDto } from '../api.ts';
import { useFindings, useReplyFinding } from '../queries.ts';
import { ImprovementFormModal } from './improvement-form-modal.tsx';

const te = tfb.experience;
const COLORS: Record<string, string> = { open: 'orange', answered: 'green', improvement: 'blue' };

export function FindingStateTag({ finding }: { finding: Pick<FindingDto, 'state' | 'improvement'> }) {
  return (
    <>
      <Tag color={COLORS[finding.state]} data-testid="finding-state">{te.findingStates[finding.state]}</Tag>
      {finding.improvement && <Tag>{tfb.improvements.states[finding.improvement.state]}</Tag>}
    </>
  );
}

/** 问题跟进: every finding until it is answered in writing or followed by an improvement. */
export function ExperienceFindings() {
  const { can } = useAuth();
  const [state, setState] = useState('open');
  const query = useFindings({ state: state || undefined });
  const reply = useReplyFinding();
  const [replying, setReplying] = useState<FindingDto | null>(null);
  const [improving, setImproving] = useState<FindingDto | null>(null);

  return (
    <Flex vertical gap={12}>
      <Segmented value={state} onChange={(v) => setState(String(v))} options={[...optionsOf(te.findingStates), { value: '', label: te.allStates }]} style={{ alignSelf: 'start' }} />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<FindingDto>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data}
          data-testid="experience-findings"
          columns={[
            { title: te.fields.experiencedOn, dataIndex: 'experiencedOn' },
            { title: te.fields.officer, render: (_, f) => `${f.officerName} · ${te.channels[f.channel]}` },
            { title: te.fields.item, dataIndex: 'itemName' },
            { title: te.fields.category, dataIndex: 'category', render: (c: FindingDto['category']) => te.categories[c] },
            {
              title: te.fields.description,
              render: (_, f) => (
                <Flex vertical gap={2}>
                  <span>{f.description}</span>
                  {f.suggestion && <Typography.Text type="secondary">{te.fields.suggestion}：{f.suggestion}</Typography.Text>}
                </Flex>
              ),
            },
            {
              title: te.fields.followUp,
              render: (_, f) => (
                <Flex vertical gap={2}>
                  <span><FindingStateTag finding={f} /></span>
                  {f.reply && <Typography.Text type="secondary">{f.reply}（{f.repliedByName}）</Typography.Text>}
                  {f.improvement && <Typography.Text type="secondary">{te.improvementOf(f.improvement.target, f.improvement.ownerName)}</Typography.Text>}
                </Flex>
              ),
            },
            {
              title: t.common.actions,
              render: (_, f) =>
                f.state === 'open' && (
                  <Flex gap={4}>
                    <Button size="small" onClick={() => setReplying(f)} data-testid="reply-finding">
                      {te.reply}
                    </Button>
                    {can('improvement.manage') && (
                      <Button size="small" type="primary" onClick={() => setImproving(f)} data-testid="improve-finding">
                        {te.raiseImprovement}
                      </Button>
                    )}
                  </Flex>
                ),
            },
          ]}
        />
      )}
      {replying && (
        <FormModal<{ reply: string }> title={`${te.reply}：${replying.description}`} onClose={() => setReplying(null)} onSubmit={(v) => reply.mutateAsync({ id: replying.id, version: replying.version, reply: v.reply })}>
          <Form.Item name="reply" label={te.fields.reply} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="finding-reply" />
          </Form.Item>
        </FormModal>
      )}
      {improving && <ImprovementFormModal findingId={improving.id} onClose={() => setImproving(null)} />}
    </Flex>
  );
}
