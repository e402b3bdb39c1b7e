import { maskIdNumber, maskPhone } from './personal-data.ts';

/** No log line carries a full ID or mobile number: they are masked as responses mask them. */

/** 18-character resident ID numbers (region, birth date, sequence, check character). */
const ID_NUMBER = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
/** Mainland mobile numbers, also with +86 in front. */
const MOBILE = /(?:(?<=\+86)|(?<!\d))1[3-9]\d{9}(?!\d)/g;

export function maskPersonalText(text: string): string {
  return text.replace(ID_NUMBER, maskIdNumber).replace(MOBILE, maskPhone);
}

export type PersonalDataFinding = { kind: 'id_number' | 'phone'; line: number; masked: string };

/** The unmasked ID and mobile numbers in a text (a log file), each shown masked. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(ID_NUMBER)) findings.push({ kind: 'id_number', line: i + 1, masked: maskIdNumber(m[0]) });
    for (const m of line.replace(ID_NUMBER, '').matchAll(MOBILE)) findings.push({ kind: 'phone', line: i + 1, masked: maskPhone(m[0]) });
  });
  return findings;
}

/**
 * A log destination that masks every line before it is written: whatever a line holds (the
 * request URL and query, a failed query's parameters in an error, any field), the numbers
 * leave masked. Masking the finished line, not the objects, leaves pino's serializers alone.
 */
export function maskingStream(target: { write(line: string): unknown } = process.stdout): { write(line: string): void } {
  return { write: (line) => void target.write(maskPersonalText(line)) };
}
