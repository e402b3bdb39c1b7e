import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error.tsx';
import { tl } from '../../../locales/licenses.zh-CN.ts';
import { libraryDocumentUrl } from '../api.ts';
import { useEnterpriseLicenses } from '../queries.ts';
import { LicenseActions } from './license-actions.tsx';
import { LicenseIssueModal } from './license-issue-modal.tsx';
import { LicenseTable } from './license-table.tsx';

/** An enterprise's licenses, for those who manage the library. */
export function EnterpriseLicensesPanel({ enterpriseId, uscc }: { enterpriseId: string; uscc: string }) {
  const licenses = useEnterpriseLicenses(enterpriseId);
  const [isIssuing, setIssuing] = useState(false);
  if (licenses.isError) return <QueryError error={licenses.error} onRetry={() => void licenses.refetch()} />;
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setIssuing(true)} style={{ marginBottom: 12 }}>
        {tl.library.issue}
      </Button>
      <LicenseTable licenses={licenses.data} isLoading={licenses.isPending} documentUrl={libraryDocumentUrl} actions={(l) => <LicenseActions license={l} />} />
      {isIssuing && <LicenseIssueModal uscc={uscc} onClose={() => setIssuing(false)} />}
    </>
  );
}
