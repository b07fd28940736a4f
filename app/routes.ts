import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('drafts/:slug', 'routes/draft.tsx'),
  route('drafts/:slug/edit', 'routes/draft-edit.tsx'),
  route('register', 'routes/register.tsx'),
  route('confirm-email', 'routes/confirm-email.tsx'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password', 'routes/reset-password.tsx'),
  route('account', 'routes/account.tsx'),
  route('organisations/new', 'routes/organisation-new.tsx'),
  route('organisations/:slug', 'routes/organisation.tsx'),
  route('healthz', 'routes/healthz.ts'),
  route('admin', 'routes/admin.tsx'),
  route('admin/users', 'routes/admin.users.tsx'),
  route('admin/organisations', 'routes/admin.organisations.tsx'),
  route('admin/audit', 'routes/admin.audit.tsx'),
  route('admin/outbox', 'routes/admin.outbox.tsx'),
  route('drafts/:slug/team', 'routes/draft-team.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
