import { Result, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { isApiError } from '../../../../lib/api.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { useBundleNotice, useItemNotice } from '../../queries.ts';
import { BundleNoticeView } from '../notice/bundle-notice.tsx';
import { ItemNoticeView } from '../notice/item-notice.tsx';
import { useUrlAnswers } from '../notice/use-answers.ts';

/**
 * An item's or a bundle's one-time notice. `base` is where links lead: the portal, or the
 * guidance desk inside the staff workbench.
 */
export function ItemNoticePage({ base = '/portal' }: { base?: string }) {
  const code = useParams().code ?? '';
  const state = useUrlAnswers();
  const notice = useItemNotice(code, state.param);
  if (notice.isError) return isApiError(notice.error, 'ITEM_NOT_FOUND') ? <Result status="404" title={tc.notice.notFound} /> : <QueryError error={notice.error} onRetry={() => void notice.refetch()} />;
  if (notice.isPending) return <Skeleton active />;
  return <ItemNoticeView notice={notice.data} state={state} bundleLink={(c) => `${base}/bundles/${c}`} />;
}

export function BundleNoticePage({ base = '/portal' }: { base?: string }) {
  const code = useParams().code ?? '';
  const state = useUrlAnswers();
  const notice = useBundleNotice(code, state.param);
  if (notice.isError) return isApiError(notice.error, 'BUNDLE_NOT_FOUND') ? <Result status="404" title={tc.notice.notFound} /> : <QueryError error={notice.error} onRetry={() => void notice.refetch()} />;
  if (notice.isPending) return <Skeleton active />;
  return <BundleNoticeView notice={notice.data} state={state} itemLink={(c) => `${base}/items/${c}`} />;
}

export const PortalItemPage = () => <ItemNoticePage />;
export const PortalBundlePage = () => <BundleNoticePage />;
export const DeskItemPage = () => <ItemNoticePage base="/guidance" />;
export const DeskBundlePage = () => <BundleNoticePage base="/guidance" />;
