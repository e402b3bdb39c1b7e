/**
 * Bookings made or looked up on this device (a person has no account): the code and the phone
 * number, kept in the browser so "my appointments" can show them again.
 */
const KEY = 'banshi.appointments';

export type Remembered = { code: string; phone: string };

export function rememberedBookings(): Remembered[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((x): x is Remembered => typeof x?.code === 'string' && typeof x?.phone === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberBooking(entry: Remembered): void {
  const others = rememberedBookings().filter((x) => x.code !== entry.code);
  localStorage.setItem(KEY, JSON.stringify([entry, ...others].slice(0, 20)));
}

export function forgetBooking(code: string): void {
  localStorage.setItem(KEY, JSON.stringify(rememberedBookings().filter((x) => x.code !== code)));
}
