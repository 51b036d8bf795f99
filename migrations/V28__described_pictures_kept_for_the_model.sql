-- A described picture is now kept before its vision model is called, so the call can fail, be cancelled or be cut
-- short by a restart and be tried again without the person sending the picture a second time. What the model is
-- sent is kept beside the thumbnail: a JPEG of at most 512 pixels a side, or a WebP as it was uploaded (the Java
-- runtime cannot decode WebP, so a WebP has no JPEG thumbnail: the page shows the uploaded bytes). file_card is the
-- prompt the file itself carried (AUTOMATIC1111, ComfyUI...), which leads the model's cards when it answers.
alter table described_images
  alter column thumbnail drop not null,
  add column model_image bytea check (octet_length(model_image) <= 4194304),
  add column model_image_type text check (model_image_type in ('image/jpeg', 'image/webp')),
  add column file_card jsonb,
  add constraint described_images_model_image_typed check ((model_image is null) = (model_image_type is null)),
  add constraint described_images_shown check (thumbnail is not null or model_image_type = 'image/webp');
