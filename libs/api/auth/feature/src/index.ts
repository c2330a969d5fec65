export * from './lib/admin.controller';
export * from './lib/auth.controller';
export * from './lib/auth.module';
