import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab<K extends string> {
  key: K;
  label: string;
}

/**
 * Tabs as the WAI-ARIA tabs pattern: one tab stop for the list, arrow keys (and Home/End) move
 * between tabs and show them, the panel follows and is focusable.
 */
export function Tabs<K extends string>({ label, tabs, current, onChange, children }: { label: string; tabs: Tab<K>[]; current: K; onChange: (k: K) => void; children: ReactNode }) {
  const id = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  // Focus moves after the new tab's panel has rendered, so nothing in it takes the focus back.
  const focusNext = useRef<K | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    refs.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });
  const move = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const to = e.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (to === null) return;
    e.preventDefault();
    const tab = tabs[to]!;
    focusNext.current = tab.key;
    onChange(tab.key);
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list">
        {tabs.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              if (el) refs.current.set(t.key, el);
              else refs.current.delete(t.key);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${t.key}`}
            aria-selected={t.key === current}
            aria-controls={`${id}-panel`}
            tabIndex={t.key === current ? 0 : -1}
            className="tabs__tab"
            onClick={() => onChange(t.key)}
            onKeyDown={(e) => move(e, i)}
            data-testid={`explore-tab-${t.key}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current}`} tabIndex={0} className="tabs__panel" data-testid="explore-panel" data-tab={current}>
        {children}
      </div>
    </div>
  );
}
