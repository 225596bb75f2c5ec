import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, UserAdminService, type UserView } from '@app/access';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors';
import { uuidParam } from '../http/uuid-param.pipe';
import { CreateUserRequest, PasswordResetRequest, UpdateUserRequest } from './users.dto';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ enum: ['officer', 'leader', 'supervisor', 'leadership', 'admin'], enumName: 'Role', isArray: true })
  roles: string[];
  @ApiProperty() disabled: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

const ADMIN_ONLY = { 403: ['ROLE_REQUIRED'] };

/** Users, managed by admins; every change is recorded in user_changes and ends the user's tokens. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UserAdminService) {}

  @Get()
  @ApiOperation({ summary: '用户列表' })
  @ApiOkResponse({ type: [UserResponse] })
  @ApiErrors(ADMIN_ONLY)
  listUsers(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @ApiOperation({ summary: '新建用户' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'WEAK_PASSWORD', 'UNKNOWN_UNIT', 'UNKNOWN_ROLE'],
    ...ADMIN_ONLY,
    409: ['USERNAME_TAKEN'],
  })
  createUser(@Body() request: CreateUserRequest, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.create(request, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改用户（停用、角色、单位）' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'INVALID_ID'], ...ADMIN_ONLY, 404: ['USER_NOT_FOUND'] })
  updateUser(
    @Param('id', uuidParam()) id: string,
    @Body() request: UpdateUserRequest,
    @CurrentActor() actor: Actor,
  ): Promise<UserView> {
    return this.users.update(id, request, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除用户' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors({ 400: ['INVALID_ID'], ...ADMIN_ONLY, 404: ['USER_NOT_FOUND'] })
  async deleteUser(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.users.remove(id, actor);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: '重置用户密码' })
  @ApiNoContentResponse({ description: 'Reset; the user’s tokens end' })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'INVALID_ID', 'WEAK_PASSWORD'], ...ADMIN_ONLY, 404: ['USER_NOT_FOUND'] })
  async resetUserPassword(
    @Param('id', uuidParam()) id: string,
    @Body() request: PasswordResetRequest,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.users.resetPassword(id, request.password, actor);
  }
}
