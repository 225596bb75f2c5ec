export * from './address-csv';
export * from './addresses.entities';
export * from './addresses.module';
export * from './mobile-cipher';
export * from './person-address-rules';
export * from './person-addresses.service';
export * from './unit-notice-channels.service';
