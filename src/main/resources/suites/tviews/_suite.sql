-- The tviews demo suite: the transactional-view pattern of pg_tviews in plain PL/pgSQL.
-- categories -> products -> reviews / inventory, and a tv_product JSONB read model that
-- triggers keep current as the base tables change. Run with --scale N to grow the data set.
-- 40 iterations: a plain check measures each benchmark 40 times; check --against gives a benchmark whose pairs are
-- cheap as many as its share of 0.4 s buys (single_row_update: a few hundred, could detect about 1 %).
-- perfgate: iterations=40 warmup=6 seed=42 scale=1 timeout=60s

-- perfgate:setup
DROP SCHEMA IF EXISTS tviews CASCADE;
CREATE SCHEMA tviews;
SET search_path = tviews, public;  -- for this setup only; benchmark SQL names the schema

CREATE TABLE categories (
    id   integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE products (
    id          integer PRIMARY KEY,
    category_id integer NOT NULL REFERENCES categories (id),
    name        text NOT NULL,
    price       numeric(10, 2) NOT NULL,
    -- a fixed time, and updates below truncate to the second: every run (and both databases of an A/B run)
    -- then writes documents of the same length, so pages fill the same way and times compare like for like
    updated_at  timestamptz NOT NULL DEFAULT '2026-01-01 00:00:00+00'
);
CREATE INDEX products_category_idx ON products (category_id);

CREATE TABLE reviews (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id integer NOT NULL REFERENCES products (id),
    rating     integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body       text NOT NULL
);
CREATE INDEX reviews_product_idx ON reviews (product_id);

CREATE TABLE inventory (
    product_id integer PRIMARY KEY REFERENCES products (id),
    quantity   integer NOT NULL,
    warehouse  text NOT NULL
);

-- The read model: one JSONB document per product, joined and aggregated.
CREATE TABLE tv_product (
    product_id integer PRIMARY KEY,
    data       jsonb NOT NULL
);

CREATE FUNCTION tv_product_build(p_id integer) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', p.id,
        'name', p.name,
        'price', p.price,
        'updated_at', p.updated_at,
        'category', jsonb_build_object('id', c.id, 'name', c.name),
        'stock', coalesce(i.quantity, 0),
        'warehouse', i.warehouse,
        'reviews', (SELECT jsonb_build_object('count', count(*), 'avg_rating', round(avg(r.rating), 2))
                    FROM tviews.reviews r WHERE r.product_id = p.id))
    FROM tviews.products p
    JOIN tviews.categories c ON c.id = p.category_id
    LEFT JOIN tviews.inventory i ON i.product_id = p.id
    WHERE p.id = p_id
$$;

CREATE FUNCTION tviews.tv_product_refresh(p_id integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO tviews.tv_product (product_id, data) VALUES (p_id, tviews.tv_product_build(p_id))
    ON CONFLICT (product_id) DO UPDATE SET data = excluded.data
$$;

CREATE FUNCTION products_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tviews.tv_product_refresh(NEW.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION category_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tviews.tv_product_refresh(p.id) FROM tviews.products p WHERE p.category_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE FUNCTION child_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tviews.tv_product_refresh(CASE WHEN TG_OP = 'DELETE' THEN OLD.product_id ELSE NEW.product_id END);
    RETURN NULL;
END
$$;

-- Load the data first, then build the read model once, then attach the triggers.
INSERT INTO categories (id, name)
SELECT g, 'Category ' || g FROM generate_series(1, 200 * :scale) g;

INSERT INTO products (id, category_id, name, price)
SELECT g, (g - 1) / 10 + 1, 'Product ' || g, round((10 + (g * 7919) % 990)::numeric, 2)
FROM generate_series(1, 2000 * :scale) g;

INSERT INTO reviews (product_id, rating, body)
SELECT p, 1 + (p * 31 + r) % 5, 'Review ' || r || ' of product ' || p
FROM generate_series(1, 2000 * :scale) p, generate_series(1, 5) r;

INSERT INTO inventory (product_id, quantity, warehouse)
SELECT g, (g * 13) % 500, 'WH-' || (g % 7)
FROM generate_series(1, 2000 * :scale) g;

INSERT INTO tv_product (product_id, data)
SELECT id, tv_product_build(id) FROM products;

CREATE TRIGGER products_tv AFTER INSERT OR UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION products_changed();
CREATE TRIGGER categories_tv AFTER UPDATE ON categories
    FOR EACH ROW EXECUTE FUNCTION category_changed();
CREATE TRIGGER reviews_tv AFTER INSERT OR UPDATE OR DELETE ON reviews
    FOR EACH ROW EXECUTE FUNCTION child_changed();
CREATE TRIGGER inventory_tv AFTER INSERT OR UPDATE OR DELETE ON inventory
    FOR EACH ROW EXECUTE FUNCTION child_changed();

VACUUM ANALYZE categories;
VACUUM ANALYZE products;
VACUUM ANALYZE reviews;
VACUUM ANALYZE inventory;
VACUUM ANALYZE tv_product;

-- perfgate:teardown
DROP SCHEMA tviews CASCADE;
