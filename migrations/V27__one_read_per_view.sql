-- A view of a kept page reads the session and, in the same statement, what the page is kept under (see
-- web/PageReads): one round trip to the database per view. The statement is
--   select * from rows from (session_viewer(:hash, :absolute), <the page's read>)
-- which runs both functions side by side in one scan, each giving at most one row: planning a join of the two
-- would cost more than running them. Each read is a PL/pgSQL function for the reason V21 gives for
-- prompt_page_facts: the app's connections plan every statement afresh (plan_cache_mode = force_custom_plan,
-- which full-text search needs), and a function keeps one generic plan per connection; these are primary-key
-- and unique-index lookups, which a custom plan cannot improve. PostgreSQL's CPU per statement, one connection,
-- 20,000 prompts: the session's join as a statement 0.060 ms, from this function 0.030 ms; the session with a
-- prompt's facts 0.08 ms in one statement of rows from, 0.11–0.13 ms joined.

-- The signed-in person behind a session token's hash, with their revision (V6), while the session is live:
-- within its idle expiry and its absolute lifetime. No row for an unknown or expired token.
create function session_viewer(token bytea, absolute_seconds bigint)
  returns table (viewer_id bigint, viewer_name text, viewer_revision bigint, session_last_seen_at timestamptz)
  language plpgsql stable set plan_cache_mode = force_generic_plan as $$
begin
  return query
    select u.id, u.username::text, u.revision, s.last_seen_at
      from sessions s join users u on u.id = s.user_id
     where s.token_hash = token and s.expires_at > now() and s.created_at > now() - make_interval(secs => absolute_seconds);
end $$;

-- What decides who may see an image and its validator, without touching its bytes: its content hash, its owner
-- and the saved prompt its job was made from.
create function image_access(image text)
  returns table (sha256_hex text, owner_id bigint, prompt_id text)
  language plpgsql stable set plan_cache_mode = force_generic_plan as $$
begin
  return query
    select encode(i.sha256, 'hex'), i.owner_id, j.prompt_id
      from images i join generation_jobs j on j.id = i.job_id
     where i.id = image;
end $$;

-- Whose profile a name is, with their revision (everything on a profile is theirs).
create function profile_owner(person text)
  returns table (id bigint, username text, revision bigint)
  language plpgsql stable set plan_cache_mode = force_generic_plan as $$
begin
  return query select u.id, u.username::text, u.revision from users u where u.username = person::citext;
end $$;

-- The shared revision (V21), which Explore and everyone's bookmarks are kept under.
create function shared_revision_now()
  returns table (revision bigint)
  language plpgsql stable as $$
begin
  return query select s.revision from shared_revision s;
end $$;
