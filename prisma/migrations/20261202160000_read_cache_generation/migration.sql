-- The read cache (lib/server/read-cache.ts) keeps what pages read often and staff change rarely:
-- the catalogue, the consultations' published material, the municipality's settings. Each entry
-- carries the generation of its topic it was computed under; every change to a table the cached
-- reads depend on counts its topic's generation up in the same transaction, so the next request
-- on any app instance computes afresh. Triggers rather than calls in the domain layer: no write
-- path (an import, a move, a moderation, a hand-made SQL fix) can forget to invalidate.
CREATE TABLE "CacheGeneration" (
    "id" INTEGER NOT NULL,
    "budget" BIGINT NOT NULL DEFAULT 0,
    "consultation" BIGINT NOT NULL DEFAULT 0,
    "settings" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CacheGeneration_pkey" PRIMARY KEY ("id")
);

INSERT INTO "CacheGeneration" ("id") VALUES (1);

-- One row for all topics: a transaction that touches two topics takes one row lock, so two such
-- transactions cannot deadlock on the counters. The lock is held from the first counted statement
-- to the commit; the writers are staff's rare changes and submissions, which write their
-- Submission row last but for the audit. (Deferred constraint triggers would hold it for the
-- commit only, but Prisma's schema engine cannot introspect them: its drift check crashes.)
CREATE FUNCTION bump_cache_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CacheGeneration" SET
    "budget" = "budget" + (TG_ARGV[0] = 'budget')::int,
    "consultation" = "consultation" + (TG_ARGV[0] = 'consultation')::int,
    "settings" = "settings" + (TG_ARGV[0] = 'settings')::int
  WHERE "id" = 1;
  RETURN NULL;
END $$;


-- The catalogue: budgets, lists, proposals, their lines, versions and moves, committee names.

CREATE TRIGGER "Budget_cache" AFTER INSERT OR UPDATE OR DELETE ON "Budget"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');
CREATE TRIGGER "Budget_cache_truncate" AFTER TRUNCATE ON "Budget"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');

CREATE TRIGGER "BudgetList_cache" AFTER INSERT OR UPDATE OR DELETE ON "BudgetList"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');
CREATE TRIGGER "BudgetList_cache_truncate" AFTER TRUNCATE ON "BudgetList"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');

CREATE TRIGGER "Committee_cache" AFTER INSERT OR UPDATE OR DELETE ON "Committee"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');
CREATE TRIGGER "Committee_cache_truncate" AFTER TRUNCATE ON "Committee"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');

CREATE TRIGGER "Proposal_cache" AFTER INSERT OR UPDATE OR DELETE ON "Proposal"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');
CREATE TRIGGER "Proposal_cache_truncate" AFTER TRUNCATE ON "Proposal"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');

CREATE TRIGGER "ProposalMove_cache" AFTER INSERT OR UPDATE OR DELETE ON "ProposalMove"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');
CREATE TRIGGER "ProposalMove_cache_truncate" AFTER TRUNCATE ON "ProposalMove"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');

CREATE TRIGGER "ProposalVersion_cache" AFTER INSERT OR UPDATE OR DELETE ON "ProposalVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');
CREATE TRIGGER "ProposalVersion_cache_truncate" AFTER TRUNCATE ON "ProposalVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');

CREATE TRIGGER "ProposalKind_cache" AFTER INSERT OR UPDATE OR DELETE ON "ProposalKind"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');
CREATE TRIGGER "ProposalKind_cache_truncate" AFTER TRUNCATE ON "ProposalKind"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');

CREATE TRIGGER "BudgetLine_cache" AFTER INSERT OR UPDATE OR DELETE ON "BudgetLine"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');
CREATE TRIGGER "BudgetLine_cache_truncate" AFTER TRUNCATE ON "BudgetLine"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('budget');

-- A consultation's public material and the submitted responses as politicians and the public read them.

CREATE TRIGGER "Consultation_cache" AFTER INSERT OR UPDATE OR DELETE ON "Consultation"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');
CREATE TRIGGER "Consultation_cache_truncate" AFTER TRUNCATE ON "Consultation"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');

CREATE TRIGGER "ConsultationParty_cache" AFTER INSERT OR UPDATE OR DELETE ON "ConsultationParty"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');
CREATE TRIGGER "ConsultationParty_cache_truncate" AFTER TRUNCATE ON "ConsultationParty"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');

CREATE TRIGGER "ConsultationDocument_cache" AFTER INSERT OR UPDATE OR DELETE ON "ConsultationDocument"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');
CREATE TRIGGER "ConsultationDocument_cache_truncate" AFTER TRUNCATE ON "ConsultationDocument"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');

CREATE TRIGGER "Organisation_cache" AFTER INSERT OR UPDATE OR DELETE ON "Organisation"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');
CREATE TRIGGER "Organisation_cache_truncate" AFTER TRUNCATE ON "Organisation"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');

CREATE TRIGGER "Submission_cache" AFTER INSERT OR UPDATE OR DELETE ON "Submission"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');
CREATE TRIGGER "Submission_cache_truncate" AFTER TRUNCATE ON "Submission"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');

CREATE TRIGGER "Moderation_cache" AFTER INSERT OR UPDATE OR DELETE ON "Moderation"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');
CREATE TRIGGER "Moderation_cache_truncate" AFTER TRUNCATE ON "Moderation"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');

-- Responses: autosave updates a draft's row on every save, and drafts are in no cached read; only
-- what changes a submitted response's visibility counts, so these are row triggers with a condition.

CREATE TRIGGER "Response_cache_insert" AFTER INSERT ON "Response"
  FOR EACH ROW WHEN (NEW."status" <> 'DRAFT') EXECUTE FUNCTION bump_cache_generation('consultation');
CREATE TRIGGER "Response_cache_update" AFTER UPDATE ON "Response"
  FOR EACH ROW WHEN ((OLD."status", OLD."channel", OLD."consultationId", OLD."organisationId") IS DISTINCT FROM (NEW."status", NEW."channel", NEW."consultationId", NEW."organisationId")) EXECUTE FUNCTION bump_cache_generation('consultation');
CREATE TRIGGER "Response_cache_delete" AFTER DELETE ON "Response"
  FOR EACH ROW EXECUTE FUNCTION bump_cache_generation('consultation');
CREATE TRIGGER "Response_cache_truncate" AFTER TRUNCATE ON "Response"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('consultation');

-- The municipality's name, contact and logo in every page's header and footer.

CREATE TRIGGER "MunicipalitySettings_cache" AFTER INSERT OR UPDATE OR DELETE ON "MunicipalitySettings"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('settings');
CREATE TRIGGER "MunicipalitySettings_cache_truncate" AFTER TRUNCATE ON "MunicipalitySettings"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_generation('settings');
