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
