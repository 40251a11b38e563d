// The status line (an aria-live region that is always in the page, so
// screen readers announce each new message) and the problems the server gave
// with its last refusal.
import type { ErrorDetail } from './api';
import { useI18n, type Localized, type MessageKey, type Params } from './i18n';

export interface Status {
  tone: 'info' | 'success' | 'error';
  key?: MessageKey;
  params?: Params;
  /** A message from the server, shown in the current language. */
  server?: Localized;
  details?: ErrorDetail[];
}

export interface StatusMessageProps {
  status: Status | null;
  isElement: (id: string) => boolean;
  onSelectElement: (elementId: string) => void;
}

/** The element a detail is about, when its path ends in an element id of the diagram. */
function elementOf(detail: ErrorDetail, isElement: (id: string) => boolean): string | null {
  const last = detail.path.split('/').pop() ?? '';
  return last && isElement(last) ? last : null;
}

export function StatusMessage({ status, isElement, onSelectElement }: StatusMessageProps) {
  const { t, pick } = useI18n();
  const text = status?.server
    ? pick(status.server)
    : status?.key
      ? t(status.key, status.params)
      : '';
  const details = status?.details ?? [];
  return (
    <div className="status-area">
      <p
        role="status"
        aria-live="polite"
        className={`status status-${status?.tone ?? 'info'}`}
        data-testid="status"
      >
        {text}
      </p>
      {details.length > 0 && (
        <section className="problems" aria-labelledby="problems-heading">
          <h2 id="problems-heading">{t('problems.heading')}</h2>
          <ul>
            {details.map((detail, index) => {
              const elementId = elementOf(detail, isElement);
              return (
                <li key={`${detail.path}-${index}`}>
                  {elementId ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() => onSelectElement(elementId)}
                    >
                      {pick(detail.message)}
                    </button>
                  ) : (
                    pick(detail.message)
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
