import type { Config } from '../../config.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { publishEvent } from '../../platform/events/bus.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { enterprisesForMatching } from '../enterprises/service.ts';
import { validLicenseCodesByEnterprise } from '../licenses/service.ts';
import { Columns } from './matcher/columns.ts';
import { Matcher } from './matcher/matcher.ts';
import type { EnterpriseAttributes } from './rules/evaluate.ts';
import type { Rule } from './rules/rule.ts';
import * as repo from './repository.ts';

/** NOTIFY'd by the triggers of migration 0015 when an enterprise, its credit or its licenses change. */
export const ENTERPRISE_CHANNEL = 'banshi_policy_enterprise';
/** NOTIFY'd when a policy is published, edited, withdrawn or expires: other processes recompile it. */
export const POLICY_CHANNEL = 'banshi_policy_changed';

export type MatchChanges = { policyId: string; gained: number[]; lost: number[] }[];
/** What to do with the policies an enterprise gained or lost (persist matches, push, grant). */
export type ChangeSink = (changes: MatchChanges, runtime: PolicyRuntime) => Promise<void>;

/**
 * The matcher of this process: every enterprise in columns, every published policy compiled.
 * Loaded on first use; kept fresh by LISTEN on the two channels, so that every process behind
 * the load balancer holds the same columns.
 */
export class PolicyRuntime {
  private matcher: Matcher | null = null;
  private loading: Promise<Matcher> | null = null;
  private readonly enterpriseIds: string[] = [];
  private readonly slotOfId = new Map<string, number>();
  private readonly pending = new Set<string>();
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stops: (() => Promise<void>)[] = [];
  private loadedFor = '';

  constructor(
    readonly db: Db,
    readonly config: Config,
    private readonly sink: ChangeSink,
    private readonly today: () => string = () => businessToday(),
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Starts listening (call once per process). */
  async listen(database: Database): Promise<void> {
    this.stops.push(await database.listen(ENTERPRISE_CHANNEL, (id) => this.enterpriseChanged(id)));
    this.stops.push(
      await database.listen(POLICY_CHANNEL, (raw) => {
        if (this.matcher) void this.refreshPolicy(String((JSON.parse(raw) as { id: string }).id)).catch(this.onError);
      }),
    );
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.flushing.catch(() => undefined);
    for (const stop of this.stops) await stop().catch(() => undefined);
    this.stops = [];
  }

  /** The loaded matcher; a new business day reloads (licenses expire, registeredYears move on). */
  async ready(): Promise<Matcher> {
    if (this.matcher && this.loadedFor !== this.today()) {
      this.matcher = null;
      this.loading = null;
    }
    if (this.matcher) return this.matcher;
    this.loading ??= this.load().catch((err: unknown) => {
      this.loading = null;
      throw err;
    });
    return this.loading;
  }

  /** Waits for enterprise changes already notified to be matched. */
  async settle(): Promise<void> {
    if (this.pending.size > 0) this.flushNow();
    await this.flushing;
  }

  private async load(): Promise<Matcher> {
    const today = this.today();
    await repo.expirePolicies(this.db, today);
    const rows = await enterprisesForMatching(this.db);
    const licenses = await validLicenseCodesByEnterprise(this.db, today);
    const columns = new Columns(Math.max(1024, rows.length + 1024));
    this.enterpriseIds.length = 0;
    this.slotOfId.clear();
    for (const row of rows) {
      const slot = columns.upsert(toAttributes(row, licenses.get(row.id) ?? []));
      this.enterpriseIds[slot] = row.id;
      this.slotOfId.set(row.id, slot);
    }
    const matcher = new Matcher(columns, this.today);
    matcher.addPolicies((await repo.listByStatus(this.db, 'published')).map((p) => ({ id: p.id, rule: p.rule as Rule, regionCode: p.regionCode })));
    matcher.rematchAll();
    this.matcher = matcher;
    this.loadedFor = today;
    return matcher;
  }

  enterpriseId(slot: number): string {
    return this.enterpriseIds[slot]!;
  }

  slotOf(enterpriseId: string): number | undefined {
    return this.slotOfId.get(enterpriseId);
  }

  /** Compiles a published policy and matches it now; returns the enterprises (slots) gained and lost. */
  async setPolicy(id: string, rule: Rule, regionCode: string): Promise<{ added: number[]; removed: number[] }> {
    const m = await this.ready();
    return m.setPolicy(id, rule, regionCode);
  }

  async removePolicy(id: string): Promise<void> {
    (await this.ready()).removePolicy(id);
  }

  /** Tells the other processes to recompile a policy (after commit). */
  static async announce(db: DbOrTx, policyId: string): Promise<void> {
    await publishEvent(db, POLICY_CHANNEL, { id: policyId });
  }

  private async refreshPolicy(id: string): Promise<void> {
    const m = await this.ready();
    const p = await repo.findPolicy(this.db, id);
    if (p?.status === 'published') m.setPolicy(id, p.rule as Rule, p.regionCode);
    else m.removePolicy(id);
  }

  private enterpriseChanged(id: string): void {
    if (!this.matcher) return; // loads fresh when first used
    this.pending.add(id);
    this.timer ??= setTimeout(() => this.flushNow(), 20);
  }

  private flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ids = [...this.pending];
    this.pending.clear();
    if (ids.length === 0) return;
    this.flushing = this.flushing
      .then(async () => {
        await this.rematchEnterprises(ids);
      })
      .catch(this.onError);
  }

  /** Re-reads these enterprises and matches each against every policy. */
  async rematchEnterprises(ids: string[]): Promise<MatchChanges> {
    const m = await this.ready();
    const today = this.today();
    const rows = await enterprisesForMatching(this.db, ids);
    const licenses = await validLicenseCodesByEnterprise(this.db, today, ids);
    const byPolicy = new Map<string, { gained: number[]; lost: number[] }>();
    const note = (policyId: string, slot: number, gained: boolean) => {
      let entry = byPolicy.get(policyId);
      if (!entry) byPolicy.set(policyId, (entry = { gained: [], lost: [] }));
      (gained ? entry.gained : entry.lost).push(slot);
    };
    const found = new Set(rows.map((r) => r.id));
    for (const row of rows) {
      const slot = m.columns.upsert(toAttributes(row, licenses.get(row.id) ?? []));
      this.enterpriseIds[slot] = row.id;
      this.slotOfId.set(row.id, slot);
      const { added, removed } = m.rematchSlot(slot);
      for (const p of added) note(p, slot, true);
      for (const p of removed) note(p, slot, false);
    }
    for (const id of ids.filter((i) => !found.has(i))) {
      const slot = this.slotOfId.get(id);
      if (slot === undefined) continue;
      m.columns.remove(m.columns.keys[slot]!);
      for (const p of m.rematchSlot(slot).removed) note(p, slot, false);
    }
    const changes = [...byPolicy].map(([policyId, c]) => ({ policyId, ...c }));
    if (changes.length > 0) await this.sink(changes, this);
    return changes;
  }

  attributes(slot: number): EnterpriseAttributes {
    return this.matcher!.columns.attributes(slot);
  }
}

export function toAttributes(row: Awaited<ReturnType<typeof enterprisesForMatching>>[number], licenses: string[]): EnterpriseAttributes {
  const { id: _, ...rest } = row;
  return { ...rest, licenses };
}
