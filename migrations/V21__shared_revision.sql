-- One number for everything people may see of each other's prompts: it changes with every committed change to
-- a prompt that is, or was until that change, public or unlisted (its text, title, tags, counters, visibility,
-- Trash, deletion) and to a person's name. Explore and everyone's bookmarks show only such things, so their
-- rendered pages are kept under it and read it with one primary-key lookup per view, on every instance alike.
--
-- Like users.revision (V6) it is the id of the last transaction that changed something, written at commit by
-- deferred triggers: a reader sees the new value only once the change it stands for is visible, so no render of
-- older content is ever kept under it (a sequence read before the writer commits would do just that).
--
-- Contention: every such change locks this one row from its deferred trigger until its commit, so commits of
-- changes to shared prompts follow one another, across all instances. They are a person editing, sharing,
-- trashing or generating from a shared prompt: a few a second even with many people, against hundreds of views,
-- and each holds the row for a commit's duration (under a millisecond to a WAL flush). Private prompts, the
-- bulk of all writes, never touch it. A transaction that changes several people's things (deleting an account
-- whose prompts sit in other people's collections) can meet another at commit in the opposite order;
-- PostgreSQL detects that deadlock and cancels one of the two, which the person can retry.
create table shared_revision (
  only_row boolean primary key default true check (only_row),
  revision bigint not null default 0
);
insert into shared_revision default values;

create function touch_shared_revision() returns trigger language plpgsql as $$
begin
  update shared_revision set revision = pg_current_xact_id()::text::bigint
   where revision <> pg_current_xact_id()::text::bigint;
  return null;
end $$;

-- Three triggers, because a WHEN clause may name only the row the event has; the clause runs when the row
-- changes, so a change to a private prompt queues nothing.
create constraint trigger prompts_shared_insert after insert on prompts
  deferrable initially deferred for each row when (new.visibility <> 'private')
  execute function touch_shared_revision();
create constraint trigger prompts_shared_update after update on prompts
  deferrable initially deferred for each row when (old.visibility <> 'private' or new.visibility <> 'private')
  execute function touch_shared_revision();
create constraint trigger prompts_shared_delete after delete on prompts
  deferrable initially deferred for each row when (old.visibility <> 'private')
  execute function touch_shared_revision();

-- Cards name their owner.
create constraint trigger users_shared_rename after update of username on users
  deferrable initially deferred for each row when (old.username is distinct from new.username)
  execute function touch_shared_revision();

-- What a view of a kept prompt or collection page reads before the kept copy is used: who may see it, its slug,
-- and a key that changes whenever the page would (see Prompts.pageFacts and PromptCollections.pageFacts). The
-- app's connections plan every statement afresh (plan_cache_mode = force_custom_plan, which full-text search
-- needs), and planning these joins cost several times running them: 0.92 ms a call against 0.14 ms from a
-- PL/pgSQL function, which keeps one generic plan per connection (pgbench, 20,000 prompts). Lookups by primary
-- key gain nothing from a custom plan.
--
-- A prompt's page: its owner's revision (the prompt, its tags, images and collections), its bookmark count, its
-- forks' owners' revisions and number, its parent's owner's revision. Revisions are summed, not maxed: they are
-- transaction ids, and one with a lower id can commit after one with a higher, leaving the largest unchanged.
create function prompt_page_facts(prompt text)
  returns table (owner_id bigint, visibility text, deleted boolean, slug text, key text)
  language plpgsql stable set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
  return query
    select p.owner_id, p.visibility, p.deleted_at is not null, p.slug,
           concat_ws(':', u.revision,
             (select count(*) from bookmarks b where b.prompt_id = p.id),
             (select concat(sum(fu.revision), '/', count(*)) from prompts f join users fu on fu.id = f.owner_id where f.parent_id = p.id),
             (select pu.revision from prompts pp join users pu on pu.id = pp.owner_id where pp.id = p.parent_id))
      from prompts p join users u on u.id = p.owner_id
     where p.id = prompt;
end $$;

-- A collection's page: its owner's revision (the collection, its items, their own prompts) and the revisions and
-- number of its items' owners.
create function collection_page_facts(collection text)
  returns table (owner_id bigint, visibility text, slug text, key text)
  language plpgsql stable set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
  return query
    select c.owner_id, c.visibility, c.slug,
           concat_ws(':', u.revision,
             (select concat(sum(iu.revision), '/', count(*)) from collection_items i join prompts p on p.id = i.prompt_id
                join users iu on iu.id = p.owner_id where i.collection_id = c.id))
      from collections c join users u on u.id = c.owner_id
     where c.id = collection;
end $$;
