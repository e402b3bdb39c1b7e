import { Button, Flex, Result, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useBookableItems } from '../../../appointments/queries.ts';
import { ty } from '../../../../locales/appointments.zh-CN.ts';
import { QueryError } from '../../../../components/query-error.tsx';
import { isApiError } from '../../../../lib/api.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { useBundleNotice, useItemNotice } from '../../queries.ts';
import { BundleNoticeView } from '../notice/bundle-notice.tsx';
import { ItemNoticeView } from '../notice/item-notice.tsx';
import { useUrlAnswers } from '../notice/use-answers.ts';
import { ApplyOnlineButton } from '../../../applications/online/components/apply-online-button.tsx';
import { ItemPlaces } from '../../../venue/points/components/item-places.tsx';

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
  const actions = base === '/portal' && (
    <>
      <ApplyOnlineButton code={code} isOffered={notice.data.guide.channels.includes('online')} answers={state.param} />
      <BookButton code={code} />
    </>
  );
  const view = <ItemNoticeView notice={notice.data} state={state} bundleLink={(c) => `${base}/bundles/${c}`} actions={actions} />;
  if (base !== '/portal') return view;
  return (
    <Flex orientation="vertical" gap={16}>
      {view}
      <ItemPlaces code={code} />
    </Flex>
  );
}

/** 预约办理 on the portal's guide of an item the center takes bookings for: the booking with the item chosen. */
function BookButton({ code }: { code: string }) {
  const items = useBookableItems();
  const navigate = useNavigate();
  if (!items.data?.some((i) => i.code === code)) return null;
  return (
    <Button onClick={() => void navigate(`/portal/appointments?code=${encodeURIComponent(code)}`)} data-testid="item-book">
      {ty.portal.bookItem}
    </Button>
  );
}

export function BundleNoticePage({ base = '/portal' }: { base?: string }) {
  const code = useParams().code ?? '';
  const state = useUrlAnswers();
  const notice = useBundleNotice(code, state.param);
  if (notice.isError) return isApiError(notice.error, 'BUNDLE_NOT_FOUND') ? <Result status="404" title={tc.notice.notFound} /> : <QueryError error={notice.error} onRetry={() => void notice.refetch()} />;
  if (notice.isPending) return <Skeleton active />;
  // 在线申办 only when every item the answers keep is offered online (the notice's channels are those all of them share)
  const actions = base === '/portal' && <ApplyOnlineButton kind="bundle" code={code} isOffered={notice.data.channels.includes('online')} answers={state.param} />;
  return <BundleNoticeView notice={notice.data} state={state} itemLink={(c) => `${base}/items/${c}`} actions={actions} />;
}

export const PortalItemPage = () => <ItemNoticePage />;
export const PortalBundlePage = () => <BundleNoticePage />;
export const DeskItemPage = () => <ItemNoticePage base="/guidance" />;
export const DeskBundlePage = () => <BundleNoticePage base="/guidance" />;
