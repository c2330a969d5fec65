export * from './lib/access.decorators';
export * from './lib/accounts.service';
export * from './lib/api-tokens';
export * from './lib/auth.guard';
export * from './lib/passwords';
export * from './lib/principal';
export * from './lib/rate-limit.guard';
export * from './lib/grants';
