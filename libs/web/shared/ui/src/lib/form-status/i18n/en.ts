/**
 * The form status's English messages (scope `forms`): the source of
 * `apps/web/public/i18n/forms/<language>.json`. ICU MessageFormat.
 */
export const FORMS_MESSAGES = {
  notSaved: 'Not saved',
  problems: '{count, plural, one {one problem} other {# problems}}',
  stored: 'Stored:',
} as const;
