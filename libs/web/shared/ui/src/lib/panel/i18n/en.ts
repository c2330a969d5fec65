/**
 * The chart panels' and their "⋯" menus' English messages (scope `panels`): the source of
 * `apps/web/public/i18n/panels/<language>.json`. ICU MessageFormat.
 */
export const PANELS_MESSAGES = {
  menu: {
    moreFor: 'More for {subject}',
    thisChart: 'this chart',
    exportCsv: 'Export CSV',
    exportArrow: 'Export Arrow',
    viewRecords: 'View records',
    why: 'Why this number',
  },
  loading: 'Loading…',
  failed: 'The figures could not be loaded.',
  retry: 'Try again',
  empty: 'Nothing matches the filters.',
  /** `{link}` is the link to the Data page, whose name is `dataLink`. */
  emptyHint:
    'Widen the period or remove a filter in the bar above, or import data on the {link} page.',
  dataLink: 'Data',
  /** The × of a side panel (records, definitions). */
  close: 'Close',
} as const;
