export * from './lib/settings.service';
export * from './lib/taxonomy.service';
