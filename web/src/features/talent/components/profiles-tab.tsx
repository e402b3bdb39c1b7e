import { Button, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../../components/use-show-error.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { ttal } from '../../../locales/talent.zh-CN.ts';
import { documentUrl, type ProfileDto } from '../api.ts';
import { useProfiles, useVerifyProfile } from '../queries.ts';
import { ProfileFormModal } from './profile-form-modal.tsx';

/** 人才档案: who is a talent of which category, the certifying document and its validity; verify. */
export function ProfilesTab() {
  const [category, setCategory] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [isAdding, setAdding] = useState(false);
  const query = useProfiles({ category, q });
  const verify = useVerifyProfile();
  const showError = useShowError();
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select style={{ width: 180 }} allowClear placeholder={ttal.profile.allCategories} value={category} onChange={setCategory} options={Object.entries(ttal.categories).map(([value, label]) => ({ value, label }))} />
        <Input.Search style={{ width: 200 }} allowClear placeholder={ttal.profile.search} onSearch={setQ} />
        <Button type="primary" onClick={() => setAdding(true)} data-testid="add-profile">
          {ttal.profile.add}
        </Button>
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ProfileDto>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data}
          data-testid="profiles"
          scroll={{ x: 'max-content' }}
          columns={[
            { title: ttal.profile.name, render: (_, p) => <span data-testid="profile-name">{p.personName}</span> },
            { title: ttal.profile.idNumber, dataIndex: 'idNumberMasked' },
            { title: ttal.profile.category, render: (_, p) => ttal.categories[p.category] },
            { title: ttal.profile.employerName, dataIndex: 'employerName' },
            {
              title: ttal.profile.document,
              render: (_, p) => (
                <Space size={4} orientation="vertical">
                  <Typography.Text>{p.documentTitle}</Typography.Text>
                  {p.document && <a href={documentUrl(p.id)}>{ttal.profile.download}</a>}
                </Space>
              ),
            },
            { title: ttal.profile.validity, render: (_, p) => <Space size={4}>{`${p.validFrom} 至 ${p.validUntil}`}{!p.isValid && <Tag color="red">{ttal.profile.expired}</Tag>}</Space> },
            {
              title: ttal.profile.state,
              render: (_, p) =>
                p.state === 'verified' ? (
                  <Tag color="green" title={p.verifiedByName ? ttal.profile.verifiedBy(p.verifiedByName) : undefined}>
                    {ttal.profileStates.verified}
                  </Tag>
                ) : (
                  <Space size={4}>
                    <Tag>{ttal.profileStates.pending}</Tag>
                    <Button size="small" loading={verify.isPending && verify.variables?.id === p.id} onClick={() => verify.mutate({ id: p.id, version: p.version }, { onError: showError })} data-testid="verify-profile">
                      {ttal.profile.verify}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      )}
      {isAdding && <ProfileFormModal onClose={() => setAdding(false)} />}
    </Flex>
  );
}
