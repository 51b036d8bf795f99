-- A collection's page key (V21) summed the revisions of its items' owners: a prompt and a person looked up for every
-- item on every view, which made a public collection the dearest page to revalidate (PostgreSQL 0.16 ms a view at
-- 1M prompts, against 0.08-0.13 ms for the other shared pages). A collection holds only its owner's prompts (adding
-- one needs owning both, on the page and on import), so its owner's revision alone changes whenever anything on the
-- page does: the collection, its items and their order, the prompts' text, visibility and trash, the owner's name.
create or replace function collection_page_facts(collection text)
  returns table (owner_id bigint, visibility text, slug text, key text)
  language plpgsql stable set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
  return query
    select c.owner_id, c.visibility, c.slug, u.revision::text
      from collections c join users u on u.id = c.owner_id
     where c.id = collection;
end $$;
