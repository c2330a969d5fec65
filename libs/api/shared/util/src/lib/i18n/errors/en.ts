/**
 * The API's errors a person reads, by their `code` (English, the source; the other languages
 * in the JSON files beside this one). An error thrown with `{ code, params, message }` keeps
 * its English `message` for English requests; the error filter writes the message in the
 * request's language from here. `{permissions}`-like list values are joined by the language.
 */
export const ERROR_MESSAGES = {
  errors: {
    unauthenticated: 'Sign in first, or send an API token as "{header}".',
    token_unknown:
      'The API token is unknown or revoked. Create one with `{command}` and send it as "{header}".',
    session_ended: 'Your session has ended; sign in again.',
    csrf_missing:
      'This change was refused because it did not carry the page’s security token (CSRF). Reload the page and try again.',
    password_change_required:
      'Choose a new password before going on (your password was a one-time password).',
    forbidden_role: 'Your role ({roles}) does not give access to {permissions}.',
    forbidden_token: 'This API token (scopes: {scopes}) does not give access to {permissions}.',
    sign_in_failed: 'The e-mail or password is wrong.',
    too_many_requests:
      '{seconds, plural, one {Too many requests: wait # second and try again.} other {Too many requests: wait # seconds and try again.}}',
    password_too_short:
      '{min, plural, one {A password has at least # character.} other {A password has at least # characters.}}',
    password_too_long:
      '{max, plural, one {A password has at most # character.} other {A password has at most # characters.}}',
    password_contains_email: 'A password must not contain the e-mail name.',
    password_too_simple: 'A password needs more different characters.',
    password_unchanged: 'The new password must differ from the current one.',
    password_current_wrong: 'The current password is wrong.',
    password_for_people_only: 'Only a signed-in person has a password.',
    language_for_people_only: 'An API token has no interface language: sign in to choose one.',
    unknown_language: 'lang is one of {languages}',
    not_a_date: '"{value}" is not a calendar date',
    not_a_week:
      '"{value}" is not an ISO week such as 2026-W07 (or a date such as 2026-02-11) in the shop’s time zone {timeZone}',
    period_reversed: 'from ({from}) is after to ({to})',
    period_too_long:
      '{count, plural, one {the period spans # week; ask for at most {max}} other {the period spans # weeks; ask for at most {max}}}',
    unknown_kind: 'Unknown kind "{kind}"; use one of {kinds}.',
    mapping_not_json: 'The X-Mapping header is not valid JSON.',
    mapping_not_object:
      'The mapping must be a JSON object: "columns" (field → column), "defaults", "values".',
    mapping_columns_not_object: 'The mapping’s "columns" must be an object of field → column name.',
    mapping_part_not_object: 'The mapping’s "{part}" must be an object.',
    empty_file: 'The file has no data rows.',
    batch_not_found: 'There is no batch {id}.',
    uploads_busy:
      '{limit, plural, one {# upload is already being loaded, the most this server takes at once; nothing of this one was read or stored. Send it again in a few seconds.} other {# uploads are already being loaded, the most this server takes at once; nothing of this one was read or stored. Send it again in a few seconds.}}',
    database_unavailable: 'The database is not reachable right now; try again in a moment.',
    database_busy: 'The database took too long to answer; try again in a moment.',
    internal_error:
      'Something went wrong on the server. The error was logged; quote its id when reporting it.',
    body_too_large:
      'The request body is larger than {limit}. Files go to POST /api/ingest/:kind, which takes any size.',
    body_not_json: 'The request body is not valid JSON.',
    body_unreadable: 'The request body could not be read.',
    sla_policies_invalid: 'The SLA policies are not valid.',
    calendar_invalid: 'The calendar is not valid.',
    reporting_invalid: 'The reporting settings are not valid.',
    reason_category_invalid: 'The reason’s category is not valid.',
    channel_group_invalid: 'The channel’s group is not valid.',
    own_reason_not_found: 'No reason of the shop’s own has the code "{value}".',
    own_channel_not_found: 'No channel of the shop’s own is called "{value}".',
  },
  /** What a permission opens, as the 403 names it. */
  values: {
    claims: 'claims and the weekly report',
    suppliers: 'suppliers and products',
    sla: 'SLA figures',
    feedback: 'reviews and feedback',
    ingest: 'uploading data',
    settings: 'changing settings',
    admin: 'users and tokens',
  },
} as const;
