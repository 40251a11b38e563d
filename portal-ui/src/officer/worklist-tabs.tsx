// "My tasks" and "my groups' tasks" as tabs (arrow keys move between them),
// each with its count.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { t } from '../i18n/i18n';
import type { WorklistFilters } from './worklist-query';
import './worklist.messages';

type View = WorklistFilters['view'];
const VIEWS: View[] = ['mine', 'groups'];

function countText(count: number | undefined, limit: number): string {
  if (count === undefined) return '…';
  return count >= limit ? `${limit}+` : String(count);
}

export function WorklistTabs({
  view,
  counts,
  limit,
  onSelect,
  children,
}: {
  view: View;
  counts: Record<View, number | undefined>;
  limit: number;
  onSelect: (view: View) => void;
  children: ReactNode;
}) {
  const refs = useRef<Record<View, HTMLButtonElement | null>>({ mine: null, groups: null });

  function onKeyDown(event: KeyboardEvent) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const index = VIEWS.indexOf(view);
    const next =
      event.key === 'Home'
        ? VIEWS[0]!
        : event.key === 'End'
          ? VIEWS[VIEWS.length - 1]!
          : VIEWS[(index + (event.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length]!;
    onSelect(next);
    refs.current[next]?.focus();
  }

  return (
    <>
      <div
        role="tablist"
        aria-label={t('worklist.views')}
        className="worklist-tabs"
        onKeyDown={onKeyDown}
      >
        {VIEWS.map((v) => (
          <button
            key={v}
            ref={(element) => {
              refs.current[v] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${v}`}
            aria-selected={v === view}
            aria-controls="worklist-panel"
            tabIndex={v === view ? 0 : -1}
            className="worklist-tab"
            onClick={() => onSelect(v)}
          >
            {t(`worklist.view.${v}`)} ({countText(counts[v], limit)})
          </button>
        ))}
      </div>
      <div role="tabpanel" id="worklist-panel" aria-labelledby={`tab-${view}`}>
        {children}
      </div>
    </>
  );
}
