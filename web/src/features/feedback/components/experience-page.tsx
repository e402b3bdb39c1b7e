import { Card, Tabs, Typography } from 'antd';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import { ExperienceFindings } from './experience-findings.tsx';
import { ExperienceOfficers } from './experience-officers.tsx';
import { ExperienceTasks } from './experience-tasks.tsx';

/** 体验员 (9.3): the officers, their tasks and reports, and the follow-up of what they found. */
export function ExperiencePage() {
  const te = tfb.experience;
  return (
    <Card title={te.title}>
      <Typography.Paragraph type="secondary">{te.intro}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'officers', label: te.tabs.officers, children: <ExperienceOfficers /> },
          { key: 'tasks', label: te.tabs.tasks, children: <ExperienceTasks /> },
          { key: 'findings', label: te.tabs.findings, children: <ExperienceFindings /> },
        ]}
      />
    </Card>
  );
}
