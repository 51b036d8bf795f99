-- The reads every view of a kept page makes (V21, V27) were planned for the few hundred people of a small instance
-- as if reading them all were cheaper than one lookup: PostgreSQL's generic plan read the whole users table, hashed
-- it or compared every name with the one asked for (citext lower-cases both sides of each comparison), on every
-- call. Each person is now found through an index, a plan that does not depend on how many people there are.
-- PostgreSQL's time per call, in three loops of 20,000 calls side by side (20,000 prompts, 100 people; the machine
-- was noisy, so ranges): prompt_page_facts 59-68 µs before, 37-43 µs after; session_viewer 31-33 µs before,
-- 23-25 µs after; profile_owner 28-51 µs before, 8-12 µs after; collection_page_facts 19.4-19.8 µs before,
-- 15.4-15.5 µs after.

-- The same key as V21's: the owner's revision, the bookmark count, the forks' owners' revisions and number, and the
-- parent's owner's revision.
create or replace function prompt_page_facts(prompt text)
  returns table (owner_id bigint, visibility text, deleted boolean, slug text, key text)
  language plpgsql stable set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
  return query
    select p.owner_id, p.visibility, p.deleted_at is not null, p.slug,
           concat_ws(':', (select u.revision from users u where u.id = p.owner_id),
             (select count(*) from bookmarks b where b.prompt_id = p.id),
             (select concat(sum((select fu.revision from users fu where fu.id = f.owner_id)), '/', count(*))
                from prompts f where f.parent_id = p.id),
             (select (select pu.revision from users pu where pu.id = pp.owner_id) from prompts pp where pp.id = p.parent_id))
      from prompts p
     where p.id = prompt;
end $$;

-- As V29's: the owner's revision.
create or replace function collection_page_facts(collection text)
  returns table (owner_id bigint, visibility text, slug text, key text)
  language plpgsql stable set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
  return query
    select c.owner_id, c.visibility, c.slug, (select u.revision from users u where u.id = c.owner_id)::text
      from collections c
     where c.id = collection;
end $$;

-- As V27's. The session's person is read in a subquery the planner may not merge into a join (offset 0), so it is
-- one probe of the users' primary key.
create or replace function session_viewer(token bytea, absolute_seconds bigint)
  returns table (viewer_id bigint, viewer_name text, viewer_revision bigint, session_last_seen_at timestamptz)
  language plpgsql stable set plan_cache_mode = force_generic_plan as $$
begin
  return query
    select u.id, u.username::text, u.revision, s.last_seen_at
      from sessions s
      cross join lateral (select u.id, u.username, u.revision from users u where u.id = s.user_id offset 0) u
     where s.token_hash = token and s.expires_at > now() and s.created_at > now() - make_interval(secs => absolute_seconds);
end $$;

-- As V27's. A table of a few pages is one the planner would rather read whole than through its index, however few
-- rows a name matches; the unique index on username is the only plan wanted here.
create or replace function profile_owner(person text)
  returns table (id bigint, username text, revision bigint)
  language plpgsql stable set plan_cache_mode = force_generic_plan set enable_seqscan = off as $$
begin
  return query select u.id, u.username::text, u.revision from users u where u.username = person::citext;
end $$;
