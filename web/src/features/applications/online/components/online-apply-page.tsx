import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Radio, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { describeError } from '../../../../components/use-show-error.ts';
import { formatDateTime } from '../../../../lib/time.ts';
import { tol } from '../../../../locales/online-applying.zh-CN.ts';
import type { OnlineDraft, OnlineKind, OnlineMaterial } from '../api.ts';
import { useOnlineForm, useSaveDraft, useSubmitOnline } from '../queries.ts';
import { MaterialList, type Provided } from './material-list.tsx';

const parseAnswers = (raw: string | null): Record<string, string> =>
  Object.fromEntries((raw ?? '').split(',').flatMap((pair) => (pair.includes(':') ? [pair.split(':', 2) as [string, string]] : [])));

/**
 * 在线申办 of an item offered online (clause 7): the situation questions, the checklist for the
 * answers, the enterprise's registered data, its e-licenses instead of uploads (免提交), uploads
 * for the rest and the declaration. Saved as a draft and resumed from it; submitted, it goes to
 * the online review center of the center. A bundle (一件事) is applied for the same way: its
 * questions and its combined checklist, submitted as one application with its member items.
 */
export function OnlineApplyPage({ kind = 'item' }: { kind?: OnlineKind }) {
  const { code = '' } = useParams();
  const [search] = useSearchParams();
  const [urlAnswers] = useState(() => parseAnswers(search.get('answers')));
  // the first load says whether a draft is saved: the form starts from it
  const first = useOnlineForm(kind, code, urlAnswers);
  if (first.isError) return <QueryError error={first.error} onRetry={() => void first.refetch()} />;
  if (!first.data) return <Skeleton active />;
  return <OnlineApplyForm kind={kind} code={code} saved={first.data.draft} initialAnswers={urlAnswers} />;
}

export const OnlineBundleApplyPage = () => <OnlineApplyPage kind="bundle" />;

function OnlineApplyForm({ kind, code, saved, initialAnswers }: { kind: OnlineKind; code: string; saved: OnlineDraft | null; initialAnswers: Record<string, string> }) {
  const { message } = App.useApp();
  const [answers, setAnswers] = useState<Record<string, string>>(saved?.answers ?? initialAnswers);
  const [provided, setProvided] = useState<Record<string, Provided | undefined>>(() =>
    Object.fromEntries(
      (saved?.materials ?? []).map((m): [string, Provided] => [m.key, m.fileId ? { kind: 'file', fileId: m.fileId, filename: m.filename ?? '' } : { kind: 'license', licenseId: m.licenseId ?? '' }]),
    ),
  );
  const [phone, setPhone] = useState('');
  const [declared, setDeclared] = useState(false);
  const [draft, setDraft] = useState<{ id: string; version: number; updatedAt: string } | null>(saved ? { id: saved.id, version: saved.version, updatedAt: saved.updatedAt } : null);
  const form = useOnlineForm(kind, code, answers);
  const save = useSaveDraft();
  const submit = useSubmitOnline();

  if (form.isError) return <QueryError error={form.error} onRetry={() => void form.refetch()} />;
  if (!form.data) return <Skeleton active />;
  const f = form.data;
  if (submit.data) {
    return (
      <Result
        status="success"
        title={tol.submitted}
        subTitle={<span data-testid="online-apply-number">{tol.submittedText(submit.data.number)}</span>}
        extra={<Link to="/portal/my-applications">{tol.toMine}</Link>}
      />
    );
  }
  const choice = (m: (typeof f.materials)[number]): Provided | undefined => provided[m.key] ?? (m.license ? { kind: 'license', licenseId: m.license.id } : undefined);
  const materials = f.materials.flatMap((m): OnlineMaterial[] => {
    const c = choice(m);
    if (c?.kind === 'license') return [{ key: m.key, fileId: null, licenseId: c.licenseId }];
    return c?.kind === 'file' ? [{ key: m.key, fileId: c.fileId, licenseId: null }] : [];
  });
  const isAnswered = f.questions.every((q) => answers[q.key] !== undefined);
  const onSave = () =>
    save.mutate(
      { id: draft?.id ?? null, version: draft?.version ?? 0, kind, itemCode: f.item.code, answers, materials },
      {
        onSuccess: (d) => {
          setDraft({ id: d.id, version: d.version, updatedAt: d.updatedAt });
          void message.success(tol.draftSaved);
        },
      },
    );
  return (
    <Card title={tol.title(f.item.name)} data-testid="online-apply-page">
      <Flex vertical gap="large">
        {draft && <Alert type="info" showIcon title={tol.resumed(formatDateTime(draft.updatedAt))} data-testid="online-apply-draft" />}
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={tol.item}>{`${f.item.code} ${f.item.name}`}</Descriptions.Item>
          <Descriptions.Item label={tol.department}>{`${f.item.departmentName}，${tol.limit(f.item.promisedLimitDays)}`}</Descriptions.Item>
        </Descriptions>
        <Descriptions title={tol.applicant} size="small" bordered column={{ xs: 1, md: 2 }} data-testid="online-apply-applicant">
          <Descriptions.Item label={tol.applicantFields.name}>{f.applicant.name}</Descriptions.Item>
          <Descriptions.Item label={tol.applicantFields.uscc}>{f.applicant.uscc}</Descriptions.Item>
          <Descriptions.Item label={tol.applicantFields.legalRepresentative}>{f.applicant.legalRepresentative}</Descriptions.Item>
          <Descriptions.Item label={tol.applicantFields.address}>{f.applicant.address}</Descriptions.Item>
        </Descriptions>
        {f.questions.length > 0 && (
          <Form layout="vertical">
            <Typography.Text strong>{tol.questions}</Typography.Text>
            {f.questions.map((q) => (
              <Form.Item key={q.key} label={q.text} required>
                <Radio.Group
                  value={answers[q.key]}
                  onChange={(e) => setAnswers((a) => ({ ...a, [q.key]: e.target.value as string }))}
                  options={q.options.map((o) => ({ value: o.key, label: o.label }))}
                  data-testid={`online-apply-question-${q.key}`}
                />
              </Form.Item>
            ))}
          </Form>
        )}
        <MaterialList materials={f.materials} choice={choice} onChange={(key, p) => setProvided((all) => ({ ...all, [key]: p }))} />
        <Form layout="vertical">
          <Form.Item label={tol.contactPhone} extra={tol.contactPhoneHint(f.applicant.contactPhoneMasked)}>
            <Input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={20} style={{ maxWidth: 240 }} data-testid="online-apply-phone" />
          </Form.Item>
          <Checkbox checked={declared} onChange={(e) => setDeclared(e.target.checked)} data-testid="online-apply-declaration">
            {tol.declaration}
          </Checkbox>
        </Form>
        {save.isError && <Alert type="error" showIcon title={describeError(save.error)} data-testid="online-apply-error" />}
        {submit.isError && <Alert type="error" showIcon title={describeError(submit.error)} data-testid="online-apply-error" />}
        <Space wrap>
          <Button
            type="primary"
            disabled={!isAnswered || !declared}
            loading={submit.isPending}
            onClick={() => submit.mutate({ kind, itemCode: f.item.code, answers, materials, contactPhone: phone.trim(), declaration: true })}
            data-testid="online-apply-submit"
          >
            {tol.submit}
          </Button>
          <Button loading={save.isPending} onClick={onSave} data-testid="online-apply-save">
            {tol.saveDraft}
          </Button>
          {!isAnswered && <Typography.Text type="secondary">{tol.answerFirst}</Typography.Text>}
        </Space>
      </Flex>
    </Card>
  );
}
