import { type ReactNode, useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ApiError, post } from '../api/client';
import { amsterdamLocal, amsterdamToday, momentOf } from '../format';
import { type TextKey, useI18n, words } from '../i18n/i18n';
import { Problem, isStale } from '../problem';

/** A choice among things of the case (its people, measures, obligations): the value sent and the words shown. */
export interface Option {
  readonly value: string;
  readonly label: string;
}

/** One field of a command's body; its label is `field.<name>`, a code's words `option.<name>.<code>`. */
export type Field =
  | { readonly name: string; readonly kind: 'text' | 'textarea' | 'sha256'; readonly optional?: boolean }
  | { readonly name: string; readonly kind: 'moment' | 'day'; readonly optional?: boolean }
  | { readonly name: string; readonly kind: 'code'; readonly codes: readonly string[]; readonly optional?: boolean }
  | { readonly name: string; readonly kind: 'pick'; readonly options: readonly Option[]; readonly optional?: boolean }
  | { readonly name: string; readonly kind: 'yes'; readonly optional?: boolean }
  /** A file chosen to fill `sha256` and `mediaType` (evidence): hashed in the browser, never uploaded or sent. */
  | { readonly name: string; readonly kind: 'digest'; readonly optional: true };

/** A command as a form (api.md): where it goes, its fields, and how the typed values become its body. */
export interface CommandSpec {
  readonly id: string;
  readonly title: TextKey;
  readonly path: string;
  readonly fields: readonly Field[];
  /** The body from the converted values; the values as they are without it. */
  readonly body?: (values: Record<string, unknown>) => unknown;
  /** Whether the case's ETag goes with it as If-Match: not for a command on another stream (a legal hold's own). */
  readonly onCaseStream?: false;
  /** Shown, and to be confirmed, before sending (an erasure, a custody's offence number). */
  readonly confirm?: (values: Record<string, unknown>) => string;
}

const initial = (field: Field): string => {
  if (field.optional) return '';
  if (field.kind === 'moment') return amsterdamLocal();
  if (field.kind === 'day') return amsterdamToday();
  if (field.kind === 'code') return field.codes[0] ?? '';
  if (field.kind === 'pick') return field.options[0]?.value ?? '';
  return '';
};

const initialValues = (fields: readonly Field[]): Record<string, string> => Object.fromEntries(fields.map((field) => [field.name, initial(field)]));

/**
 * The typed values as the API takes them: moments in ISO with their Amsterdam offset, yes as true, blanks left out.
 * A moment left at its default ("now" when the form opened) or set to the current minute is sent as the moment of
 * sending, to the second: the minute alone lies before something recorded seconds ago in that minute (a phone
 * returned right after it was taken was refused by M6 as "before it was taken").
 */
function converted(fields: readonly Field[], values: Record<string, string>, defaults: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name] ?? '';
    if (field.kind === 'digest') continue;
    if (field.kind === 'yes') body[field.name] = value === 'yes';
    else if (value === '') continue;
    else if (field.kind === 'moment' && (value === defaults[field.name] || value === amsterdamLocal())) body[field.name] = new Date().toISOString();
    else body[field.name] = field.kind === 'moment' ? momentOf(value) : value.trim();
  }
  return body;
}

/**
 * A command of the API as a form. It sends with the case's ETag as `If-Match` when it has one; a refusal (409 names
 * the rule, 412 when the case moved on) is shown with what was typed kept, so nothing is lost.
 */
export function CommandForm({
  spec,
  etag,
  onDone,
  onStale,
  children,
}: {
  spec: CommandSpec;
  etag?: string | null;
  onDone: (answer: unknown) => void;
  onStale?: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  // react-hook-form (#33) holds what was typed, and a 400's messages by field; `defaults` are the values the form
  // opened with (a moment left at its default is sent as the moment of sending).
  const [defaults, setDefaults] = useState<Record<string, string>>(() => initialValues(spec.fields));
  const form = useForm<Record<string, string>>({ defaultValues: defaults });
  const watched = useWatch({ control: form.control });
  const values: Record<string, string> = Object.fromEntries(Object.entries({ ...defaults, ...watched }).map(([name, value]) => [name, value ?? '']));
  const [error, setError] = useState<unknown>();
  const [confirming, setConfirming] = useState<string>();
  const [busy, setBusy] = useState(false);
  const body = () => {
    const typed = converted(spec.fields, values, defaults);
    return spec.body ? spec.body(typed) : typed;
  };
  const send = async () => {
    setBusy(true);
    form.clearErrors();
    try {
      const answer = await post(spec.path, body(), etag ? { 'if-match': etag } : {});
      setError(undefined);
      setConfirming(undefined);
      const fresh = initialValues(spec.fields);
      setDefaults(fresh);
      form.reset(fresh);
      onDone(answer);
    } catch (failure) {
      setConfirming(undefined);
      setError(failure); // what was typed stays
      // A 400 puts each message on the field it names (or the list it is part of).
      if (failure instanceof ApiError && failure.status === 400)
        for (const problem of failure.errors) {
          const name = problem.field.split(/[.[]/, 1)[0]!;
          if (spec.fields.some((field) => field.name === name) && !form.getFieldState(name).error)
            form.setError(name, { type: 'server', message: problem.message });
        }
      if (isStale(failure)) onStale?.(); // read the case again, so sending once more carries its new ETag
    } finally {
      setBusy(false);
    }
  };
  const submit = form.handleSubmit(() => {
    if (spec.confirm && !confirming) setConfirming(spec.confirm(converted(spec.fields, values, defaults)));
    else void send();
  });
  const set = (name: string) => (value: string) => form.setValue(name, value, { shouldDirty: true });
  const fieldProblems = new Map<string, string>(
    Object.entries(form.formState.errors).flatMap(([name, problem]) => (problem?.message ? [[name, String(problem.message)]] : [])),
  );
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} className="command">
      <h3 id={`${id}-title`}>{t(spec.title)}</h3>
      {children}
      {spec.fields.map((field) =>
        field.kind === 'digest' ? (
          <DigestInput
            key={field.name}
            name={field.name}
            onDigest={(sha256, mediaType) => {
              form.setValue('sha256', sha256, { shouldDirty: true });
              form.setValue('mediaType', mediaType || form.getValues('mediaType') || '', { shouldDirty: true });
            }}
          />
        ) : (
          <FieldInput key={field.name} field={field} value={values[field.name] ?? ''} onChange={set(field.name)} problem={fieldProblems.get(field.name)} />
        ),
      )}
      <Problem error={error instanceof ApiError && error.status === 400 && fieldProblems.size > 0 ? undefined : error} />
      {confirming && (
        <div role="alert" className="confirm">
          <p>{confirming}</p>
          <button type="button" onClick={() => setConfirming(undefined)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <button type="submit" disabled={busy}>
        {confirming ? t('common.confirm') : t(spec.title)}
      </button>
    </form>
  );
}

/** SHA-256 of a file, computed here (Web Crypto): the evidence's fingerprint without the file leaving the computer. */
function DigestInput({ name, onDigest }: { name: string; onDigest: (sha256: string, mediaType: string) => void }) {
  const { t } = useI18n();
  const digest = async (file: File) => {
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
    onDigest(Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join(''), file.type);
  };
  return (
    <label>
      {`${words(t, 'field', name)} ${t('common.optional')}`}
      <input type="file" onChange={(event) => event.target.files?.[0] && void digest(event.target.files[0])} />
      <span className="muted">{t('field.file.hint')}</span>
    </label>
  );
}

/** Codes whose words the console already has under another name (a category, a kind of person, a part in a case). */
const WORDS_OF: Readonly<Record<string, string>> = { category: 'category', personKind: 'person', role: 'involvement' };

function FieldInput({ field, value, onChange, problem }: { field: Field; value: string; onChange: (value: string) => void; problem?: string }) {
  const { t } = useI18n();
  const problemId = useId();
  const label = `${words(t, 'field', field.name)}${field.optional ? ` ${t('common.optional')}` : ''}`;
  const required = !field.optional;
  // A 400 on this field: said beside it, and tied to the input for screen readers.
  const invalid = problem ? { 'aria-invalid': true, 'aria-describedby': problemId } : {};
  const said = problem ? (
    <span id={problemId} className="field-problem" role="alert">
      {t('form.fieldProblem')} <span lang="en">{problem}</span>
    </span>
  ) : null;
  switch (field.kind) {
    case 'textarea':
      return (
        <label>
          {label}
          <textarea required={required} value={value} rows={3} onChange={(event) => onChange(event.target.value)} {...invalid} />
          {said}
        </label>
      );
    case 'moment':
    case 'day':
      return (
        <label>
          {label}
          <input
            type={field.kind === 'moment' ? 'datetime-local' : 'date'}
            required={required}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            {...invalid}
          />
          {said}
        </label>
      );
    case 'code':
    case 'pick': {
      const options =
        field.kind === 'code'
          ? field.codes.map((code) => ({ value: code, label: words(t, WORDS_OF[field.name] ?? `option.${field.name}`, code) }))
          : field.options;
      return (
        <label>
          {label}
          <select required={required} value={value} onChange={(event) => onChange(event.target.value)} {...invalid}>
            {field.optional && <option value="">—</option>}
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {said}
        </label>
      );
    }
    case 'yes':
      return (
        <label className="check">
          <input type="checkbox" required={required} checked={value === 'yes'} onChange={(event) => onChange(event.target.checked ? 'yes' : '')} />
          {label}
        </label>
      );
    default:
      return (
        <label>
          {label}
          <input
            type="text"
            required={required}
            value={value}
            {...(field.kind === 'sha256' ? { pattern: '[0-9a-fA-F]{64}', spellCheck: false, autoComplete: 'off' } : {})}
            onChange={(event) => onChange(event.target.value)}
            {...invalid}
          />
          {said}
        </label>
      );
  }
}
