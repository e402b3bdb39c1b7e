import type { Logger } from 'pino';
import { maskPhone } from '../personal-data/personal-data.ts';

export type SmsTransport = {
  name: string;
  send(message: { to: string; body: string }): Promise<{ ref: string }>;
};

/**
 * The default transport: writes each message to the log instead of a carrier, with the number
 * masked. A center connects its SMS gateway by adding a transport here and selecting it with
 * SMS_TRANSPORT.
 */
export function logTransport(log: Logger): SmsTransport {
  let n = 0;
  return {
    name: 'log',
    async send({ to, body }) {
      const ref = `log-${Date.now()}-${++n}`;
      log.info({ sms: { to: maskPhone(to), body, ref } }, 'SMS (logging transport)');
      return { ref };
    },
  };
}
