/**
 * Every column that holds personal data of the public (applicants, agents, raters, people on
 * record): what it holds, how it is stored, and whether responses mask it. `banshi privacy
 * report` prints this list, checks it against the database (a column that looks personal and is
 * not listed fails the report) and checks log files for unmasked numbers. Staff names are the
 * center's own records and not listed.
 */
export type Stored = 'encrypted' | 'hash' | 'masked' | 'plain';
/** how responses carry it: masked, in full (names, to the staff who handle the case), or never */
export type InResponses = 'masked' | 'full' | 'never';
export type PersonalColumn = { column: string; holds: '身份证号' | '手机号' | '姓名' | '地址'; stored: Stored; inResponses: InResponses };

const encrypted = (column: string, holds: PersonalColumn['holds']): PersonalColumn[] => {
  const base = column.replace(/_(cipher|encrypted)$/, '');
  return [
    { column, holds, stored: 'encrypted', inResponses: 'masked' },
    { column: `${base}_hash`, holds, stored: 'hash', inResponses: 'masked' },
    { column: `${base}_masked`, holds, stored: 'masked', inResponses: 'masked' },
  ];
};

export const PERSONAL_COLUMNS: PersonalColumn[] = [
  ...encrypted('people.id_number_cipher', '身份证号'),
  ...encrypted('people.phone_cipher', '手机号'),
  { column: 'people.name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  ...encrypted('applications.phone_cipher', '手机号'),
  { column: 'applications.applicant_name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  { column: 'applications.agent_name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  { column: 'application_deliveries.recipient_phone_cipher', holds: '手机号', stored: 'encrypted', inResponses: 'masked' },
  { column: 'application_deliveries.recipient_phone_masked', holds: '手机号', stored: 'masked', inResponses: 'masked' },
  { column: 'application_deliveries.recipient_name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  { column: 'application_deliveries.address', holds: '地址', stored: 'plain', inResponses: 'full' },
  ...encrypted('appointments.phone_encrypted', '手机号'),
  { column: 'ratings.rater_phone_cipher', holds: '手机号', stored: 'encrypted', inResponses: 'masked' },
  { column: 'ratings.rater_phone_masked', holds: '手机号', stored: 'masked', inResponses: 'masked' },
  { column: 'ratings.rater_name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  ...encrypted('notification_messages.recipient_encrypted', '手机号'),
  ...encrypted('tickets.phone_cipher', '手机号'),
  ...encrypted('inquiries.phone_cipher', '手机号'),
  { column: 'inquiries.person_name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  ...encrypted('experience_officers.phone_cipher', '手机号'),
  { column: 'experience_officers.name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  ...encrypted('feedback_cases.phone_cipher', '手机号'),
  { column: 'feedback_cases.person_name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  { column: 'rateable_subjects.phone_cipher', holds: '手机号', stored: 'encrypted', inResponses: 'never' },
  { column: 'rateable_subjects.phone_masked', holds: '手机号', stored: 'masked', inResponses: 'masked' },
  { column: 'rateable_subjects.applicant_name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  ...encrypted('briefing_attendees.phone_cipher', '手机号'),
  { column: 'briefing_attendees.name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  ...encrypted('agency_requests.phone_cipher', '手机号'),
  { column: 'agency_requests.contact_name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  { column: 'agency_requests.signer_name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  { column: 'agency_requests.signer_id_cipher', holds: '身份证号', stored: 'encrypted', inResponses: 'masked' },
  { column: 'agency_requests.signer_id_masked', holds: '身份证号', stored: 'masked', inResponses: 'masked' },
  { column: 'scenario_providers.contact_name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  { column: 'cross_region_handovers.applicant_name', holds: '姓名', stored: 'plain', inResponses: 'full' },
  { column: 'cross_region_handovers.postal_address', holds: '地址', stored: 'plain', inResponses: 'full' },
];

/** Column names that look personal; each such column must be listed above or here. */
export const LOOKS_PERSONAL = /phone|id_number|recipient/;
/** Columns whose names look personal but hold none: the office numbers of centers and departments (and the published service line of a professional service provider); a survey answer's link to its recipient row (an id). */
export const NOT_PERSONAL = new Set(['centers.phone', 'departments.phone', 'survey_responses.recipient_id', 'scenario_providers.service_phone']);
