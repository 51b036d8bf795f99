-- With IMAGE_STORE_URL set, a picture's bytes and thumbnail live in object storage and its row keeps their keys.
alter table image_blobs alter column bytes drop not null, alter column thumb drop not null,
  add column object_key text, add column thumb_key text,
  add constraint image_blobs_stored check ((bytes is not null and thumb is not null) or (object_key is not null and thumb_key is not null));

-- Objects whose last image went. Storage cannot take part in the transaction that deleted the row, so the keys wait
-- here for the housekeeping sweep; a save of the same bytes takes its key back out first (ImageStore.save).
create table released_objects (
  key         text primary key,
  released_at timestamptz not null default now()
);

create or replace function release_unused_image_blobs() returns trigger language plpgsql as $$
declare
  gone_sha bytea;
  gone_keys text[];
begin
  for gone_sha in select distinct sha256 from gone loop
    begin
      delete from image_blobs b where b.sha256 = gone_sha and not exists (select 1 from images i where i.sha256 = gone_sha)
        returning array[b.object_key, b.thumb_key] into gone_keys;
      if gone_keys is not null and gone_keys[1] is not null then
        insert into released_objects (key) select unnest(gone_keys) on conflict do nothing;
      end if;
    exception when foreign_key_violation then
      null; -- another transaction saved an image with these bytes meanwhile: they are in use again
    end;
  end loop;
  return null;
end $$;
