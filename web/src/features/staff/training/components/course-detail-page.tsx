import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { FormModal } from '../../../../components/form-modal.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { toIsoDate } from '../../../../lib/time.ts';
import { ttr } from '../../../../locales/training.zh-CN.ts';
import type { CourseDetail } from '../api.ts';
import { useCourse, useRecordExam, useRecordSession } from '../queries.ts';
import { StaffSelect } from './staff-select.tsx';

type Exam = CourseDetail['exams'][number];

/** A course: its sessions with who attended, and its exams with scores (a pass may issue a certificate). */
export function CourseDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const course = useCourse(id);
  const [modal, setModal] = useState<'session' | 'exam' | null>(null);
  if (course.isError) return <QueryError error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;
  return (
    <Card title={c?.title ?? ttr.fields.title} loading={course.isLoading} extra={<Link to="/training?tab=courses">{ttr.courses.back}</Link>}>
      {c && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={2} items={[{ label: ttr.fields.category, children: ttr.categories[c.category] }, { label: ttr.fields.description, children: c.description || '—' }]} />
          <Flex justify="space-between" align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>{ttr.courses.sessions}</Typography.Title>
            {can('training.manage') && <Button onClick={() => setModal('session')} data-testid="session-add">{ttr.courses.addSession}</Button>}
          </Flex>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.sessions}
            data-testid="course-sessions"
            columns={[
              { title: ttr.fields.heldOn, dataIndex: 'heldOn' },
              { title: ttr.fields.trainer, dataIndex: 'trainer' },
              { title: ttr.fields.place, dataIndex: 'place' },
              { title: ttr.fields.attendees, render: (_, s: CourseDetail['sessions'][number]) => s.attendees.map((a) => a.staffName).join('、') },
            ]}
          />
          <Flex justify="space-between" align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>{ttr.courses.exams}</Typography.Title>
            {can('training.manage') && <Button onClick={() => setModal('exam')} data-testid="exam-add">{ttr.courses.addExam}</Button>}
          </Flex>
          {c.exams.length === 0 && <Typography.Text type="secondary">{ttr.courses.none}</Typography.Text>}
          {c.exams.map((e) => <ExamCard key={e.id} exam={e} />)}
        </Flex>
      )}
      {modal === 'session' && <SessionFormModal courseId={id} onClose={() => setModal(null)} />}
      {modal === 'exam' && <ExamFormModal courseId={id} onClose={() => setModal(null)} />}
    </Card>
  );
}

function ExamCard({ exam }: { exam: Exam }) {
  const title = `${exam.heldOn} · ${ttr.fields.passMark} ${exam.passMark} / ${exam.maxScore} · ${exam.qualificationKind ? `${ttr.fields.qualificationKind}：${exam.qualificationKind}（${exam.validityMonths} 个月）` : ttr.courses.noQualification}`;
  return (
    <Card size="small" title={title} data-testid="course-exam">
      <Table
        rowKey="staffId"
        size="small"
        pagination={false}
        dataSource={exam.scores}
        columns={[
          { title: ttr.fields.staff, dataIndex: 'staffName' },
          { title: ttr.fields.score, dataIndex: 'score' },
          { title: ttr.fields.passed, render: (_, s: Exam['scores'][number]) => <Tag color={s.passed ? 'green' : 'red'}>{s.passed ? ttr.courses.passed : ttr.courses.failed}</Tag> },
        ]}
      />
    </Card>
  );
}

type SessionValues = { heldOn: Dayjs; trainer: string; place: string; staffIds: string[] };

function SessionFormModal({ courseId, onClose }: { courseId: string; onClose: () => void }) {
  const record = useRecordSession();
  return (
    <FormModal<SessionValues> title={ttr.courses.addSession} initialValues={{ heldOn: dayjs() }} onSubmit={(v) => record.mutateAsync({ id: courseId, input: { ...v, heldOn: toIsoDate(v.heldOn) } })} onClose={onClose}>
      <Form.Item name="heldOn" label={ttr.fields.heldOn} rules={[{ required: true, message: ttr.fields.heldOn }]}><DatePicker /></Form.Item>
      <Form.Item name="trainer" label={ttr.fields.trainer} rules={[{ required: true, whitespace: true, message: ttr.fields.trainer }]}><Input maxLength={100} data-testid="session-trainer" /></Form.Item>
      <Form.Item name="place" label={ttr.fields.place} rules={[{ required: true, whitespace: true, message: ttr.fields.place }]}><Input maxLength={200} data-testid="session-place" /></Form.Item>
      <Form.Item name="staffIds" label={ttr.fields.attendees} rules={[{ required: true, message: ttr.fields.attendees }]}><StaffSelect isMultiple data-testid="session-staff" /></Form.Item>
    </FormModal>
  );
}

type ExamValues = { heldOn: Dayjs; maxScore: number; passMark: number; qualificationKind?: string; validityMonths?: number; scores: { staffId: string; score: number }[] };

function ExamFormModal({ courseId, onClose }: { courseId: string; onClose: () => void }) {
  const record = useRecordExam();
  const submit = (v: ExamValues) => {
    const kind = v.qualificationKind?.trim() || null;
    return record.mutateAsync({ id: courseId, input: { heldOn: toIsoDate(v.heldOn), maxScore: v.maxScore, passMark: v.passMark, qualificationKind: kind, validityMonths: kind ? (v.validityMonths ?? null) : null, scores: v.scores } });
  };
  return (
    <FormModal<ExamValues> title={ttr.courses.addExam} width={640} initialValues={{ heldOn: dayjs(), maxScore: 100, passMark: 60, scores: [{ staffId: '', score: 0 }] }} onSubmit={submit} onClose={onClose}>
      <Flex gap={16}>
        <Form.Item name="heldOn" label={ttr.fields.heldOn} rules={[{ required: true, message: ttr.fields.heldOn }]}><DatePicker /></Form.Item>
        <Form.Item name="maxScore" label={ttr.fields.maxScore} rules={[{ required: true, message: ttr.fields.maxScore }]}><InputNumber min={1} max={1000} precision={0} /></Form.Item>
        <Form.Item name="passMark" label={ttr.fields.passMark} rules={[{ required: true, message: ttr.fields.passMark }]}><InputNumber min={0} max={1000} precision={0} /></Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item name="qualificationKind" label={ttr.fields.qualificationKind} style={{ flex: 1 }}><Input maxLength={100} placeholder={ttr.courses.noQualification} /></Form.Item>
        <Form.Item name="validityMonths" label={ttr.fields.validityMonths}><InputNumber min={1} max={120} precision={0} /></Form.Item>
      </Flex>
      <Form.List name="scores">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline">
                <Form.Item name={[field.name, 'staffId']} label={ttr.fields.staff} style={{ flex: 1 }} rules={[{ required: true, message: ttr.fields.staff }]}><StaffSelect /></Form.Item>
                <Form.Item name={[field.name, 'score']} label={ttr.fields.score} rules={[{ required: true, message: ttr.fields.score }]}><InputNumber min={0} max={1000} precision={0} /></Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={ttr.rules.remove} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ staffId: '', score: 0 })}>{ttr.courses.addScore}</Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
