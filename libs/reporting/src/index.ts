export * from './figures/compute-report';
export * from './figures/report-figures';
export * from './figures/report-inputs';
