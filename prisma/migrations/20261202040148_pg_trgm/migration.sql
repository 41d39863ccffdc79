-- Search ranks organisation names and texts by trigram similarity as well as by the Danish
-- stemmer, so that word beginnings and misspellings are found (lib/server/search.ts).
-- pg_trgm ships with PostgreSQL's contrib, the embedded server's build included.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
