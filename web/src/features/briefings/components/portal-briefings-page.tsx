import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { tbr } from '../../../locales/briefings.zh-CN.ts';
import { meQuery } from '../../auth/queries.ts';
import type { PublicEvent } from '../api.ts';
import { usePublicEvents, useRegister } from '../queries.ts';

/** 宣讲培训 on the portal: every event with its topic, speakers, time and place, places left; an enterprise signed in registers its attendees. */
export function PortalBriefingsPage() {
  const events = usePublicEvents();
  const { data: me } = useQuery(meQuery);
  const isEnterprise = me?.type === 'enterprise';
  const [registering, setRegistering] = useState<PublicEvent | null>(null);
  return (
    <Card title={tbr.portal.title} extra={isEnterprise && <Link to="/portal/my-briefings">{tbr.portal.navMine}</Link>}>
      <Typography.Paragraph type="secondary">{tbr.portal.hint}</Typography.Paragraph>
      {events.isError ? (
        <QueryError error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <List<PublicEvent>
          loading={events.isPending}
          dataSource={events.data}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          renderItem={(e) => (
            <List.Item data-testid="portal-event" actions={[<RegisterAction key="register" event={e} isEnterprise={isEnterprise} onRegister={() => setRegistering(e)} />]}>
              <List.Item.Meta
                title={
                  <Flex wrap gap={8} align="center">
                    <span>{e.topic}</span>
                    <Tag>{tbr.kinds[e.kind]}</Tag>
                    {e.status !== 'published' && <Tag color={tbr.statusColors[e.status]}>{tbr.statuses[e.status]}</Tag>}
                  </Flex>
                }
                description={
                  <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                    <Descriptions.Item label={tbr.fields.time}>{tbr.timeRange(e.date, e.startTime, e.endTime)}</Descriptions.Item>
                    <Descriptions.Item label={tbr.fields.place}>
                      {e.centerName} {e.roomName ?? tbr.online}
                    </Descriptions.Item>
                    {e.speakers.length > 0 && <Descriptions.Item label={tbr.fields.speakers}>{e.speakers.join('、')}</Descriptions.Item>}
                    {e.liveUrl && (
                      <Descriptions.Item label={tbr.fields.liveUrl}>
                        <a href={e.liveUrl} target="_blank" rel="noreferrer">
                          {e.liveUrl}
                        </a>
                      </Descriptions.Item>
                    )}
                    {e.policies.length > 0 && (
                      <Descriptions.Item label={tbr.fields.policies}>
                        <Space wrap size={4}>
                          {e.policies.map((p) => (
                            <Link key={p.id} to={`/portal/policies/${p.id}`}>
                              {p.title}
                            </Link>
                          ))}
                        </Space>
                      </Descriptions.Item>
                    )}
                    <Descriptions.Item label={tbr.fields.registrationClosesOn}>{e.registrationClosesOn}</Descriptions.Item>
                    <Descriptions.Item label={tbr.fields.remaining}>{`${e.remaining} / ${e.capacity}`}</Descriptions.Item>
                    {e.description && <Descriptions.Item label={tbr.fields.description} span={2}>{e.description}</Descriptions.Item>}
                  </Descriptions>
                }
              />
            </List.Item>
          )}
        />
      )}
      {registering && <RegisterModal event={registering} onClose={() => setRegistering(null)} />}
    </Card>
  );
}

function RegisterAction({ event, isEnterprise, onRegister }: { event: PublicEvent; isEnterprise: boolean; onRegister: () => void }) {
  const navigate = useNavigate();
  if (event.hasEnded) return <Tag>{tbr.portal.ended}</Tag>;
  if (event.status !== 'published') return null;
  if (!event.isRegistrationOpen) return <Tag>{event.remaining === 0 ? tbr.portal.full : tbr.portal.closed}</Tag>;
  if (!isEnterprise) return <Button onClick={() => navigate('/portal/login', { state: { from: '/portal/briefings' } })}>{tbr.portal.loginToRegister}</Button>;
  return (
    <Button type="primary" onClick={onRegister} data-testid="register-event">
      {tbr.portal.register}
    </Button>
  );
}

type Values = { attendees: { name: string; phone: string }[] };

function RegisterModal({ event, onClose }: { event: PublicEvent; onClose: () => void }) {
  const register = useRegister();
  const navigate = useNavigate();
  const submit = async (v: Values) => {
    const done = await register.mutateAsync({ id: event.id, attendees: v.attendees.map((a) => ({ name: a.name.trim(), phone: a.phone.trim() })) });
    void navigate('/portal/my-briefings');
    return done;
  };
  return (
    <FormModal<Values> title={tbr.portal.registerTitle(event.topic)} onSubmit={submit} onClose={onClose} initialValues={{ attendees: [{ name: '', phone: '' }] }} successText={tbr.portal.registered} okText={tbr.portal.register}>
      <Form.List name="attendees">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'name']} label={`${tbr.portal.attendee} ${i + 1} ${tbr.portal.name}`} rules={[{ required: true, whitespace: true, message: tbr.portal.name }]}>
                  <Input maxLength={50} data-testid="attendee-name" />
                </Form.Item>
                <Form.Item name={[field.name, 'phone']} label={tbr.portal.phone} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: tbr.portal.phone }]}>
                  <Input maxLength={11} inputMode="numeric" data-testid="attendee-phone" />
                </Form.Item>
                {fields.length > 1 && (
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={tbr.portal.remove} onClick={() => remove(field.name)} />
                )}
              </Space>
            ))}
            {fields.length < Math.min(10, event.remaining) && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', phone: '' })} data-testid="add-attendee">
                {tbr.portal.addAttendee}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
