-- A database made by hbm2ddl=update before materials and certifications became columns (they were
-- tables of their own) is adopted as version 1 without them: they come here. ListTables moves the
-- old tables' entries into them when the shop starts.
alter table products add column if not exists materials varchar(1300);
alter table products add column if not exists certifications varchar(900);
