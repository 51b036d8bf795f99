-- A grid: one recipe drawn once per cell, every cell an ordinary generation job. The cells live in a table of
-- their own rather than as columns on generation_jobs, so the job queue stays as it is and a job never needs to
-- know it belongs to a grid; a grid's status is read from its jobs, so there is no second status to keep true.
create table grids (
  id          text primary key,
  owner_id    bigint not null references users(id) on delete cascade,
  recipe      jsonb not null,
  row_kind    text not null,
  row_labels  text[] not null,
  col_kind    text,
  col_labels  text[] not null,
  visibility  text not null default 'private' check (visibility in ('private', 'unlisted', 'public')),
  created_at  timestamptz not null default now()
);
create index grids_owner on grids (owner_id, created_at desc);

create table grid_cells (
  grid_id text not null references grids(id) on delete cascade,
  row     int not null,
  col     int not null,
  job_id  text not null unique references generation_jobs(id) on delete cascade,
  primary key (grid_id, row, col)
);
