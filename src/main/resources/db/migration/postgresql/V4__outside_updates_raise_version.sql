-- A write from outside the shop (another service, psql) that leaves the version as it was gets the
-- next one, as the shop's own writes do: ETags ("v<version>") and the version-keyed scores then see
-- the change, and a stale edit through the API fails its version check instead of overwriting it.
create or replace function ecolaura_next_version() returns trigger language plpgsql as $$
begin
    if new.version = old.version then
        new.version := old.version + 1;
    end if;
    return new;
end
$$;
create trigger products_next_version before update on products
    for each row execute function ecolaura_next_version();
create trigger user_profiles_next_version before update on user_profiles
    for each row execute function ecolaura_next_version();
