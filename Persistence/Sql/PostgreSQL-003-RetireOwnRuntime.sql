-- The home-made runtime that stood in for Orleans kept its membership and reminders here; Orleans'
-- own providers use the orleans_* tables now. A database migrated by that runtime drops its leftovers.
DROP TABLE IF EXISTS silos;
DROP TABLE IF EXISTS membership_version;
DROP TABLE IF EXISTS reminders;
