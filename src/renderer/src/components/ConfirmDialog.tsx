import { useEffect, useId, useRef, type ReactNode } from 'react';
import { en } from '../text/en';

interface Props {
  /** The question, e.g. "Delete loans and its 3 check-ups?" — the dialog's name. */
  title: string;
  /** What will be lost and what stays — the dialog's description. */
  children: ReactNode;
  confirmLabel: string;
  /** The request is out: both buttons wait, Escape does nothing. */
  busy: boolean;
  /** Why it did not happen, shown in the dialog (which stays open). */
  error?: string | undefined;
  /** False while there is nothing to confirm yet (or it cannot be done). */
  canConfirm?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where focus goes when the dialog closes and the control that opened it is gone. */
  fallbackFocus?: () => void;
  testId: string;
}

/**
 * A confirmation for something that cannot be undone, as a native modal <dialog>: the page behind
 * it is inert, Tab stays inside, Escape cancels. Focus starts on Cancel (the safe choice) and
 * returns to the control that opened it, or to `fallbackFocus` when that control is gone (the
 * thing it stood for was deleted). Shown while mounted; the caller unmounts it to close it.
 */
export function ConfirmDialog({ title, children, confirmLabel, busy, error, canConfirm = true, onConfirm, onCancel, fallbackFocus, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const live = useRef({ busy, onCancel, fallbackFocus });
  live.current = { busy, onCancel, fallbackFocus };
  const mounted = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    mounted.current = true;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      mounted.current = false;
      if (dialog.open) dialog.close();
      // After React has removed what was deleted: back to the opener if it is still there.
      setTimeout(() => {
        if (dialog.isConnected && dialog.open) return; // opened again (React's development double mount)
        if (opener?.isConnected && !(opener as HTMLButtonElement).disabled) opener.focus();
        else live.current.fallbackFocus?.();
      }, 0);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      aria-busy={busy}
      data-testid={testId}
      onCancel={(e) => {
        // Escape: the dialog closes through the caller, so React and the page agree on what is shown.
        e.preventDefault();
        if (!live.current.busy) live.current.onCancel();
      }}
      onClose={() => {
        // Closed by the browser itself (an Escape it would not let us hold back); not our own close on unmount.
        if (mounted.current && !ref.current?.open) live.current.onCancel();
      }}
    >
      <h2 id={`${id}-title`} className="confirm__title">
        {title}
      </h2>
      <div id={`${id}-body`} className="confirm__body">
        {children}
        <p className="confirm__warning">{en.deletion.cannotUndo}</p>
      </div>
      {error ? (
        <p className="confirm__error" role="alert" data-testid="confirm-error">
          {error}
        </p>
      ) : null}
      <div className="confirm__actions">
        <button ref={cancelRef} type="button" className="button button--secondary" onClick={onCancel} disabled={busy} data-testid="confirm-cancel">
          {en.deletion.cancel}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy || !canConfirm} data-testid="confirm-delete">
          {busy ? en.deletion.deleting : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
