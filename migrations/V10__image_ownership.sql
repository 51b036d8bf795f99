-- Images belong on a saved prompt only when its owner made them, and image bytes go when no image uses them.

-- Before generation checked who owns a job's prompt, anyone could link a job to someone else's shareable
-- prompt: its images joined that prompt's gallery, became its preview image and raised its counts. Undo that.
with stranger_jobs as (
  select j.id, j.prompt_id from generation_jobs j join prompts p on p.id = j.prompt_id where j.owner_id <> p.owner_id
), claimed as (
  select s.prompt_id, count(distinct s.id) as jobs, count(i.id) as images
  from stranger_jobs s left join images i on i.job_id = s.id group by s.prompt_id
)
update prompts p set use_count = greatest(0, p.use_count - c.jobs), image_count = greatest(0, p.image_count - c.images)
from claimed c where c.prompt_id = p.id;

update prompts p set cover_image_id = (
    select i.id from images i join generation_jobs j on j.id = i.job_id
    where j.prompt_id = p.id and i.owner_id = p.owner_id order by i.created_at, i.position limit 1)
where exists (select 1 from images i where i.id = p.cover_image_id and i.owner_id <> p.owner_id);

update generation_jobs j set prompt_id = null from prompts p where p.id = j.prompt_id and j.owner_id <> p.owner_id;

-- image_blobs holds each distinct picture once, shared by every image with the same bytes, so no foreign key
-- can cascade to it. Whenever images go (a job, an account), the bytes no image uses any more go with them,
-- in the same transaction. A trigger rather than Java: images disappear through cascades from users and jobs,
-- which the features deleting them (accounts, seeding) should not have to know about.
create function release_unused_image_blobs() returns trigger language plpgsql as $$
declare
  gone_sha bytea;
begin
  for gone_sha in select distinct sha256 from gone loop
    begin
      delete from image_blobs b where b.sha256 = gone_sha and not exists (select 1 from images i where i.sha256 = gone_sha);
    exception when foreign_key_violation then
      null; -- another transaction saved an image with these bytes meanwhile: they are in use again
    end;
  end loop;
  return null;
end $$;

create trigger images_release_unused_blobs after delete on images
  referencing old table as gone for each statement execute function release_unused_image_blobs();

-- What accounts deleted before this left behind.
delete from image_blobs b where not exists (select 1 from images i where i.sha256 = b.sha256);
