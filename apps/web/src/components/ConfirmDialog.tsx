// One confirmation for every irreversible or far-reaching action. A native modal <dialog>: the
// browser makes the rest of the page inert (focus stays inside), Escape cancels, and focus returns
// to the button that opened it. It says what will happen and who is told; the confirming button
// repeats the action's name, and "Cancel" has the focus first so Enter never confirms by accident.
import { createContext, ReactNode, useCallback, useContext, useEffect, useId, useRef, useState } from 'react';
import type { FormState } from '../forms';
import { useT } from '../i18n';

export interface ConfirmRequest {
  /** The question ("Activate this programme?"). */
  title: string;
  /** What will happen and who is told. */
  body: ReactNode;
  /** The confirming button's text (the action itself: "Activate"). */
  confirm: string;
  /** A destructive action: the confirming button is styled as a danger. */
  danger?: boolean;
}

type Ask = (request: ConfirmRequest) => Promise<boolean>;
const ConfirmContext = createContext<Ask | null>(null);

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<{ request: ConfirmRequest; resolve: (ok: boolean) => void } | null>(
    null,
  );
  const ask = useCallback<Ask>(
    (request) => new Promise<boolean>((resolve) => setPending({ request, resolve })),
    [],
  );
  const settle = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      {pending && <ConfirmDialog request={pending.request} onSettle={settle} />}
    </ConfirmContext.Provider>
  );
}

/** `const confirm = useConfirm(); if (await confirm({...})) act();` */
export function useConfirm(): Ask {
  const ask = useContext(ConfirmContext);
  if (!ask) throw new Error('useConfirm outside ConfirmProvider');
  return ask;
}

function ConfirmDialog({ request, onSettle }: { request: ConfirmRequest; onSettle: (ok: boolean) => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      // Escape (the browser's "cancel") answers no.
      onCancel={(e) => {
        e.preventDefault();
        onSettle(false);
      }}
    >
      <h2 id={`${id}-title`}>{request.title}</h2>
      <div id={`${id}-body`}>{request.body}</div>
      <div className="actions">
        <button type="button" autoFocus onClick={() => onSettle(false)}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={request.danger ? 'danger' : 'primary'}
          onClick={() => onSettle(true)}
        >
          {request.confirm}
        </button>
      </div>
    </dialog>
  );
}

/**
 * A button for an action that asks first: on "yes" the action runs through `form` (its errors shown
 * in the form's alert, what is on screen refetched after). `row` names the row for screen readers.
 */
export function ConfirmButton({
  form,
  ask,
  action,
  className,
  row,
  children,
}: {
  form: FormState;
  ask: ConfirmRequest;
  action: () => Promise<void>;
  className?: string;
  row?: string;
  children: ReactNode;
}) {
  const confirm = useConfirm();
  return (
    <button
      type="button"
      className={className}
      disabled={form.busy}
      onClick={() => void confirm(ask).then((ok) => ok && form.run(action))}
    >
      {children}
      {row !== undefined && <span className="visually-hidden">: {row}</span>}
    </button>
  );
}

/**
 * A lifecycle move of a record ("Activate", "Close"…) asked for first: the dialog names the move and
 * the record, and a move to `cancelled` stands apart as the dangerous one.
 */
export function MoveButton({
  form,
  to,
  label,
  record,
  body,
  className,
  move,
}: {
  form: FormState;
  /** The state it moves to. */
  to: string;
  /** The move's name, on the button and the dialog's confirming button. */
  label: string;
  /** What moves (its title), named in the dialog's question. */
  record: string;
  body: ReactNode;
  /** The button's class for any move but cancelling. */
  className?: string;
  move: () => Promise<void>;
}) {
  const t = useT();
  const cancelling = to === 'cancelled';
  return (
    <span className={cancelling ? 'danger-zone' : undefined}>
      <ConfirmButton
        form={form}
        className={cancelling ? 'danger' : className}
        ask={{
          title: t('confirm.actionTitle', { action: label, title: record }),
          body,
          confirm: label,
          danger: cancelling,
        }}
        action={move}
      >
        {label}
      </ConfirmButton>
    </span>
  );
}
