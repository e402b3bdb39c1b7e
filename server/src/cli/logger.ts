import pino from 'pino';
import type { Config } from '../config.ts';
import { maskingStream } from '../platform/personal-data/log-masking.ts';

export function createLogger(config: Config) {
  return pino({ level: config.LOG_LEVEL }, maskingStream());
}
