-- Rename one category; the change cascades to the read models of its 10 products.
-- perfgate: unit=ms direction=lower
-- perfgate:param category = int(1, 200*scale)
-- perfgate:param n = int(1, 1000000)

-- perfgate:run
UPDATE tviews.categories SET name = 'Category ' || :category || ' rev ' || :n WHERE id = :category;
