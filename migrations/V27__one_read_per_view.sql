-- A view of a kept page reads the session and, in the same statement, what the page is kept under (see
-- web/PageReads): one round trip to the database per view. Two of those reads become functions here, for the
-- reason V21 gives for prompt_page_facts: the app's connections plan every statement afresh
-- (plan_cache_mode = force_custom_plan, which full-text search needs), and planning a join costs more than
-- running it; a PL/pgSQL function keeps one generic plan per connection. Both are primary-key lookups, which a
-- custom plan cannot improve. Measured on 20,000 prompts (PostgreSQL's CPU per statement, one connection): the
-- session's join 0.060 ms as a statement, 0.030 ms from this function; an image's access 0.075 ms as a statement.

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
