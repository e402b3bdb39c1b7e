import type { LightMyRequestResponse } from 'fastify';
import { cookieOf, testApi, type TestApi, type TestApp, type UploadedFile } from '../../../test/harness.ts';
import type { ApplicationDetail, OwnApplicationList } from './contract.ts';

/** Shared steps of the applications' HTTP tests. */

export const CATERING = '91440605MA51XQ2D77';
export const MANUFACTURING = '91440605MA4W3K7P3K';
export const FOOD_BUSINESS = 'NH-SCJG-006';

/** A 1×1 PNG and the smallest PDF file-type recognises. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export type Api = Omit<TestApi, 'ok' | 'upload'> & {
  ok<T = ApplicationDetail>(method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object): Promise<T>;
  /** a material's file */
  upload(cookie: string, id: string, key: string, file: UploadedFile): Promise<LightMyRequestResponse>;
};

export function apiOf(t: TestApp): Api {
  const api = testApi(t);
  return { ...api, ok: api.ok, upload: (cookie, id, key, file) => api.upload(`/api/applications/${id}/materials/${key}/file`, cookie, file) };
}

/** Receives 食品经营许可 for the demo catering enterprise (no online sales, not only pre-packaged food). */
export function foodIntake(overrides: Record<string, unknown> = {}) {
  return {
    source: { kind: 'item', code: FOOD_BUSINESS },
    answers: { prepackaged_only: 'no', online_sales: 'no' },
    applicant: { uscc: CATERING },
    contactPhone: '13800138000',
    ...overrides,
  };
}

/** Marks every material seen on paper except the ones named. */
export async function provideAllBut(api: Api, cookie: string, app: ApplicationDetail, except: string[] = []): Promise<ApplicationDetail> {
  let current = app;
  for (const m of app.materials) {
    if (except.includes(m.key) || m.status === 'committed') continue;
    current = await api.ok('PUT', `/api/applications/${app.id}/materials/${m.key}`, cookie, { status: 'paper_seen' });
  }
  return current;
}

/** Reads a PDF's text back (pdf.js), as a person would see it printed. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  return text;
}

/** Shanghai wall-clock time as a Date: at('2026-09-28', '10:00'). */
export const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

/** Signs an enterprise in on the portal (demo password): the Cookie header value. */
export async function enterpriseLogin(t: TestApp, uscc: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc, password: 'Demo1234' } });
  if (res.statusCode !== 200) throw new Error(`enterprise login ${uscc} failed: ${res.statusCode} ${res.body}`);
  return cookieOf(res);
}

/** The pickup code as the applicant reads it in 我的办件 (staff views do not show it before hand-over). */
export async function pickupCodeOf(api: Api, enterprise: string, applicationId: string): Promise<string> {
  const mine = await api.ok<OwnApplicationList>('GET', '/api/portal/applications', enterprise);
  const code = mine.items.find((a) => a.id === applicationId)?.pickupCode;
  if (!code) throw new Error(`no pickup code for ${applicationId} in 我的办件`);
  return code;
}
