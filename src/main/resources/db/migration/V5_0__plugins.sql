-- Plugins: whether each is on, and its settings, per site. A plugin never switched keeps the
-- default its descriptor declares (no row).
create table plugin_state (
  site_id    smallint not null default 1 references site (id),
  plugin_id  text not null check (plugin_id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
  enabled    boolean not null,
  settings   text not null default '{}',
  updated_at timestamptz not null default now(),
  updated_by bigint references account (id),
  primary key (site_id, plugin_id)
);
