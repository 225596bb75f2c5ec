import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, UserAdminService, type UserView } from '@app/access';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../http/uuid-param.pipe';
import { CreateUserRequest, PasswordResetRequest, UpdateUserRequest } from './users.dto';

/** Users, managed by admins; every change is recorded in user_changes and ends the user's tokens. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UserAdminService) {}

  @Get()
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  create(@Body() request: CreateUserRequest, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.create(request, actor);
  }

  @Patch(':id')
  update(
    @Param('id', uuidParam()) id: string,
    @Body() request: UpdateUserRequest,
    @CurrentActor() actor: Actor,
  ): Promise<UserView> {
    return this.users.update(id, request, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.users.remove(id, actor);
  }

  @Post(':id/password')
  @HttpCode(204)
  async resetPassword(
    @Param('id', uuidParam()) id: string,
    @Body() request: PasswordResetRequest,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.users.resetPassword(id, request.password, actor);
  }
}
