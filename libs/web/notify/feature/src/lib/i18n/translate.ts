import { formatMessage } from '@returnlens/web/shared/data-access';
import { SUBSCRIPTIONS_MESSAGES } from './en';

/** A message of the page by its key (`subscriptions.…`) with its values, in some language. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * English from the page's own messages: what the pure form helpers say when no language is
 * given (the components pass Transloco's `translate`).
 */
export const english: Translate = (key, params = {}) => {
  let node: unknown = SUBSCRIPTIONS_MESSAGES;
  for (const part of key.replace(/^subscriptions\./, '').split('.'))
    node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? formatMessage('en', node, params) : key;
};
