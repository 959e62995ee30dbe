/**
 * Staff accounts for the results: users (a network administrator, or branch staff bound to
 * one branch), their sessions (stored only as hashes of the cookie's value), and the
 * one-time tokens that let the first administrator sign up from the first start's link.
 * Never edit a migration that has shipped; add the next number instead.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Stored lower-case, so "Ana@Library.example" and "ana@library.example" are one account.
    .addColumn('email', 'text', (c) => c.notNull().unique().check(sql`email = lower(email)`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'branch')`))
    .addColumn('branch_id', 'text', (c) => c.references('branches.id'))
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Branch staff see one branch, so they must have one; an administrator sees them all.
    .addCheckConstraint(
      'staff_users_role_branch',
      sql`(role = 'admin' and branch_id is null) or (role = 'branch' and branch_id is not null)`,
    )
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addColumn('idle_expires_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  // Signing out everywhere, disabling a user and resetting a password end a user's sessions.
  await db.schema
    .createIndex('staff_sessions_user')
    .on('staff_sessions')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('first_admin_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
}
