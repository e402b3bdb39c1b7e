import { Button, Card, Flex, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ApplicationDetail, MaterialDto } from '@server/modules/applications/contract.ts';
import { useShowError } from '../../../components/use-show-error.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';
import { useRedeemed } from '../../licenses/queries.ts';
import { materialFileUrl } from '../api.ts';
import { useMarkMaterial, useUploadMaterial } from '../queries.ts';

/** The checklist from the guide: how each material came (upload, paper seen, e-license) or what is wrong with it. */
export function MaterialsPanel({ app, canEdit }: { app: ApplicationDetail; canEdit: boolean }) {
  const mark = useMarkMaterial(app.id);
  const upload = useUploadMaterial(app.id);
  const showError = useShowError();
  const [defective, setDefective] = useState<MaterialDto | null>(null);
  const [problem, setProblem] = useState('');
  const [licenseFor, setLicenseFor] = useState<MaterialDto | null>(null);
  const isBusy = mark.isPending || upload.isPending;
  const owner = app.parentId ?? app.id;
  const run = (p: Promise<unknown>) => p.catch(showError);
  // Before acceptance every material may change; after it, only what is still owed (deferred, defective, missing).
  const isIntake = ['received', 'awaiting_supplement', 'review_supplement'].includes(app.state);
  const mayChange = (m: MaterialDto) => m.status !== 'committed' && (isIntake || ['deferred', 'defective', 'missing'].includes(m.status));

  return (
    <Card title={ta.materials.title} size="small">
      <Table<MaterialDto>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={app.materials}
        columns={[
          {
            title: ta.materials.name,
            render: (_, m) => (
              <Flex vertical gap={2}>
                <span>
                  {m.name} <Tag>{m.importance === 'core' ? ta.materials.core : ta.materials.secondary}</Tag>
                  {m.isDeferrable && <Tag color="orange">{ta.materials.deferrable}</Tag>}
                </span>
                <span style={{ color: '#888', fontSize: 12 }}>{m.requirement}</span>
              </Flex>
            ),
          },
          {
            title: ta.fields.state,
            width: 200,
            render: (_, m) => (
              <Tooltip title={m.problem || undefined}>
                <Tag color={ta.materials.statusColors[m.status]} data-testid={`material-${m.key}-status`}>
                  {ta.materials.statuses[m.status]}
                </Tag>
                {m.file && (
                  <a href={materialFileUrl(owner, m.key)} target="_blank" rel="noreferrer">
                    {ta.materials.view}
                  </a>
                )}
              </Tooltip>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 330,
                  render: (_: unknown, m: MaterialDto) =>
                    !mayChange(m) ? null : (
                      <Space size={4} wrap>
                        <Upload
                          accept=".pdf,.jpg,.jpeg,.png"
                          showUploadList={false}
                          beforeUpload={(file) => {
                            void run(upload.mutateAsync({ key: m.key, file }));
                            return false;
                          }}
                        >
                          <Button size="small" disabled={isBusy}>
                            {ta.materials.upload}
                          </Button>
                        </Upload>
                        <Button size="small" disabled={isBusy} onClick={() => run(mark.mutateAsync({ key: m.key, mark: { status: 'paper_seen' } }))} data-testid={`material-${m.key}-paper`}>
                          {ta.materials.paper}
                        </Button>
                        {m.licenseType && (
                          <Button size="small" disabled={isBusy} onClick={() => setLicenseFor(m)} data-testid={`material-${m.key}-license`}>
                            {ta.materials.license}
                          </Button>
                        )}
                        <Button size="small" danger disabled={isBusy} onClick={() => (setDefective(m), setProblem(''))}>
                          {ta.materials.defective}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {defective && (
        <Modal
          open
          title={`${ta.materials.defective}：${defective.name}`}
          onCancel={() => setDefective(null)}
          onOk={() => run(mark.mutateAsync({ key: defective.key, mark: { status: 'defective', problem } }).then(() => setDefective(null)))}
          okButtonProps={{ disabled: !problem.trim() }}
        >
          <Input.TextArea rows={3} maxLength={200} placeholder={ta.materials.problem} value={problem} onChange={(e) => setProblem(e.target.value)} />
        </Modal>
      )}
      {licenseFor && <LicenseModal material={licenseFor} onClose={() => setLicenseFor(null)} onPick={(grantId, licenseId) => run(mark.mutateAsync({ key: licenseFor.key, mark: { status: 'license', grantId, licenseId } }).then(() => setLicenseFor(null)))} />}
    </Card>
  );
}

/** Licenses the clerk redeemed through a holder's grant (亮码), of the material's type. */
function LicenseModal({ material, onClose, onPick }: { material: MaterialDto; onClose: () => void; onPick: (grantId: string, licenseId: string) => void }) {
  const redeemed = useRedeemed();
  const options = (redeemed.data ?? []).flatMap((r) =>
    r.licenses.filter((l) => l.type.code === material.licenseType).map((l) => ({ value: `${r.grantId}|${l.id}`, label: `${l.type.name} ${l.number}（${r.holder.name}）` })),
  );
  const [value, setValue] = useState<string>();
  return (
    <Modal open title={`${ta.materials.license}：${material.name}`} onCancel={onClose} okButtonProps={{ disabled: !value }} onOk={() => value && onPick(value.split('|')[0]!, value.split('|')[1]!)}>
      <Typography.Paragraph type="secondary" data-testid="license-picker-hint">
        {ta.materials.licenseHint}
      </Typography.Paragraph>
      {options.length === 0 ? <p>{ta.materials.noRedeemed}</p> : <Select style={{ width: '100%' }} options={options} value={value} onChange={setValue} />}
    </Modal>
  );
}
