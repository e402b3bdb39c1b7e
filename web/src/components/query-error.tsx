import { Alert, Button } from 'antd';
import { t } from '../locales/zh-CN.ts';
import { describeError } from './use-show-error.ts';

/** A failed load, with its message and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={t.errors.loadFailed}
      description={describeError(error)}
      action={
        <Button size="small" onClick={onRetry}>
          {t.errors.retry}
        </Button>
      }
    />
  );
}
