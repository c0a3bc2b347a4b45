"""Export the store, or the result of a query, to files other tools read.

- Parquet partitioned by date (Hive layout `date=2021-10-17/…`), JSON Lines, JSON, CSV
  (`kabar.export.tables`): `export_store(con, "out/", "parquet")` writes every table,
  `write_table(table, "parquet", path)` writes a query result.
- GDELT 2.0 events (`kabar.export.gdelt`, 61 columns) and Mentions (`kabar.export.mentions`,
  16 columns), tab-separated: `export_gdelt(con, "kabar.export.CSV")`,
  `export_gdelt_mentions(con, "kabar.mentions.CSV")`.
- PLOVER records, the ontology of POLECAT (`kabar.export.plover`), JSON Lines:
  `export_plover(con, "events.plover.jsonl")`.

docs/store.md documents every format with an example record.
"""

from kabar.export.gdelt import (
    GDELT_EVENT_COLUMNS,
    country_table,
    export_gdelt,
    fips_code,
    gdelt_events,
    gdelt_events_sql,
    split_actor,
)
from kabar.export.mentions import GDELT_MENTION_COLUMNS, export_gdelt_mentions, gdelt_mentions_sql
from kabar.export.plover import PLOVER_FIELDS, export_plover, plover_records
from kabar.export.tables import EVENT_FORMATS, STORE_FORMATS, TABLE_FORMATS, export_store, write_table

__all__ = [
    "EVENT_FORMATS",
    "GDELT_EVENT_COLUMNS",
    "GDELT_MENTION_COLUMNS",
    "PLOVER_FIELDS",
    "STORE_FORMATS",
    "TABLE_FORMATS",
    "country_table",
    "export_gdelt",
    "export_gdelt_mentions",
    "export_plover",
    "export_store",
    "fips_code",
    "gdelt_events",
    "gdelt_events_sql",
    "gdelt_mentions_sql",
    "plover_records",
    "split_actor",
    "write_table",
]
