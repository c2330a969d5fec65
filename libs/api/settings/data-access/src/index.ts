export * from './lib/settings.service';
