import { App, Card, Form, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { describeError } from '../../../../components/use-show-error.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { useDepartments } from '../../../staff/queries.ts';
import type { BundleDetail, BundleGuide } from '../../api.ts';
import { useBundle, useCreateBundle, useEntries, useSaveBundleDraft } from '../../queries.ts';
import { BundleBasics, BundleMembers } from './bundle-fields.tsx';
import { bundleGuideOf, newBundleGuide } from './defaults.ts';
import { EntryEditorBar } from './entry-editor-bar.tsx';
import { applyGuideErrors } from './field-errors.ts';
import { SituationsField } from './situations-field.tsx';

/** /catalog/bundles/new?centerId=… and /catalog/bundles/:id — the editor of one bundle (一件事). */
export function BundleEditorPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const bundle = useBundle(id ?? null);
  if (id && bundle.isError) return <QueryError error={bundle.error} onRetry={() => void bundle.refetch()} />;
  if (id && bundle.isPending) return <Skeleton active />;
  const centerId = bundle.data?.centerId ?? params.get('centerId') ?? '';
  return <BundleEditor key={bundle.data ? `${bundle.data.id}:${bundle.data.version}` : 'new'} bundle={bundle.data ?? null} centerId={centerId} />;
}

type Values = BundleGuide & { code: string };

function BundleEditor({ bundle, centerId }: { bundle: BundleDetail | null; centerId: string }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const departments = useDepartments(centerId || null);
  const items = useEntries('item', centerId || null, {});
  const bundles = useEntries('bundle', centerId || null, {});
  const create = useCreateBundle();
  const save = useSaveBundleDraft();
  const [note, setNote] = useState(bundle?.draft?.meta.note ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const members = (Form.useWatch('members', form) ?? []) as BundleGuide['members'];

  const base = bundle?.draft?.guide ?? bundle?.published?.guide;
  const initial = { code: bundle?.code ?? '', ...(base ?? newBundleGuide()) } as Values;
  const label = (e: { code: string; name: string }) => ({ value: e.code, label: `${e.name}（${e.code}）` });
  const itemOptions = (items.data ?? []).map(label);
  const bundleOptions = (bundles.data ?? []).filter((b) => b.code !== bundle?.code).map(label);
  const memberOptions = members.filter((m) => m?.code).map((m) => [...itemOptions, ...bundleOptions].find((o) => o.value === m.code) ?? { value: m.code, label: m.code });

  const fail = (error: unknown) => {
    setErrors(applyGuideErrors(form, error));
    message.error(describeError(error));
    return null;
  };
  const saveDraft = async (): Promise<BundleDetail | null> => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return null;
    }
    setErrors([]);
    const { code, ...guide } = values;
    try {
      if (!bundle) {
        const created = await create.mutateAsync({ centerId, code: code.trim().toUpperCase(), guide: bundleGuideOf(guide as BundleGuide) });
        navigate(`/catalog/bundles/${created.id}`, { replace: true });
        return created;
      }
      return await save.mutateAsync({ id: bundle.id, version: bundle.version, guide: bundleGuideOf(guide as BundleGuide), note });
    } catch (error) {
      return fail(error);
    }
  };

  return (
    <Card>
      <EntryEditorBar kind="bundle" entry={bundle} newTitle={tc.admin.newBundle} name={base?.name} note={note} onNote={setNote} errors={errors} saveDraft={saveDraft} fail={fail} />
      <Form form={form} layout="vertical" initialValues={initial}>
        <Tabs
          items={[
            { key: 'basics', label: tc.form.tabBasics, forceRender: true, children: <BundleBasics departments={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} isNew={!bundle} /> },
            { key: 'members', label: tc.form.tabMembers, forceRender: true, children: <BundleMembers items={itemOptions} bundles={bundleOptions} /> },
            { key: 'situations', label: tc.form.tabSituations, forceRender: true, children: <SituationsField kind="bundle" choices={memberOptions} /> },
          ]}
        />
      </Form>
    </Card>
  );
}
