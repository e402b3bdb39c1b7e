import { customType } from 'drizzle-orm/pg-core';

/** Binary content; the drivers return Buffer (pg) or Uint8Array (PGlite): always a Buffer here. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
