/**
 * How many server-sent event streams this process holds open, and for whom. Each open stream
 * costs a socket, a subscription and its buffers for as long as the client likes, so the streams
 * anyone may open without signing in (displays, evaluators) are capped per client address and in
 * total; streams of signed-in users (the clerk's workbench) have a cap of their own, so that
 * anonymous clients cannot take the staff's places. Counted per process: what a cap protects is
 * the process's own memory and sockets.
 */
export type StreamLimits = {
  /** anonymous streams from one client address */
  perAddress: number;
  /** anonymous streams in all */
  anonymous: number;
  /** streams of signed-in users in all */
  signedIn: number;
};

export type StreamClient = { kind: 'anonymous'; address: string } | { kind: 'signed_in' };

export class StreamSlots {
  private readonly byAddress = new Map<string, number>();
  private anonymous = 0;
  private signedIn = 0;

  constructor(readonly limits: StreamLimits) {}

  /** Takes a slot: answers the function that gives it back (once, however often it is called), or null when the client is over a cap. */
  take(client: StreamClient): (() => void) | null {
    if (client.kind === 'signed_in') {
      if (this.signedIn >= this.limits.signedIn) return null;
      this.signedIn++;
      return once(() => this.signedIn--);
    }
    const held = this.byAddress.get(client.address) ?? 0;
    if (held >= this.limits.perAddress || this.anonymous >= this.limits.anonymous) return null;
    this.byAddress.set(client.address, held + 1);
    this.anonymous++;
    return once(() => {
      this.anonymous--;
      const left = (this.byAddress.get(client.address) ?? 1) - 1;
      if (left > 0) this.byAddress.set(client.address, left);
      else this.byAddress.delete(client.address);
    });
  }

  /** The streams open now (tests, diagnostics). */
  get open(): { anonymous: number; signedIn: number; addresses: number } {
    return { anonymous: this.anonymous, signedIn: this.signedIn, addresses: this.byAddress.size };
  }
}

function once(release: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    release();
  };
}
