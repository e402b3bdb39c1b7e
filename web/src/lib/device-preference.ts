import { useCallback, useState } from 'react';

/**
 * A setting that belongs to the device, not to a person: a kiosk switched to large type stays
 * in large type after a reload or a timeout, until someone switches it back.
 */
export function useDevicePreference(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const storageKey = `banshi.device.${key}`;
  const [value, setValue] = useState<boolean>(() => {
    try {
      const stored = window.localStorage.getItem(storageKey);
      return stored === null ? initial : stored === '1';
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        window.localStorage.setItem(storageKey, next ? '1' : '0');
      } catch {
        // private mode or a locked-down kiosk browser: the choice lasts for this page only
      }
    },
    [storageKey],
  );
  return [value, set];
}

/** The kiosk's large type (150 %): set on its start screen, kept by every kiosk screen of the device. */
export const useKioskLargeType = () => useDevicePreference('kiosk.largeType', false);
/** What the kiosk's other screens (rating, feedback) scale by in large type. */
export const KIOSK_LARGE_ZOOM = 1.5;
