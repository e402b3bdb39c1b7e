import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditActions } from '../../../../web/src/locales/audit.zh-CN.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

/**
 * Every action an API route writes audit rows under has a Chinese label for the audit page
 * (issue 16, item 8). The actions come from the route table as the app registers it, so a new
 * route's action without a label fails here.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

it('labels every action the routes audit', () => {
  const actions = [...t.app.auditActions];
  expect(actions.length).toBeGreaterThan(150);
  expect(actions).toContain('ticket.finish');
  expect(actions.filter((a) => !auditActions[a])).toEqual([]);
});

it('keeps no label for an action that no route writes', () => {
  expect(Object.keys(auditActions).filter((a) => !t.app.auditActions.has(a))).toEqual([]);
});
