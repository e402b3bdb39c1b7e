import { Button, Flex, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../../app/auth-context.tsx';
import { FormModal } from '../../../../components/form-modal.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { ttr } from '../../../../locales/training.zh-CN.ts';
import type { CourseDetail, CourseInput, CourseSummary } from '../api.ts';
import { useCourses, useCreateCourse } from '../queries.ts';

/** The center's training courses (5.2): business knowledge, policies, service etiquette (GB/T 36112). */
export function CoursesTab() {
  const { can } = useAuth();
  const courses = useCourses();
  const [isAdding, setAdding] = useState(false);
  return (
    <Flex vertical gap={16}>
      {can('training.manage') && (
        <Flex justify="flex-end">
          <Button type="primary" onClick={() => setAdding(true)} data-testid="course-add">
            {ttr.courses.add}
          </Button>
        </Flex>
      )}
      {courses.isError ? (
        <QueryError error={courses.error} onRetry={() => void courses.refetch()} />
      ) : (
        <Table<CourseSummary>
          rowKey="id"
          size="middle"
          loading={courses.isFetching}
          dataSource={courses.data}
          data-testid="courses"
          columns={[
            { title: ttr.fields.title, render: (_, c) => <Link to={`/training/courses/${c.id}`} data-testid="course-link">{c.title}</Link> },
            { title: ttr.fields.category, render: (_, c) => ttr.categories[c.category] },
            { title: ttr.fields.description, dataIndex: 'description' },
            { title: ttr.fields.sessionCount, dataIndex: 'sessionCount' },
            { title: ttr.fields.examCount, dataIndex: 'examCount' },
          ]}
        />
      )}
      {isAdding && <CourseFormModal onClose={() => setAdding(false)} />}
    </Flex>
  );
}

function CourseFormModal({ onClose }: { onClose: () => void }) {
  const create = useCreateCourse();
  const navigate = useNavigate();
  const submit = async (v: CourseInput) => {
    const created: CourseDetail = await create.mutateAsync(v);
    navigate(`/training/courses/${created.id}`);
  };
  return (
    <FormModal<CourseInput> title={ttr.courses.add} initialValues={{ category: 'business' }} onSubmit={submit} onClose={onClose}>
      <Form.Item name="title" label={ttr.fields.title} rules={[{ required: true, whitespace: true, message: ttr.fields.title }]}>
        <Input maxLength={200} data-testid="course-title" />
      </Form.Item>
      <Form.Item name="category" label={ttr.fields.category} rules={[{ required: true, message: ttr.fields.category }]}>
        <Select options={Object.entries(ttr.categories).map(([value, label]) => ({ value, label }))} data-testid="course-category" />
      </Form.Item>
      <Form.Item name="description" label={ttr.fields.description}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
