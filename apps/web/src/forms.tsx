// One form helper for every form: runs the API call, maps a problem+json `errors[{field, message}]`
// to the named fields (aria-invalid + aria-describedby on the control, the message beside it),
// and shows what names no field in an alert at the top of the form.
import {
  cloneElement,
  FormEvent,
  ReactElement,
  ReactNode,
  useCallback,
  useId,
  useRef,
  useState,
} from 'react';
import { ApiError, Problem } from './api/client';
import { fieldErrorKind, fieldErrors } from './form-errors';
import { Key, useI18n } from './i18n';
import { isDomainProblem, loadProblemCatalogues, problemSentence } from './problems';
import { refreshAfterChange } from './query';

export interface FormState {
  idPrefix: string;
  errors: Record<string, string>;
  formError: string | null;
  busy: boolean;
  /** Submit handler: prevents the default, clears errors, runs `action`, maps API errors. */
  onSubmit(action: () => Promise<void>): (e: FormEvent) => void;
  /** Runs `action`; unless `refresh` is false (the action leaves the page), refetches what is shown. */
  run(action: () => Promise<void>, options?: { refresh?: boolean }): Promise<boolean>;
  fieldId(name: string): string;
}

export function useApiForm(): FormState {
  const idPrefix = useId();
  const { t, tn, lang } = useI18n();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<string>(idPrefix);
  rootRef.current = idPrefix;

  const run = useCallback(
    async (action: () => Promise<void>, options?: { refresh?: boolean }): Promise<boolean> => {
      setErrors({});
      setFormError(null);
      setBusy(true);
      try {
        await action();
        // Every screen's reads are refetched (what is on screen now, the rest when next shown).
        if (options?.refresh !== false) void refreshAfterChange();
        return true;
      } catch (err) {
        if (!(err instanceof ApiError)) {
          setFormError((err as Error).message);
          return false;
        }
        const problem = err.problem;
        await loadProblemCatalogues().catch(() => undefined);
        // A domain rule's refusal the console knows: the catalogue's sentence in the reader's language
        // (English readers keep the server's own sentence where it says more: problems.ts).
        const domain = isDomainProblem(problem);
        const sentence = problemSentence(problem, lang, t);
        // Each field's message in the reader's words.
        const describe = (message: string) => {
          // A problem the console made itself (no code: "Choose a file") is in the reader's words already.
          if (!problem.code) return message;
          if (domain) return sentence ?? message;
          const kind = fieldErrorKind(message);
          if (kind) return t(`validation.${kind.kind}` as Key, { n: kind.n ?? '' });
          return lang === 'en' ? message : t('validation.invalid');
        };
        let { byField, rest } = fieldErrors(problem, describe);
        // A domain rule that names a field this form has no control for (`to` of a status button) is
        // said once in the alert, not as "to: …" under "Please correct the highlighted field".
        if (domain && !Object.keys(byField).some((f) => document.getElementById(`${rootRef.current}-${f}`))) {
          byField = {};
          rest = [];
        }
        setErrors(byField);
        const fields = Object.keys(byField);
        const serverWords = [problem.title, problem.detail].filter(Boolean).join(': ');
        const summary =
          err.status === 0
            ? t('error.network')
            : err.status === 412
              ? t('error.stale')
              : fields.length
                ? tn('error.fieldCount', fields.length)
                : err.status === 403
                  ? t('error.forbidden')
                  : err.status === 404
                    ? t('error.notFound')
                    : sentence
                      ? sentence
                      : lang === 'en' && serverWords
                        ? serverWords
                        : err.status === 409
                          ? t('error.conflict')
                          : t('error.generic');
        setFormError([summary, ...rest].join(' '));
        // Focus the first control the API named, so keyboard and screen-reader users land on it.
        const first = fields[0];
        if (first) setTimeout(() => document.getElementById(`${rootRef.current}-${first}`)?.focus(), 0);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t, tn, lang],
  );

  return {
    idPrefix,
    errors,
    formError,
    busy,
    run,
    onSubmit: (action) => (e) => {
      e.preventDefault();
      void run(action);
    },
    fieldId: (name) => `${idPrefix}-${name}`,
  };
}

/** The catalogue's sentence for a problem, for the current reader (see problems.ts), or null. */
export function useProblemSentence(): (problem: Problem) => string | null {
  const { t, lang } = useI18n();
  return useCallback((problem: Problem) => problemSentence(problem, lang, t), [lang, t]);
}

/** Errors the API named for fields this form has no control for (they are listed in the alert). */
function unshown(form: FormState, t: (key: Key, params: Record<string, string>) => string): string[] {
  return Object.entries(form.errors)
    .filter(([f]) => !document.getElementById(form.fieldId(f)))
    .map(([field, message]) => t('validation.unknownField', { field, message }));
}

interface FieldProps {
  form: FormState;
  /** The API's field name (`title`, `description.ar`, `answers.<questionId>`). */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  children: ReactElement<Record<string, unknown>>;
}

/** A label, one control (given as the child) and the API's message for that field. */
export function Field({ form, name, label, hint, children }: FieldProps) {
  const id = form.fieldId(name);
  const error = form.errors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {cloneElement(children, {
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The API's message for a field (none without one), which the field names in `aria-describedby`. */
function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}

/** A group of checkboxes or radios under one API field name. */
export function FieldSet({
  form,
  name,
  legend,
  children,
}: {
  form: FormState;
  name: string;
  legend: ReactNode;
  children: ReactNode;
}) {
  const id = form.fieldId(name);
  const error = form.errors[name];
  return (
    <fieldset
      className={`field${error ? ' field-invalid' : ''}`}
      id={id}
      tabIndex={-1}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {children}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** The form-level message (role=alert) and any API errors for fields not on the form. */
export function FormAlert({ form }: { form: FormState }) {
  const { t } = useI18n();
  if (!form.formError) return null;
  const extra = unshown(form, t);
  return (
    <div className="alert alert-error" role="alert">
      <span aria-hidden="true">⚠ </span>
      {form.formError}
      {extra.length > 0 && (
        <ul>
          {extra.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SubmitButton({ form, children }: { form: FormState; children: ReactNode }) {
  return (
    <button type="submit" className="primary" disabled={form.busy} aria-busy={form.busy || undefined}>
      {children}
    </button>
  );
}
