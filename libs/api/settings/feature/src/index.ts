export * from './lib/settings.controller';
export * from './lib/settings.module';
