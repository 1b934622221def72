-- Update one product's price; the trigger rebuilds that product's tv_product document.
-- perfgate: unit=ms direction=lower
-- perfgate:param id = int(1, 2000*scale)
-- perfgate:param cents = int(1000, 99999)

-- perfgate:run
UPDATE tviews.products SET price = :cents / 100.0, updated_at = date_trunc('second', now()) WHERE id = :id;
