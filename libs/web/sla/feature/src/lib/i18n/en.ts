/** The SLA page in English, the source of its translations (apps/web/public/i18n/sla/). */
export const SLA_MESSAGES = {
  title: 'SLA',
  lede: 'Are we answering and refunding on time? Where do we breach?',
  clock: {
    label: 'Clock',
    calendar: 'Calendar hours',
    business: 'Business hours',
  },
  stats: {
    label: 'Open work',
    open: 'Open claims',
    atRisk: 'At risk',
    atRiskAria: '{count} claims at risk: view records',
    openBreached: 'Open and breached',
    openBreachedAria: '{count} open claims past a deadline: view records',
    repeat: 'Repeat contacts',
  },
  metric: {
    first_response: 'First response',
    resolution: 'Resolution',
    refund: 'Refund',
  },
  outcome: {
    met: 'met',
    breached: 'breached',
    pending: 'pending',
  },
  attainment: {
    loading: 'Loading attainment…',
    subtitleCalendar:
      'Met ÷ (met + breached) per policy, in calendar hours, of the claims whose deadline has passed; claims not yet due are pending. Dashed line: the {goal} goal.',
    subtitleBusiness:
      'Met ÷ (met + breached) per policy, in business hours, of the claims whose deadline has passed; claims not yet due are pending. Dashed line: the {goal} goal.',
    empty: 'No SLA policy applies to the claims in this period.',
    records: 'Claims under SLA policies',
    why: 'SLA attainment',
    chart: 'SLA attainment per policy: {rows}',
    row: '{label}: {share} ({met} met, {breached} breached)',
    noneDecided: 'No claim was decided against a policy in this period',
    allMeet: 'Every policy meets the {goal} goal; lowest: {label} at {share}',
    belowOne: '{label} is met in only {share} of claims — below the {goal} goal',
    belowMany:
      '{label} is met in only {share} of claims; {below, plural, one {# policy is} other {# policies are}} below the {goal} goal',
    caption:
      'Per week of opening. A week is immature (in italics, marked ◌) while some of its claims are not yet due: its value can still change and it is never tested.',
    policy: 'Policy',
    met: 'Met',
    breached: 'Breached',
    notDue: 'Not yet due',
    immature: 'immature',
    cell: '{week}: {met} met, {breached} breached',
    cellImmature: '{week}: {met} met, {breached} breached; immature — {pending} not yet due',
  },
  duration: {
    title: '{metric}: median {median} in the last week',
    p90: ', p90 {p90}',
    stillOpen: ' ({count} still open)',
    subtitle:
      'Kaplan–Meier median (solid) and p90 (dashed) per week of opening, open claims counted as still waiting; red dashes: the policy target.',
    records: 'Claims: {title}',
    chart: '{metric} median per week: {values}',
  },
  split: {
    choose: 'Channels and assignees for',
    aPolicy: 'a policy',
  },
  channel: {
    loading: 'Loading channels…',
    subtitle:
      'Attainment of {policy} per channel, lowest first. Click a bar to filter by that channel.',
    worst: '{label} has the lowest attainment: {share}',
    title: 'Attainment by channel',
    records: 'Claims by channel',
    chart: 'Attainment by channel: {rows}',
  },
  assignee: {
    loading: 'Loading assignees…',
    subtitle:
      'Attainment of {policy} per assignee, the 12 lowest. Click a bar for its breached claims.',
    worst: 'Lowest attainment: {label} at {share}',
    title: 'Attainment by assignee',
    chart: 'Attainment by assignee: {rows}',
    unassigned: 'Unassigned',
    records: '{policy} breached: {assignee}',
  },
  backlog: {
    loading: 'Loading the backlog…',
    subtitle: 'Open claims by age since opening, now.',
    title:
      '{total, plural, one {# claim is} other {# claims are}} open; {old} of them for 14 days or more',
    none: 'No open claims',
    records: 'Claims in the period',
    why: 'Backlog',
  },
  atRisk: {
    heading: '{count, plural, one {# open claim is} other {# open claims are}} close to a deadline',
    none: 'No open claim is close to its deadline',
    loading: 'Loading claims at risk…',
    subtitle:
      "Open claims within the policy's at-risk window of their deadline, one row per claim and policy; the 25 most urgent are listed, every one is in the CSV.",
    records: 'Open claims close to a deadline',
    why: 'At-risk claims',
    nothing: 'Nothing to chase right now.',
  },
  breaches: {
    heading: '{count, plural, one {# open claim has} other {# open claims have}} already breached',
    none: 'No open claim has breached',
    loading: 'Loading breaches…',
    subtitle:
      'Open claims past their deadline, one row per claim and policy; the 25 longest overdue are listed, every one is in the CSV.',
    records: 'Open claims past a deadline',
    why: 'Breaches',
    nothing: 'No open claim is past its deadline.',
  },
  table: {
    claim: 'Claim',
    policy: 'Policy',
    typeChannel: 'Type · channel',
    assignee: 'Assignee',
    opened: 'Opened',
    time: 'Time',
    overdueCol: 'Overdue',
    businessHours: 'business hours',
    overdue: '{time} overdue',
    left: '{time} left',
  },
} as const;
