import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from './user.entity';
import { Module } from '@nestjs/common';
import { UserAdminService } from './user-admin.service';
import { UserService } from './user.service';

/** Users, roles and passwords. Tokens are the API's concern. Needs PersistenceModule in the app. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [UserService, UserAdminService],
  exports: [UserService, UserAdminService],
})
export class AccessModule {}
