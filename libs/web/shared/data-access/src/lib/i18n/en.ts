/**
 * The dashboard's English messages: the source every translation follows
 * (`apps/web/public/i18n/<language>.json`, one file per language, the same keys; checked by
 * `translations.spec.ts`). ICU MessageFormat: `{count, plural, one {…} other {…}}`, `{name}`.
 * Grouped by page; a key names what the text is for, not what it says.
 */
export const EN_MESSAGES = {
  app: {
    skip: 'Skip to content',
    home: 'Returnlens home',
    pages: 'Pages',
    menu: 'Menu',
    openMenu: 'Open the navigation',
    closeMenu: 'Close the navigation',
    theme: 'Theme',
    toDark: 'Switch to dark theme',
    toLight: 'Switch to light theme',
    language: 'Language',
    signedIn: 'Signed in',
    demo: 'Demo',
    demoTitle: 'A demo login: it exists only with the demo data',
    signOut: 'Sign out',
    changePassword: 'Change password',
  },
  nav: {
    weekly: {
      label: 'Weekly report',
      hint: 'Claims',
    },
    suppliers: {
      label: 'Suppliers',
      hint: 'Products',
    },
    sla: {
      label: 'SLA',
      hint: 'Service',
    },
    feedback: {
      label: 'Feedback',
      hint: 'Reviews',
    },
    'root-causes': {
      label: 'Root causes',
      hint: 'Reasons',
    },
    money: {
      label: 'Money & resolutions',
      hint: 'Refunds',
    },
    data: {
      label: 'Data',
      hint: 'Import',
    },
    admin: {
      label: 'Admin',
      hint: 'Users',
    },
    settings: {
      label: 'Settings',
      hint: 'Rules',
    },
    subscriptions: {
      label: 'Subscriptions',
      hint: 'Digests',
    },
  },
  roles: {
    owner: 'Owner — everything',
    buyer: 'Buyer — suppliers, products, feedback',
    manager: 'Service manager — SLA, claims, feedback',
    admin: 'Admin — users, tokens, settings',
  },
  login: {
    title: 'Sign in',
    lede: 'What came back this week, and why.',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    forgot: 'Forgot your password? Ask your admin to reset it.',
    missing: 'Enter your e-mail address and password.',
    failed: 'Signing in failed. Try again.',
    demoTitle: '{count, plural, one {# demo login} other {# demo logins}} (demo data only)',
    demoNote:
      'These accounts exist only while the demo data runs; their password is “{password}”. Each shows the dashboard as that role sees it.',
    signInAs: 'Sign in as {name}',
  },
} as const;

export type Messages = typeof EN_MESSAGES;
