"""The table spec: one source for the DuckDB DDL and the Arrow schemas rows are built in."""

from __future__ import annotations

import duckdb

from kabar.store.schema import ARTICLE_TABLES, CONSTRAINED, PRIMARY_KEYS, TABLES, USER_TABLES, arrow_schema, ddl


def test_every_table_has_a_key_of_its_own_columns():
    assert set(PRIMARY_KEYS) == set(TABLES)
    for name, key in PRIMARY_KEYS.items():
        assert set(key) <= {c for c, _, _ in TABLES[name]}, name
    assert set(USER_TABLES) | set(ARTICLE_TABLES) <= set(TABLES) and CONSTRAINED <= set(TABLES)


def test_ddl_and_arrow_schema_agree():
    con = duckdb.connect()
    for name in TABLES:
        con.execute(ddl(name))
        described = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
        assert described == arrow_schema(name).names, name
        # Empty Arrow rows of the table's schema insert by name without a cast error.
        con.register("_empty", arrow_schema(name).empty_table())
        con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _empty")
        con.unregister("_empty")
    assert "PRIMARY KEY (article_key, duplicate_of)" not in ddl("duplicates")  # keyed by construction
    assert "PRIMARY KEY (key)" in ddl("articles")
