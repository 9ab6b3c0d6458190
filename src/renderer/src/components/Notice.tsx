import { en } from '../text/en';

export interface NoticeData {
  tone: 'info' | 'error';
  title?: string;
  message: string;
  /** Something the person can do about it, offered as a button in the notice. */
  action?: { label: string; run: () => void; testId: string };
}

/** A calm banner for something the person should know; errors are announced to screen readers. */
export function Notice({ notice, onDismiss }: { notice: NoticeData; onDismiss: () => void }) {
  return (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span className="notice__icon" aria-hidden="true">
        {notice.tone === 'error' ? '!' : 'i'}
      </span>
      <div className="notice__body">
        {notice.title ? <strong className="notice__title">{notice.title}</strong> : null}
        <p className="notice__message">{notice.message}</p>
      </div>
      {notice.action ? (
        <button type="button" className="button button--secondary" onClick={notice.action.run} data-testid={notice.action.testId}>
          {notice.action.label}
        </button>
      ) : null}
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        {en.errors.dismiss}
      </button>
    </div>
  );
}
