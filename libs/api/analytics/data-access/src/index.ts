export * from './lib/analytics-reader';
export * from './lib/feedback.query';
export * from './lib/pareto.query';
export * from './lib/records.query';
export * from './lib/scorecards.query';
export * from './lib/sla.query';
export * from './lib/text.query';
export * from './lib/weekly.query';
