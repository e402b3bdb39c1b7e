import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** Centers keep Beijing time whatever the browser's own time zone is. */
export const TIME_ZONE = 'Asia/Shanghai';

export const nowInShanghai = (): Dayjs => dayjs().tz(TIME_ZONE);

/** Today's calendar date in Shanghai, YYYY-MM-DD. */
export const todayInShanghai = (): string => nowInShanghai().format('YYYY-MM-DD');

/** A calendar date (YYYY-MM-DD) as people read it, with the weekday. */
export const formatDate = (date: string): string => dayjs(date).format('YYYY年M月D日 dddd');

/** An instant (ISO string) in Shanghai time. */
export const formatDateTime = (iso: string): string => dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm:ss');

/** The date a picker shows, as YYYY-MM-DD. Pickers work on wall-clock values, not instants. */
export const toIsoDate = (value: Dayjs): string => value.format('YYYY-MM-DD');

/** Reads a picker's wall-clock value as Shanghai time and returns the instant. */
export const shanghaiWallTimeToIso = (value: Dayjs): string =>
  dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), TIME_ZONE).toISOString();
