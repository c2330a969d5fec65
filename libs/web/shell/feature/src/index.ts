export * from './lib/filter-bar/filter-bar';
export * from './lib/records-drawer/records-drawer';
export * from './lib/why-panel/why-panel';
export * from './lib/login/login-page';
export * from './lib/password/password-page';
export * from './lib/not-available/not-available-page';
