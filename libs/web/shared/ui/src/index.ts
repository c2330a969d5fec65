export * from './lib/panel/panel';
export * from './lib/chart-menu/chart-menu';
export * from './lib/drawer/drawer';
export * from './lib/form-status/form-status';
export * from './lib/form-status/i18n/en';
export * from './lib/panel/i18n/en';
