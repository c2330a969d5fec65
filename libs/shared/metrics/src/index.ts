export * from './lib/iso-week';
export * from './lib/pareto';
export * from './lib/significance';
export * from './lib/baseline';
