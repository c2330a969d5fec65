export * from './lib/feedback-page';
