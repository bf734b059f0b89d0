CREATE TABLE "metric_counts" (
	"name" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"shard" smallint NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_counts_name_label_shard_pk" PRIMARY KEY("name","label","shard")
);
