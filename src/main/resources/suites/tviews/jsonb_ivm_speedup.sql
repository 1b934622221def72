-- How much faster a surgical jsonb_set patch of the changed key is than rebuilding the whole
-- document (the incremental view maintenance win). Sample = time of A / time of B, higher is better.
-- A and B alternate which runs first, so neither always gets the warmer cache.
-- perfgate: metric=ratio unit=x direction=higher
-- perfgate:param id = int(1, 2000*scale)
-- perfgate:param cents = int(1000, 99999)

-- perfgate:run A
UPDATE tviews.tv_product SET data = tviews.tv_product_build(:id) WHERE product_id = :id;

-- perfgate:run B
UPDATE tviews.tv_product SET data = jsonb_set(data, '{price}', to_jsonb(:cents / 100.0)) WHERE product_id = :id;
