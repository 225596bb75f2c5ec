export * from './unit.types';
export * from './unit-directory';
export * from './persistence/active-unit';
export * from './persistence/unit-directory.store';
export * from './units.module';
