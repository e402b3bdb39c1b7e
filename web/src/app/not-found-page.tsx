import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { t } from '../locales/zh-CN.ts';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title={t.errors.notFoundTitle}
      subTitle={t.errors.notFound}
      extra={
        <Link to="/">
          <Button type="primary">{t.menu.home}</Button>
        </Link>
      }
    />
  );
}
