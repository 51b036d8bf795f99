create table users (
  id            bigint generated always as identity primary key,
  username      citext not null unique,
  password_hash text   not null,
  created_at    timestamptz not null default now()
);

-- Sessions live in the database so every app instance behind a load balancer sees the same ones.
-- Only a SHA-256 of the session token is stored: a copy of this table cannot be used to sign in.
create table sessions (
  token_hash   bytea primary key,
  user_id      bigint not null references users(id) on delete cascade,
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index sessions_user on sessions(user_id);
create index sessions_expiry on sessions(expires_at);

-- Fixed-window counters shared by all instances (login attempts, expansions, generations).
create table rate_limits (
  key          text primary key,
  window_start timestamptz not null,
  hits         integer not null
);

-- Secrets the app makes for itself (the CSRF signing key); generated once, shared by all instances.
create table app_secrets (
  name  text primary key,
  value bytea not null
);
