-- The system instructions LLM engines follow. The shipped default lives in the jar; these are a person's
-- own versions. A version is never changed once saved: every expansion names the version that made it.
create table expansion_instructions (
  id         text primary key,
  owner_id   bigint not null references users(id) on delete cascade,
  name       text not null,
  body       text not null,
  created_at timestamptz not null default now()
);
create index expansion_instructions_owner on expansion_instructions (owner_id, created_at desc);

-- Which instruction version a person expands with; no row means the shipped default.
create table instruction_choices (
  owner_id       bigint primary key references users(id) on delete cascade,
  instruction_id text not null references expansion_instructions(id) on delete cascade
);

-- Every expansion, written before the engine runs so an idea survives a failing provider or a restart.
-- A refinement or "more like this" names the top-level expansion it belongs to (parent_id) and the card it
-- started from (source_id, source_card), so its page shows the cards as the person left them.
create table expansions (
  id                  text primary key,
  owner_id            bigint not null references users(id) on delete cascade,
  parent_id           text references expansions(id) on delete cascade,
  source_id           text references expansions(id) on delete cascade,
  source_card         int,
  idea                text not null,
  target              text not null,
  style               text not null,
  count               int not null check (count between 1 and 100),
  mode                text not null check (mode in ('random', 'combinatorial')),
  engine              text not null,
  model               text,
  instruction_version text,
  seed                bigint not null,
  refinement          text,
  base_prompt         text,
  status              text not null check (status in ('running', 'succeeded', 'failed')),
  error               text,
  results             jsonb not null default '[]',
  created_at          timestamptz not null default now(),
  finished_at         timestamptz
);
create index expansions_owner on expansions (owner_id, created_at desc);
create index expansions_parent on expansions (parent_id) where parent_id is not null;
-- Finds runs whose instance went away (restart, kill) so they can be shown as interrupted.
create index expansions_running on expansions (created_at) where status = 'running';

-- A person's word lists for __name__ wildcards: one value per line, as they typed them.
create table wildcards (
  owner_id   bigint not null references users(id) on delete cascade,
  name       text not null,
  body       text not null,
  updated_at timestamptz not null default now(),
  primary key (owner_id, name)
);
