import { Button, Card, Descriptions, Flex, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tag } from '../../../locales/agency.zh-CN.ts';
import { act, agreementUrl, type RequestDetail } from '../api.ts';
import { useAgencyChange, useProjects, useRequest } from '../queries.ts';
import { RequestActions } from './request-actions.tsx';
import { AgencyStateTag } from './tags.tsx';

/** 代办详情: the request, its agreement, the materials handed over (returned one by one), the actions open now, and the timeline. */
export function AgencyRequestDetailPage() {
  const { id = '' } = useParams();
  const request = useRequest(id);
  if (request.isError) return <QueryError error={request.error} onRetry={() => void request.refetch()} />;
  if (!request.data) return <Skeleton active />;
  const r = request.data;
  const d = tag.detail;
  return (
    <Flex vertical gap="middle">
      <Card
        title={
          <Space>
            <span data-testid="agency-number">{r.number}</span>
            <AgencyStateTag state={r.state} />
          </Space>
        }
        extra={<Link to="/agency">{d.back}</Link>}
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'e', label: d.enterprise, children: `${r.enterpriseName}（${r.uscc}）` },
            { key: 'i', label: d.item, children: r.itemName || '—' },
            { key: 'm', label: d.matter, children: r.matter || '—' },
            { key: 'c', label: d.channel, children: tag.channels[r.channel] },
            { key: 'p', label: d.contact, children: `${r.contactName} ${r.phoneMasked ?? ''}` },
            ...(r.projectId ? [{ key: 'proj', label: tag.projects.project, children: <ProjectName id={r.projectId} /> }] : []),
            { key: 'a', label: d.agent, children: <span data-testid="agency-agent">{r.agentName || '—'}</span> },
            { key: 'r', label: d.requestedOn, children: r.requestedOn },
            ...(r.doneOn ? [{ key: 'd', label: d.doneOn, children: r.doneOn }, { key: 't', label: d.daysTaken, children: String(r.daysTaken ?? '—') }] : []),
            ...(r.followUpDue ? [{ key: 'f', label: d.followUpDue, children: r.followUpDue }] : []),
            ...(r.result ? [{ key: 'res', label: d.result, children: r.result }] : []),
            ...(r.reason ? [{ key: 'why', label: d.reason, children: r.reason }] : []),
            ...(r.satisfaction ? [{ key: 's', label: d.satisfaction, children: `${r.satisfaction} / 5` }] : []),
          ]}
        />
        <div style={{ marginTop: 16 }}>
          <RequestActions request={r} />
        </div>
      </Card>
      <Card title={d.agreement} size="small">
        {r.agreement ? (
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'n', label: d.agreement, children: <a href={agreementUrl(r.id)} target="_blank" rel="noreferrer" data-testid="agency-agreement-pdf">{`${r.agreement.number} · ${d.agreementPdf}`}</a> },
              { key: 's', label: d.scope, children: r.agreement.scope },
              { key: 'g', label: d.signer, children: `${r.agreement.signerName}（${r.agreement.signerIdMasked}），${r.agreement.signedOn}` },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{d.noAgreement}</Typography.Text>
        )}
      </Card>
      <Materials request={r} />
      <Card title={d.timeline} size="small">
        <Timeline
          items={r.events.map((e) => ({
            key: e.id,
            children: (
              <div data-testid="agency-event" data-action={e.action}>
                <Typography.Text strong>{e.actionLabel}</Typography.Text> <Typography.Text type="secondary">{`${e.actorName} · ${formatDateTime(e.at)}`}</Typography.Text>
                {e.note && <div>{e.note}</div>}
                {e.applicationId && <Link to={`/applications/${e.applicationId}`} data-testid="agency-application-link">{d.openApplication}</Link>}
              </div>
            ),
          }))}
        />
      </Card>
    </Flex>
  );
}

function Materials({ request: r }: { request: RequestDetail }) {
  const d = tag.detail;
  const showError = useShowError();
  const back = useAgencyChange((materialId: string) => act(r.id, `materials/${materialId}/return`, { version: r.version }));
  const mayReturn = (r.actions as string[]).includes('return_material');
  return (
    <Card title={d.materials} size="small">
      {r.materials.length === 0 ? (
        <Typography.Text type="secondary">{d.noMaterials}</Typography.Text>
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.materials}
          columns={[
            { title: tag.materialForm.name, dataIndex: 'name', render: (n: string, m) => <Space>{n}{m.isOriginal && <Tag>{d.original}</Tag>}</Space> },
            { title: tag.materialForm.copies, dataIndex: 'copies', render: (n: number) => d.copies(n) },
            { title: '', dataIndex: 'receivedBy', render: (by: string, m) => `${by} · ${formatDateTime(m.receivedAt)}` },
            {
              title: '',
              key: 'state',
              render: (_: unknown, m) =>
                m.returnedAt ? (
                  <Tag color="green" data-testid="agency-material-returned">{`${d.returned} · ${formatDateTime(m.returnedAt)}`}</Tag>
                ) : mayReturn ? (
                  <Button size="small" loading={back.isPending} onClick={() => back.mutate(m.id, { onError: showError })} data-testid="agency-material-return">
                    {d.returnMaterial}
                  </Button>
                ) : (
                  <Tag>{d.kept}</Tag>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function ProjectName({ id }: { id: string }) {
  const projects = useProjects();
  return (
    <Link to="/agency-projects" data-testid="agency-request-project">
      {projects.data?.items.find((p) => p.id === id)?.name ?? '…'}
    </Link>
  );
}
