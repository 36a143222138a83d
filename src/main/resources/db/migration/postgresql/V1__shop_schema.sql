-- The shop's schema as Hibernate ORM 6.6 made it with hbm2ddl=update (PostgreSQL dialect): a
-- database it made is adopted as this version (baseline), a new one starts here.
create sequence product_ids start with 1 increment by 50;
create sequence view_count_ids start with 1 increment by 50;
create table categories (slug varchar(40) not null, name varchar(80) not null, primary key (slug));
create table certification_ratings (weight integer not null, code varchar(40) not null, name varchar(120) not null, primary key (code));
create table material_ratings (rating integer not null, renewable boolean not null, material varchar(60) not null, primary key (material));
create table product_view_counts (hourStart timestamp(6) with time zone not null, id bigint not null, productId bigint not null, views bigint not null, primary key (id), unique (productId, hourStart));
create table products (carbonFootprintKg numeric(10,3), currency varchar(3) not null, ecoScore integer not null, originCountry varchar(2), price numeric(12,2) not null, recycledContentPercent integer not null, stock integer not null, id bigint not null, updatedAt timestamp(6) with time zone, version bigint not null, packaging varchar(20) check (packaging in ('PLASTIC_FREE','COMPOSTABLE','RECYCLED','RECYCLABLE','CONVENTIONAL')), sku varchar(32) not null unique, category_slug varchar(40) not null, brand varchar(80), name varchar(160) not null, certifications varchar(900), materials varchar(1300), description varchar(2000), primary key (id));
create table user_profiles (minimumEcoScore integer not null, newsletter boolean not null, updatedAt timestamp(6) with time zone, version bigint not null, userId varchar(64) not null, displayName varchar(120) not null, email varchar(254), preferredCategories varchar(500), primary key (userId));
create index products_category on products (category_slug);
create index products_eco_score on products (ecoScore);
alter table if exists products add constraint products_category_fk foreign key (category_slug) references categories;
