
-- CreateTable
CREATE TABLE "late_work_runs" (
    "day" DATE NOT NULL,
    "ran_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "moved" INTEGER NOT NULL DEFAULT 0,
    "at_risk" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "late_work_runs_pkey" PRIMARY KEY ("day")
);

