-- The prompt library: prompts and their versions, tags, collections, bookmarks, and what search needs.

-- English stemming ("sunsets" finds "sunset") on accent-free words ("cafe" finds "café").
create text search configuration library_search (copy = english);
alter text search configuration library_search
  alter mapping for hword, hword_part, word with unaccent, english_stem;

create table prompts (
  id           text primary key,
  owner_id     bigint not null references users(id) on delete cascade,
  title        text not null,
  slug         text not null,
  text         text not null,
  negative     text not null default '',
  target       text not null default 'generic',
  params       jsonb not null default '{}',
  idea         text not null default '',
  -- The expansion feature owns that table; this is only a reference to show lineage.
  expansion_id text,
  parent_id    text references prompts(id) on delete set null,
  visibility   text not null default 'private' check (visibility in ('private', 'unlisted', 'public')),
  version      integer not null default 1,
  use_count    integer not null default 0,
  -- Images belong to the generation feature; it reports them through the library's Java API.
  image_count  integer not null default 0,
  cover_image_id text,
  -- The person's tag names, kept by a trigger on prompt_tags so tags are searchable like the text.
  tag_text     text not null default '',
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  deleted_at   timestamptz,
  tsv tsvector generated always as (
    setweight(to_tsvector('library_search'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('library_search'::regconfig, coalesce(tag_text, '')), 'A') ||
    setweight(to_tsvector('library_search'::regconfig, coalesce(text, '')), 'B') ||
    setweight(to_tsvector('library_search'::regconfig, coalesce(idea, '')), 'C') ||
    setweight(to_tsvector('library_search'::regconfig, coalesce(negative, '')), 'D')
  ) stored
);
-- One person's search uses one index for both the owner and the words (btree_gin).
create index prompts_owner_tsv on prompts using gin (owner_id, tsv) where deleted_at is null;
create index prompts_public_tsv on prompts using gin (tsv) where visibility = 'public' and deleted_at is null;
create index prompts_owner_created on prompts (owner_id, created_at desc) where deleted_at is null;
create index prompts_owner_updated on prompts (owner_id, updated_at desc) where deleted_at is null;
create index prompts_owner_used on prompts (owner_id, use_count desc, updated_at desc) where deleted_at is null;
create index prompts_owner_title on prompts (owner_id, lower(title)) where deleted_at is null;
create index prompts_public_created on prompts (created_at desc) where visibility = 'public' and deleted_at is null;
create index prompts_trash on prompts (owner_id, deleted_at) where deleted_at is not null;
create index prompts_parent on prompts (parent_id) where parent_id is not null;

-- Every saved state of a prompt; the highest number is the current one.
create table prompt_versions (
  prompt_id  text not null references prompts(id) on delete cascade,
  version    integer not null,
  title      text not null,
  text       text not null,
  negative   text not null default '',
  target     text not null,
  params     jsonb not null default '{}',
  idea       text not null default '',
  note       text not null default '',
  created_at timestamptz not null default now(),
  primary key (prompt_id, version)
);

create table tags (
  id       bigint generated always as identity primary key,
  owner_id bigint not null references users(id) on delete cascade,
  name     citext not null,
  unique (owner_id, name)
);
create index tags_name_trgm on tags using gin (owner_id, name gin_trgm_ops);

create table prompt_tags (
  prompt_id text not null references prompts(id) on delete cascade,
  tag_id    bigint not null references tags(id) on delete cascade,
  primary key (prompt_id, tag_id)
);
create index prompt_tags_tag on prompt_tags (tag_id);

create function prompt_tags_changed() returns trigger language plpgsql as $$
declare
  pid text := coalesce(new.prompt_id, old.prompt_id);
begin
  update prompts set tag_text = coalesce(
      (select string_agg(t.name::text, ' ' order by t.name) from prompt_tags pt join tags t on t.id = pt.tag_id where pt.prompt_id = pid), '')
    where id = pid;
  return null;
end $$;
create trigger prompt_tags_text after insert or delete on prompt_tags
  for each row execute function prompt_tags_changed();

create table collections (
  id          text primary key,
  owner_id    bigint not null references users(id) on delete cascade,
  name        text not null,
  slug        text not null,
  description text not null default '',
  visibility  text not null default 'private' check (visibility in ('private', 'unlisted', 'public')),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index collections_owner on collections (owner_id, lower(name));

create table collection_items (
  collection_id text not null references collections(id) on delete cascade,
  prompt_id     text not null references prompts(id) on delete cascade,
  position      integer not null,
  added_at      timestamptz not null default now(),
  primary key (collection_id, prompt_id)
);
create index collection_items_prompt on collection_items (prompt_id);

create table bookmarks (
  user_id    bigint not null references users(id) on delete cascade,
  prompt_id  text not null references prompts(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, prompt_id)
);
create index bookmarks_prompt on bookmarks (prompt_id);

-- Distinct words per person, for "did you mean" when a search finds nothing. Words are only added;
-- a stale word is harmless because a suggestion is only offered when it finds something.
create table search_words (
  owner_id bigint not null references users(id) on delete cascade,
  word     text not null,
  primary key (owner_id, word)
);
create index search_words_trgm on search_words using gin (owner_id, word gin_trgm_ops);

-- Statement-level, so a bulk insert or COPY collects its words in one pass.
create function prompts_collect_words() returns trigger language plpgsql as $$
begin
  insert into search_words (owner_id, word)
    select distinct r.owner_id, w
    from changed r,
         regexp_split_to_table(lower(unaccent(r.title || ' ' || r.text || ' ' || r.idea || ' ' || r.tag_text)), '[^[:alnum:]]+') w
    where length(w) between 3 and 40
  on conflict do nothing;
  return null;
end $$;
create trigger prompts_words_insert after insert on prompts
  referencing new table as changed for each statement execute function prompts_collect_words();
create trigger prompts_words_update after update on prompts
  referencing new table as changed for each statement execute function prompts_collect_words();
