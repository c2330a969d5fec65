export * from './lib/demo-data.module';
export * from './lib/demo-data.service';
