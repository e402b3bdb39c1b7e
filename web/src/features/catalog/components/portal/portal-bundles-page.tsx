import { Card, Segmented, Skeleton } from 'antd';
import type { LifeStage } from '@server/modules/catalog/contract.ts';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { usePortalBundles } from '../../queries.ts';
import { BundleCards } from './bundle-cards.tsx';

const STAGES = Object.keys(tc.lifeStages) as LifeStage[];

/** 一件事 by life-cycle stage. */
export function PortalBundlesPage() {
  const [params, setParams] = useSearchParams();
  const lifeStage = (params.get('lifeStage') ?? undefined) as LifeStage | undefined;
  const bundles = usePortalBundles({ lifeStage });
  return (
    <Card
      title={tc.portal.bundlesTitle}
      extra={
        <Segmented
          value={lifeStage ?? 'all'}
          onChange={(v) => setParams(v === 'all' ? {} : { lifeStage: String(v) })}
          options={[{ value: 'all', label: tc.portal.all }, ...STAGES.map((s) => ({ value: s, label: tc.lifeStages[s] }))]}
        />
      }
    >
      {bundles.isError ? (
        <QueryError error={bundles.error} onRetry={() => void bundles.refetch()} />
      ) : bundles.isPending ? (
        <Skeleton active />
      ) : (
        <BundleCards bundles={bundles.data} />
      )}
    </Card>
  );
}
