-- The one read a view of the kept Generate page makes besides the session (see generate/Jobs.recentState), sent
-- in the session's own statement (V27) rather than in a second round trip of its own: the person's latest jobs, as
-- the page lists them, in one string that changes whenever one of their cards could (each job's id and the
-- transaction that last wrote its row, xmin, which moves with every change of status, progress, attempts or error),
-- and whether one of them waits to retry (its card counts down the seconds, so the page is not kept). The person is
-- the session's: the page's address names nothing. Whether the session is still live is session_viewer's to say,
-- beside it in the same statement; this read only keys the page of the person it finds. Always one row, so a
-- person with no jobs has a key too.
create function recent_jobs_state(token bytea, lim integer)
  returns table (jobs_retrying boolean, jobs_state text)
  language plpgsql stable set plan_cache_mode = force_generic_plan as $$
begin
  return query
    select coalesce(bool_or(r.status = 'queued' and r.last_error is not null), false),
           coalesce(string_agg(r.id || ' ' || r.row_version, ',' order by r.created_at desc, r.id desc), '')
      from (select j.id, j.xmin::text as row_version, j.status, j.last_error, j.created_at
              from generation_jobs j
             where j.owner_id = (select s.user_id from sessions s where s.token_hash = token)
             order by j.created_at desc, j.id desc
             limit lim) r;
end $$;
