import { ApiError } from './api/client';
import { useI18n } from './i18n/i18n';

/** A refusal in words: the rule's id and the API's text (409 names the rule), announced to screen readers. */
export function Problem({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const text =
    error instanceof ApiError && error.rule ? t('common.refused', { rule: error.rule, detail: error.detail }) : t('common.error', { detail: error instanceof Error ? error.message : String(error) });
  return (
    <p role="alert" className="problem">
      {text}
    </p>
  );
}
