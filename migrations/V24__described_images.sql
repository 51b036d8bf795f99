-- The picture an expansion was written from ("Describe an image"), as a small JPEG shown on the expansion's page.
-- The uploaded file itself is not kept: the thumbnail is all the page needs, and an original may be 20 MB. It is
-- written in the same transaction as its expansion, whose own revision trigger already tells the owner's pages.
create table described_images (
  expansion_id text primary key references expansions(id) on delete cascade,
  thumbnail    bytea not null check (octet_length(thumbnail) <= 262144),
  width        int not null check (width > 0),
  height       int not null check (height > 0),
  file_name    text not null
);
