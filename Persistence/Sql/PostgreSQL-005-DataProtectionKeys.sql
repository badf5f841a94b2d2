-- ASP.NET Core's data protection key ring, shared by every API node so a cookie or an antiforgery
-- token issued by one node is read by any other behind the load balancer. Rows are only added: the
-- framework expires and revokes keys by writing new elements, never by changing old ones.
CREATE TABLE IF NOT EXISTS data_protection_keys (
    id            bigserial   PRIMARY KEY,
    friendly_name text        NOT NULL,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
