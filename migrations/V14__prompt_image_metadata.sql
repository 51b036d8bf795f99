-- The metadata a prompt was imported from, as the image held it (AUTOMATIC1111's parameters text, InvokeAI's
-- JSON, ComfyUI's graphs, …): prompts.params keeps the common settings under one set of names, and this keeps
-- everything else each tool recorded. chunks is a JSON array of {"keyword": …, "text": …} in file order.
create table prompt_image_metadata (
  prompt_id  text primary key references prompts(id) on delete cascade,
  tool       text not null,
  chunks     jsonb not null,
  created_at timestamptz not null default now()
);
