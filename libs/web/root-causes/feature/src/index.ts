export * from './lib/root-causes-page';
