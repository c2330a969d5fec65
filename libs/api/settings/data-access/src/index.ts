export * from './lib/settings.schemas';
export * from './lib/settings.service';
