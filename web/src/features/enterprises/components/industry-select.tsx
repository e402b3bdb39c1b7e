import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { IndustryNode } from '@server/modules/enterprises/contract.ts';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import { useIndustries } from '../queries.ts';

type TreeNode = { value: string; title: string; children?: TreeNode[] };

const toTree = (nodes: IndustryNode[]): TreeNode[] =>
  nodes.map((n) => ({ value: n.code, title: `${n.code} ${n.name}`, children: n.children ? toTree(n.children) : undefined }));

/** GB/T 4754-2017 picker: any level may be chosen; typing a code or a name finds it. */
export function IndustrySelect({ value, onChange, allowClear, id }: { value?: string; onChange?: (v: string | undefined) => void; allowClear?: boolean; id?: string }) {
  const industries = useIndustries();
  const treeData = useMemo(() => toTree(industries.data ?? []), [industries.data]);
  return (
    <TreeSelect
      id={id}
      value={value || undefined}
      onChange={(v) => onChange?.(v)}
      treeData={treeData}
      loading={industries.isPending}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={te.form.industryPlaceholder}
      popupMatchSelectWidth={480}
      listHeight={360}
      style={{ width: '100%' }}
    />
  );
}
