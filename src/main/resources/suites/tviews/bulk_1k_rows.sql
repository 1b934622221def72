-- One statement updating 1,000 consecutive products; the row trigger refreshes 1,000 documents.
-- perfgate: unit=ms direction=lower
-- perfgate:param first = int(1, 1001)

-- perfgate:run
UPDATE tviews.products SET price = price + 0.01, updated_at = date_trunc('second', now())
WHERE id BETWEEN :first AND :first + 999;
