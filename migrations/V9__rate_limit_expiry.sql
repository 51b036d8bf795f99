-- Each limiter row says when it may be forgotten (its window ended, or a remembered fact lapsed), so
-- rows can be purged whatever made them; before this the table only grew.
alter table rate_limits add column expires_at timestamptz not null default now() + interval '1 day';
create index rate_limits_expiry on rate_limits(expires_at);
