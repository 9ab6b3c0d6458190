import { useSyncExternalStore } from 'react';

const query = '(prefers-color-scheme: dark)';

const subscribe = (onChange: () => void): (() => void) => {
  const list = window.matchMedia(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};

/** True while the system asks for a dark theme; charts follow it as the CSS does. */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
