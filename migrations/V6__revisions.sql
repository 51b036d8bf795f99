-- A person's revision changes with every committed change to what they own, so a page made only of their
-- things (their library, their Studio) can be rendered once and served again until it changes, by every
-- instance alike.
--
-- The value is the id of the last transaction that changed something: unique, so a revision seen once is
-- never seen again for different content, and bumping it twice in one transaction costs one row update.
alter table users add column revision bigint not null default 0;

create function touch_revision(person bigint) returns void language sql as $$
  update users set revision = pg_current_xact_id()::text::bigint
   where id = person and revision <> pg_current_xact_id()::text::bigint
$$;

create function owner_revision() returns trigger language plpgsql as $$
begin
  perform touch_revision(case when tg_op = 'DELETE' then old.owner_id else new.owner_id end);
  return null;
end $$;

create function bookmark_revision() returns trigger language plpgsql as $$
begin
  perform touch_revision(case when tg_op = 'DELETE' then old.user_id else new.user_id end);
  return null;
end $$;

-- A collection being deleted takes its items with it, and its own trigger covers that.
create function collection_item_revision() returns trigger language plpgsql as $$
begin
  perform touch_revision((select owner_id from collections
                           where id = case when tg_op = 'DELETE' then old.collection_id else new.collection_id end));
  return null;
end $$;

-- Deferred to commit: the users row is locked only for the instant before commit, so two transactions of one
-- person that touch the same prompts in different orders cannot deadlock on it. Tag links need no trigger of
-- their own: adding or removing one rewrites prompts.tag_text.
do $$
declare
  t text;
begin
  foreach t in array array['prompts', 'tags', 'collections', 'expansions', 'expansion_instructions', 'instruction_choices', 'wildcards'] loop
    execute format('create constraint trigger %I after insert or update or delete on %I'
                   ' deferrable initially deferred for each row execute function owner_revision()', t || '_revision', t);
  end loop;
end $$;
create constraint trigger collection_items_revision after insert or update or delete on collection_items
  deferrable initially deferred for each row execute function collection_item_revision();
create constraint trigger bookmarks_revision after insert or update or delete on bookmarks
  deferrable initially deferred for each row execute function bookmark_revision();
