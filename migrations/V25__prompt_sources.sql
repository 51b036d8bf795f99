-- Where a prompt was saved from (the "Save to Visionary" bookmarklet): the page's address and title. Kept on the
-- prompt only, like its lineage (expansion_id, parent_id): it says where the prompt came from, not what a version
-- says, so prompt_versions has no copy. Empty when the prompt was written here.
alter table prompts
  add column source_url   text not null default '' check (length(source_url) <= 2000),
  add column source_title text not null default '' check (length(source_title) <= 300);

-- The source's title is searched like the idea (weight C): "the page I saved it from" is how people remember it.
-- A stored generated column's expression cannot be changed in place, so the column and its two indexes are made
-- again. This rewrites the table once, while the migration holds its lock (measured in README).
drop index prompts_owner_tsv;
drop index prompts_public_tsv;
alter table prompts drop column tsv;
alter table prompts add column tsv tsvector generated always as (
    setweight(to_tsvector('library_search'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('library_search'::regconfig, coalesce(tag_text, '')), 'A') ||
    setweight(to_tsvector('library_search'::regconfig, coalesce(text, '')), 'B') ||
    setweight(to_tsvector('library_search'::regconfig, coalesce(idea, '')), 'C') ||
    setweight(to_tsvector('library_search'::regconfig, coalesce(source_title, '')), 'C') ||
    setweight(to_tsvector('library_search'::regconfig, coalesce(negative, '')), 'D')
  ) stored;
create index prompts_owner_tsv on prompts using gin (owner_id, tsv) where deleted_at is null;
create index prompts_public_tsv on prompts using gin (tsv) where visibility = 'public' and deleted_at is null;

-- "Did you mean" knows the source's words too. Only inserts set a source, so the update trigger (V11) is unchanged.
create or replace function prompts_collect_words() returns trigger language plpgsql as $$
begin
  insert into search_words (owner_id, word)
    select distinct r.owner_id, w
    from changed r,
         regexp_split_to_table(lower(unaccent(r.title || ' ' || r.text || ' ' || r.idea || ' ' || r.tag_text || ' ' || r.source_title)),
                               '[^[:alnum:]]+') w
    where length(w) between 3 and 40
  on conflict do nothing;
  return null;
end $$;
