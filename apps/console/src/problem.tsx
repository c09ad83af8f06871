import { ApiError } from './api/client';
import { type TextKey, useI18n, words } from './i18n/i18n';
import nl from './i18n/nl.json';

/** What each answer that names no rule means to the person at the screen, in their language. */
const STATUS_TEXT: Readonly<Record<number, TextKey>> = {
  400: 'problem.400',
  403: 'problem.403',
  404: 'problem.404',
  409: 'problem.409',
  412: 'problem.412',
  429: 'problem.429',
  503: 'problem.503',
};

/**
 * A refusal in words, announced to screen readers: the rule's id and its text in the page's language (rule.<id> in the
 * translation files, from domain.md), or what the status means (412: the case changed meanwhile), then the API's own
 * detail, which names the particulars (in English, and marked so for screen readers).
 */
export function Problem({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    return (
      <p role="alert" className="problem">
        {t('common.error', { detail: error instanceof Error ? error.message : String(error) })}
      </p>
    );
  }
  const ruleKey = error.rule ? (`rule.${error.rule}` as TextKey) : undefined;
  const statusKey = error.status >= 500 && error.status !== 503 ? undefined : STATUS_TEXT[error.status];
  const said = ruleKey && ruleKey in nl ? t('common.refused', { rule: error.rule!, text: t(ruleKey) }) : statusKey ? t(statusKey) : undefined;
  if (!said) {
    return (
      <p role="alert" className="problem">
        {t('common.error', { detail: error.detail })}
      </p>
    );
  }
  // CLOSE1 (#33): the obligations still open, in words — not the API's codes and ids.
  if (error.openObligations.length)
    return (
      <div role="alert" className="problem">
        <p>{said}</p>
        <p>{t('problem.stillOpen')}</p>
        <ul>
          {error.openObligations.map((obligation) => (
            <li key={obligation.obligationId}>{words(t, 'work', obligation.kind)}</li>
          ))}
        </ul>
      </div>
    );
  return (
    <div role="alert" className="problem">
      <p>{said}</p>
      {error.detail && (
        <p className="detail">
          {t('common.refused.detail')} <span lang="en">{error.detail}</span>
        </p>
      )}
    </div>
  );
}

/** A 412: someone changed the case since it was read; the page reads it again and the form keeps what was typed. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}
