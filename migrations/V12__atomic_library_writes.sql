-- A create whose answer was lost can be sent again: the form carries a key made when it was shown, and a
-- second save with the same key answers with the prompt the first one made instead of making another.
alter table prompts add column create_key text;
create unique index prompts_owner_create_key on prompts (owner_id, create_key) where create_key is not null;

-- Two saves into one collection at the same moment could both take max(position) + 1. Number any such ties
-- apart, keeping the order people saw (position, then the order they were added), then let none come back.
update collection_items i set position = r.n
  from (select collection_id, prompt_id,
               row_number() over (partition by collection_id order by position, added_at, prompt_id) as n
          from collection_items) r
 where i.collection_id = r.collection_id and i.prompt_id = r.prompt_id and i.position <> r.n;
-- The renumbering queued the owners' revision bumps (deferred triggers) for commit; run them now, since a
-- table with pending trigger events cannot be altered.
set constraints all immediate;
alter table collection_items add constraint collection_items_position unique (collection_id, position);
