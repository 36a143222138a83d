-- Search matches parts of words (lower(name) like '%bamb%'); trigram indexes let PostgreSQL answer
-- those from an index instead of reading every product. pg_trgm ships with PostgreSQL's contrib and
-- is a trusted extension (13+): the database owner may create it. Where it cannot be created the
-- search keeps working without the indexes, and the notice says why.
do $$
begin
    create extension if not exists pg_trgm;
exception when others then
    raise notice 'pg_trgm is not available (%): search scans the products table', sqlerrm;
end
$$;

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists products_name_trgm on products using gin (lower(name) gin_trgm_ops);
        create index if not exists products_description_trgm on products using gin (lower(description) gin_trgm_ops);
        create index if not exists products_brand_trgm on products using gin (lower(brand) gin_trgm_ops);
        create index if not exists products_materials_trgm on products using gin (lower(materials) gin_trgm_ops);
    end if;
end
$$;
