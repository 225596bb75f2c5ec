export * from './access.module';
export * from './password-hasher';
export * from './roles';
export * from './user.entity';
export * from './user.service';
export * from './user-admin.service';
