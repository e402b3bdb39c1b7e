import { App, Button, Card, DatePicker, Flex, Form, Input, Radio, Result, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { trating } from '../../../../locales/evaluations.zh-CN.ts';
import { addByPhone, findPhoneSubject, rateByPhone, type PhoneSubject } from '../api.ts';
import { LEVEL_COLOURS, RatingForm } from './rating-form.tsx';
import { SubjectCard } from './subject-card.tsx';

type Lookup = { kind: 'visit' | 'application'; number?: string; date?: dayjs.Dayjs; displayNumber?: string };

/** Staff type in a rating given by phone (a callback call, the hotline), or its 追评. */
export function PhoneRatingPage() {
  const [form] = Form.useForm<Lookup>();
  const kind = Form.useWatch('kind', form) ?? 'visit';
  const [found, setFound] = useState<PhoneSubject | null>(null);
  const [rater, setRater] = useState({ raterName: '', phone: '' });
  const [addition, setAddition] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();

  const find = async (v: Lookup) => {
    setError(null);
    setFound(null);
    try {
      setFound(await findPhoneSubject({ kind: v.kind, number: v.number, date: v.date?.format('YYYY-MM-DD'), displayNumber: v.displayNumber }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const reload = () => find(form.getFieldsValue());

  return (
    <Flex vertical gap={16} data-testid="phone-rating">
      <Typography.Title level={3}>{trating.phone.title}</Typography.Title>
      <Card>
        <Form form={form} layout="inline" initialValues={{ kind: 'visit', date: dayjs() }} onFinish={(v) => void find(v)}>
          <Form.Item name="kind" label={trating.phone.kind}>
            <Radio.Group options={(['visit', 'application'] as const).map((k) => ({ value: k, label: trating.phone.kinds[k] }))} />
          </Form.Item>
          {kind === 'application' ? (
            <Form.Item name="number" label={trating.phone.number} rules={[{ required: true }]}>
              <Input style={{ width: 220 }} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="date" label={trating.phone.date} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="displayNumber" label={trating.phone.displayNumber} rules={[{ required: true }]}>
                <Input style={{ width: 120 }} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit">
            {trating.phone.find}
          </Button>
        </Form>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Card>
      {found && (
        <Card>
          <Flex vertical gap={16}>
            <SubjectCard subject={found.subject} />
            {found.rating ? (
              <>
                <Result
                  status="info"
                  title={trating.phone.existing}
                  subTitle={
                    <Space>
                      <Tag color={LEVEL_COLOURS[found.rating.level]}>{trating.levels[found.rating.level]}</Tag>
                      <Tag>{trating.channels[found.rating.channel]}</Tag>
                      {found.rating.comment}
                    </Space>
                  }
                />
                {!found.rating.additions.some((a) => a.kind === 'addition') && (
                  <Flex vertical gap={8}>
                    <Input.TextArea rows={3} maxLength={500} value={addition} onChange={(e) => setAddition(e.target.value)} placeholder={trating.portal.addPlaceholder} />
                    <Button
                      disabled={addition.trim() === ''}
                      onClick={async () => {
                        try {
                          await addByPhone(found.rating!.id, { comment: addition });
                          void message.success(trating.phone.addSaved);
                          setAddition('');
                          await reload();
                        } catch (e) {
                          void message.error(e instanceof Error ? e.message : String(e));
                        }
                      }}
                    >
                      {trating.phone.addition}
                    </Button>
                  </Flex>
                )}
              </>
            ) : (
              <>
                <Space wrap>
                  <Input addonBefore={trating.phone.raterName} value={rater.raterName} onChange={(e) => setRater({ ...rater, raterName: e.target.value })} maxLength={40} />
                  <Input addonBefore={trating.phone.phone} value={rater.phone} onChange={(e) => setRater({ ...rater, phone: e.target.value })} maxLength={20} />
                </Space>
                <RatingForm
                  questionSet={found.subject.questionSet}
                  onSubmit={async (answer) => {
                    await rateByPhone({ subject: { kind: found.subject.kind, id: found.subject.id }, level: answer.level, tags: answer.tags, comment: answer.comment, raterName: rater.raterName, phone: rater.phone || undefined });
                    void message.success(trating.phone.saved);
                    await reload();
                  }}
                />
              </>
            )}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
