-- One benchmark per file: update one random account. Replace with your own statements.
-- perfgate: unit=ms direction=lower
-- perfgate:param id = int(1, 10000*scale)

-- perfgate:run
UPDATE accounts SET balance = balance + 1 WHERE id = :id;
