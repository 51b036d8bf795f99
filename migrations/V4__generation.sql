-- db-scheduler's table: durable, cluster-safe execution of image jobs (schema from the library's docs).
create table scheduled_tasks (
  task_name            text not null,
  task_instance        text not null,
  task_data            bytea,
  execution_time       timestamptz,
  picked               boolean not null,
  picked_by            text,
  last_success         timestamptz,
  last_failure         timestamptz,
  consecutive_failures int,
  last_heartbeat       timestamptz,
  version              bigint not null,
  priority             smallint,
  state                text,
  primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- What a person asked for and where it stands. The job row is written before anything runs,
-- so a request survives a failing provider, a restart or a kill.
create table generation_jobs (
  id              text primary key,
  owner_id        bigint not null references users(id) on delete cascade,
  prompt          text not null,
  negative_prompt text,
  engine          text not null,
  model           text,
  width           int not null,
  height          int not null,
  count           int not null,
  seed            bigint not null,
  quality         text,
  style           text,
  steps           int,
  cfg             real,
  sampler         text,
  prompt_id       text,
  expansion_id    text,
  status          text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  attempts        int not null default 0,
  last_error      text,
  progress        real,
  next_attempt_at timestamptz,
  created_at      timestamptz not null default now(),
  started_at      timestamptz,
  finished_at     timestamptz
);
create index generation_jobs_owner on generation_jobs (owner_id, created_at desc);
create index generation_jobs_prompt on generation_jobs (prompt_id) where prompt_id is not null;
create index generation_jobs_expansion on generation_jobs (owner_id, expansion_id) where expansion_id is not null;

-- Image bytes, stored once per distinct content (sha256), with a thumbnail made at save time.
create table image_blobs (
  sha256     bytea primary key,
  mime_type  text not null,
  bytes      bytea not null,
  thumb      bytea not null,
  thumb_mime text not null,
  size_bytes int not null
);

create table images (
  id             text primary key,
  job_id         text not null references generation_jobs(id) on delete cascade,
  owner_id       bigint not null references users(id) on delete cascade,
  sha256         bytea not null references image_blobs(sha256),
  position       int not null,
  width          int not null,
  height         int not null,
  seed           bigint not null,
  revised_prompt text,
  created_at     timestamptz not null default now()
);
create index images_job on images (job_id, position);
create index images_owner on images (owner_id, created_at desc);
create index images_sha on images (sha256);
