import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { describeError } from '../../../components/use-show-error.ts';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import { selfCheckSize } from '../api.ts';
import { SizeClassTag } from './size-class-tag.tsx';

type Inputs = { industry?: string; employees?: number | null; revenue?: number | null; assets?: number | null };

/** Keeps the last value that stayed unchanged for `ms`, so typing does not send a request per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? undefined : String(n));

/** The size class and its reason, worked out live by the public self-check endpoint as the form changes. */
export function SizePreview(inputs: Inputs) {
  const query = useDebounced({ industry: inputs.industry ?? '', employees: text(inputs.employees), revenue: text(inputs.revenue), assets: text(inputs.assets) }, 300);
  const size = useQuery({ queryKey: ['public', 'size', query], queryFn: () => selfCheckSize(query), enabled: query.industry !== '', retry: false });
  if (!query.industry) return <Alert type="info" title={te.form.sizePreview} description={te.form.sizeWaiting} />;
  if (size.isError) return <Alert type="warning" title={te.form.sizePreview} description={describeError(size.error)} />;
  return (
    <Alert
      type="success"
      title={
        <Space>
          {te.form.sizePreview}
          {size.data && <SizeClassTag sizeClass={size.data.sizeClass} />}
        </Space>
      }
      description={<Typography.Text data-testid="size-reason">{size.data?.reason ?? '…'}</Typography.Text>}
    />
  );
}
