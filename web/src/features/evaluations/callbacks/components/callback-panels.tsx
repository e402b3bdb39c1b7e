import { Button, Card, DatePicker, Descriptions, Form, Input, Popconfirm, Radio, Select, Space, Table, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../../../components/form-modal.tsx';
import { useShowError } from '../../../../components/use-show-error.ts';
import { formatDateTime, toIsoDate } from '../../../../lib/time.ts';
import { tcallback, trating } from '../../../../locales/evaluations.zh-CN.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { evidenceUrl, type CallbackDetail } from '../api.ts';
import { useCallbackAction, useUploadEvidence } from '../queries.ts';

type Props = { d: CallbackDetail };
type Contact = CallbackDetail['contacts'][number];

const required = [{ required: true, whitespace: true, message: t.common.required }];

/** 回访记录: every attempt to reach the rater, reached or not. */
export function ContactsPanel({ d }: Props) {
  const act = useCallbackAction(d.id);
  const [isOpen, setOpen] = useState(false);
  return (
    <Card
      title={tcallback.contacts.title}
      size="small"
      data-testid="contacts-panel"
      extra={
        d.actions.includes('record_contact') && (
          <Button type={d.state === 'open' ? 'primary' : 'default'} onClick={() => setOpen(true)} data-testid="action-record-contact">
            {tcallback.contacts.record}
          </Button>
        )
      }
    >
      <Table<Contact>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.contacts}
        locale={{ emptyText: tcallback.contacts.empty }}
        columns={[
          { title: tcallback.contacts.at, render: (_, c) => formatDateTime(c.contactedAt), width: 170 },
          { title: tcallback.contacts.method, render: (_, c) => tcallback.methods[c.method], width: 80 },
          { title: tcallback.contacts.isReached, render: (_, c) => (c.isReached ? tcallback.contacts.reached : tcallback.contacts.notReached), width: 90 },
          { title: tcallback.contacts.note, dataIndex: 'note' },
          { title: tcallback.contacts.staff, dataIndex: 'staffName', width: 100 },
        ]}
      />
      {isOpen && (
        <FormModal<{ method: string; isReached: boolean; note: string }>
          title={tcallback.contacts.record}
          initialValues={{ method: 'phone', isReached: true }}
          onClose={() => setOpen(false)}
          onSubmit={(v) => act.mutateAsync({ path: 'contacts', body: { version: d.version, ...v } })}
        >
          <Form.Item name="method" label={tcallback.contacts.method} rules={[{ required: true }]}>
            <Radio.Group options={Object.entries(tcallback.methods).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="isReached" label={tcallback.contacts.isReached} rules={[{ required: true }]} extra={tcallback.contacts.unreachedRule}>
            <Radio.Group
              options={[
                { value: true, label: tcallback.contacts.reached },
                { value: false, label: tcallback.contacts.notReached },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={tcallback.contacts.note} rules={required}>
            <Input.TextArea rows={4} maxLength={2000} placeholder={tcallback.contacts.notePlaceholder} data-testid="contact-note" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

/** 核实: founded, partly founded, or unfounded (which closes the callback). */
export function VerifyPanel({ d }: Props) {
  const act = useCallbackAction(d.id);
  const [isOpen, setOpen] = useState(false);
  return (
    <Card
      title={tcallback.verify.title}
      size="small"
      data-testid="verify-panel"
      extra={
        d.actions.includes('verify') && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="action-verify">
            {tcallback.verify.action}
          </Button>
        )
      }
    >
      {d.verdict ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={tcallback.verify.verdict}>{tcallback.verdicts[d.verdict]}</Descriptions.Item>
          <Descriptions.Item label={tcallback.verify.note}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{d.verdictNote}</Typography.Text>
          </Descriptions.Item>
          {d.verifiedByName && <Descriptions.Item label={tcallback.verify.by}>{`${d.verifiedByName} ${d.verifiedAt ? formatDateTime(d.verifiedAt) : ''}`}</Descriptions.Item>}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{tcallback.verify.pending}</Typography.Text>
      )}
      {isOpen && (
        <FormModal<{ verdict: string; note: string }>
          title={tcallback.verify.action}
          onClose={() => setOpen(false)}
          onSubmit={(v) => act.mutateAsync({ path: 'verify', body: { version: d.version, ...v } })}
        >
          <Form.Item name="verdict" label={tcallback.verify.verdict} rules={[{ required: true, message: t.common.required }]} extra={tcallback.verify.unfoundedHint}>
            <Radio.Group options={Object.entries(tcallback.verdicts).map(([value, label]) => ({ value, label }))} data-testid="verdict" />
          </Form.Item>
          <Form.Item name="note" label={tcallback.verify.note} rules={required}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="verdict-note" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

type RectifyValues = { measures: string; ownerId?: string; ownerName?: string; dueOn: Dayjs; publicSummary?: string };

/** 整改台账: measures, owner, deadline, evidence, the result; then the re-rating and closing. */
export function RectificationPanel({ d }: Props) {
  const act = useCallbackAction(d.id);
  const upload = useUploadEvidence(d.id);
  const showError = useShowError();
  const [dialog, setDialog] = useState<'start' | 'done' | 'reRate' | null>(null);
  const r = d.rectification;
  const canDo = (a: CallbackDetail['actions'][number]) => d.actions.includes(a);
  const isDone = r?.doneAt != null;

  return (
    <Card
      title={tcallback.rectification.title}
      size="small"
      data-testid="rectification-panel"
      extra={
        <Space>
          {canDo('rectify') && (
            <Button type="primary" onClick={() => setDialog('start')} data-testid="action-rectify">
              {tcallback.rectification.start}
            </Button>
          )}
          {canDo('mark_done') && r && !isDone && (
            <Button type="primary" onClick={() => setDialog('done')} data-testid="action-mark-done">
              {tcallback.rectification.markDone}
            </Button>
          )}
          {canDo('re_rate') && isDone && !d.reRating && (
            <Button onClick={() => setDialog('reRate')} data-testid="action-re-rate">
              {tcallback.reRating.enter}
            </Button>
          )}
          {canDo('close') && isDone && (
            <Popconfirm title={tcallback.closeConfirm} onConfirm={() => act.mutateAsync({ path: 'close', body: { version: d.version } }).catch(showError)}>
              <Button type="primary" data-testid="action-close">
                {tcallback.close}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      {!r ? (
        <Typography.Text type="secondary">{tcallback.rectification.notYet}</Typography.Text>
      ) : (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={tcallback.rectification.measures}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.measures}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={tcallback.rectification.owner}>{r.ownerName}</Descriptions.Item>
          <Descriptions.Item label={tcallback.rectification.dueOn}>{r.dueOn}</Descriptions.Item>
          <Descriptions.Item label={tcallback.rectification.publicSummary}>{r.publicSummary}</Descriptions.Item>
          <Descriptions.Item label={tcallback.rectification.evidence}>
            <Space orientation="vertical" size={4}>
              {r.evidence.length === 0 && <Typography.Text type="secondary">{tcallback.rectification.noEvidence}</Typography.Text>}
              {r.evidence.map((f) => (
                <a key={f.id} href={evidenceUrl(d.id, f.id)} target="_blank" rel="noreferrer">
                  {f.filename}
                </a>
              ))}
              {canDo('add_evidence') && (
                <Upload
                  accept=".pdf,.jpg,.jpeg,.png"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    upload.mutateAsync({ version: d.version, file }).catch(showError);
                    return false;
                  }}
                >
                  <Button size="small" loading={upload.isPending} data-testid="upload-evidence">
                    {tcallback.rectification.upload}
                  </Button>
                </Upload>
              )}
            </Space>
          </Descriptions.Item>
          {isDone && (
            <>
              <Descriptions.Item label={tcallback.rectification.result}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.result}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={tcallback.rectification.doneAt}>{`${formatDateTime(r.doneAt!)} ${r.doneByName ?? ''}`}</Descriptions.Item>
              <Descriptions.Item label={tcallback.reRating.title}>
                {d.reRating ? `${trating.levels[d.reRating.level]}${d.reRating.comment ? `（${d.reRating.comment}）` : ''}` : tcallback.reRating.none}
              </Descriptions.Item>
            </>
          )}
        </Descriptions>
      )}
      {dialog === 'start' && (
        <FormModal<RectifyValues>
          title={tcallback.rectification.start}
          width={640}
          initialValues={{ dueOn: dayjs(d.finishDueOn) }}
          onClose={() => setDialog(null)}
          onSubmit={(v) =>
            act.mutateAsync({
              path: 'rectification',
              body: { version: d.version, measures: v.measures, ownerId: v.ownerId ?? null, ownerName: v.ownerName, dueOn: toIsoDate(v.dueOn), publicSummary: v.publicSummary },
            })
          }
        >
          <Form.Item name="measures" label={tcallback.rectification.measures} rules={required}>
            <Input.TextArea rows={4} maxLength={4000} placeholder={tcallback.rectification.measuresPlaceholder} data-testid="measures" />
          </Form.Item>
          <Form.Item name="ownerId" label={tcallback.rectification.owner}>
            <Select allowClear options={d.owners.map((o) => ({ value: o.id, label: o.displayName }))} data-testid="owner" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.ownerId !== b.ownerId}>
            {({ getFieldValue }) =>
              !getFieldValue('ownerId') && (
                <Form.Item name="ownerName" label={tcallback.rectification.ownerName} rules={required}>
                  <Input maxLength={100} data-testid="owner-name" />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="dueOn" label={tcallback.rectification.dueOn} rules={[{ required: true, message: t.common.required }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="publicSummary" label={tcallback.rectification.publicSummary} extra={tcallback.rectification.publicSummaryHelp}>
            <Input.TextArea rows={2} maxLength={500} data-testid="public-summary" />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'done' && (
        <FormModal<{ result: string }> title={tcallback.rectification.markDone} onClose={() => setDialog(null)} onSubmit={(v) => act.mutateAsync({ path: 'rectification/done', body: { version: d.version, ...v } })}>
          <Form.Item name="result" label={tcallback.rectification.result} rules={required}>
            <Input.TextArea rows={4} maxLength={4000} data-testid="result" />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'reRate' && (
        <FormModal<{ level: number; comment?: string }> title={tcallback.reRating.enter} onClose={() => setDialog(null)} onSubmit={(v) => act.mutateAsync({ path: 're-rating', body: { version: d.version, ...v } })}>
          <Form.Item name="level" label={tcallback.reRating.level} rules={[{ required: true, message: t.common.required }]}>
            <Radio.Group options={[5, 4, 3, 2, 1].map((level) => ({ value: level, label: trating.levels[level] }))} data-testid="re-rating-level" />
          </Form.Item>
          <Form.Item name="comment" label={tcallback.reRating.comment}>
            <Input.TextArea rows={2} maxLength={1000} placeholder={tcallback.reRating.commentPlaceholder} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
