export * from './attachment.entity';
export * from './attachment.service';
export * from './attachment-store';
export * from './attachment-types';
export * from './content-sniffing';
