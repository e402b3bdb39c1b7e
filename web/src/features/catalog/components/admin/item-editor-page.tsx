import { App, Card, Form, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { describeError } from '../../../../components/use-show-error.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { useDepartments } from '../../../staff/queries.ts';
import type { ItemDetail, ItemGuide } from '../../api.ts';
import { useCreateItem, useItem, useSaveItemDraft } from '../../queries.ts';
import { itemGuideOf, newItemGuide } from './defaults.ts';
import { EntryEditorBar } from './entry-editor-bar.tsx';
import { applyGuideErrors } from './field-errors.ts';
import { ItemBasics } from './item-basics.tsx';
import { ItemMaterials } from './item-materials.tsx';
import { ItemMechanisms } from './item-mechanisms.tsx';
import { SituationsField } from './situations-field.tsx';

/** /catalog/items/new?centerId=… and /catalog/items/:id — the guide editor of one item. */
export function ItemEditorPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const item = useItem(id ?? null);
  if (id && item.isError) return <QueryError error={item.error} onRetry={() => void item.refetch()} />;
  if (id && item.isPending) return <Skeleton active />;
  const centerId = item.data?.centerId ?? params.get('centerId') ?? '';
  // a new form for each saved state of the item, so what it shows is what is stored
  return <ItemEditor key={item.data ? `${item.data.id}:${item.data.version}` : 'new'} item={item.data ?? null} centerId={centerId} />;
}

type Values = ItemGuide & { code: string };

function ItemEditor({ item, centerId }: { item: ItemDetail | null; centerId: string }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const departments = useDepartments(centerId || null);
  const create = useCreateItem();
  const save = useSaveItemDraft();
  const [note, setNote] = useState(item?.draft?.meta.note ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const materials = (Form.useWatch('materials', form) ?? []) as ItemGuide['materials'];

  const base = item?.draft?.guide ?? item?.published?.guide;
  const initial = { code: item?.code ?? '', ...(base ?? newItemGuide()) } as Values;
  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const materialOptions = materials.filter((m) => m?.key).map((m) => ({ value: m.key, label: `${m.name || m.key}（${m.key}）` }));

  const fail = (error: unknown) => {
    setErrors(applyGuideErrors(form, error));
    message.error(describeError(error));
    return null;
  };
  /** Saves the form as the draft; returns the item as stored, or null when something is wrong. */
  const saveDraft = async (): Promise<ItemDetail | null> => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return null; // the form shows what is missing
    }
    setErrors([]);
    const { code, ...guide } = values;
    try {
      if (!item) {
        const created = await create.mutateAsync({ centerId, code: code.trim().toUpperCase(), guide: itemGuideOf(guide as ItemGuide) });
        navigate(`/catalog/items/${created.id}`, { replace: true });
        return created;
      }
      return await save.mutateAsync({ id: item.id, version: item.version, guide: itemGuideOf(guide as ItemGuide), note });
    } catch (error) {
      return fail(error);
    }
  };

  return (
    <Card>
      <EntryEditorBar kind="item" entry={item} newTitle={tc.admin.newItem} name={base?.name} note={note} onNote={setNote} errors={errors} saveDraft={saveDraft} fail={fail} />
      <Form form={form} layout="vertical" initialValues={initial} data-testid="item-form">
        <Tabs
          items={[
            { key: 'basics', label: tc.form.tabBasics, forceRender: true, children: <ItemBasics departments={departmentOptions} isNew={!item} /> },
            { key: 'materials', label: tc.form.tabMaterials, forceRender: true, children: <ItemMaterials centerId={centerId} /> },
            { key: 'mechanisms', label: tc.form.tabMechanisms, forceRender: true, children: <ItemMechanisms departments={departmentOptions} /> },
            { key: 'situations', label: tc.form.tabSituations, forceRender: true, children: <SituationsField kind="item" choices={materialOptions} /> },
          ]}
        />
      </Form>
    </Card>
  );
}
