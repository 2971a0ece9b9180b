-- The satisfaction survey: a customer user rates a closed ticket from 1 to 5, with an optional
-- comment; one rating per ticket (rating again replaces it, the history keeps each).
CREATE TABLE ticket_ratings (
  ticket_id integer PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
  customer_user_id integer NOT NULL REFERENCES customer_users(id),
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment text NOT NULL DEFAULT '',
  rated_at timestamptz NOT NULL
);
CREATE INDEX ticket_ratings_rated_at ON ticket_ratings (rated_at);
