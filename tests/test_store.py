"""The DuckDB store: schema and keys, idempotence, replacement, events across articles, transactions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import DATA

from kabar.errors import StoreError
from kabar.model import Entity, Mention
from kabar.store import PRIMARY_KEYS, USER_TABLES, Store, event_key, outlet_of

sys.path.insert(0, str(DATA / "store"))
import synth  # noqa: E402


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "kabar.duckdb")


def rows(store: Store, sql: str) -> list[tuple]:
    return store.con.execute(sql).fetchall()


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every user table, sorted, without the columns that record when something was written."""
    out = {}
    for table in USER_TABLES:
        cols = [
            r[0]
            for r in rows(store, f"SELECT column_name FROM duckdb_columns() WHERE table_name = '{table}'")
            if r[0] not in ("ingested_at", "date_added", "failed_at")
        ]
        quoted = ", ".join(f'"{c}"' for c in cols)
        out[table] = rows(store, f"SELECT {quoted} FROM {table} ORDER BY ALL")
    return out


def test_tables_and_keys_are_created(db):
    with Store(db) as store:
        tables = {r[0] for r in rows(store, "SELECT table_name FROM duckdb_tables()")}
        assert set(USER_TABLES) <= tables
        for table, key in PRIMARY_KEYS.items():
            cols = {r[0] for r in rows(store, f"SELECT column_name FROM duckdb_columns() WHERE table_name = '{table}'")}
            assert set(key) <= cols, table
        assert store.meta()["schema_version"] == "3"


def test_articles_and_their_parts_are_stored_with_joinable_keys(db):
    with Store(db) as store:
        result = store.add_articles([synth.make_article("a1")])
        assert result.new == 1
        counts = store.counts()
        assert counts["articles"] == 1 and counts["entities"] == 4 and counts["quotes"] == 1
        assert counts["event_mentions"] == 1 and counts["events"] == 1
        # Mentions point into the body by offsets.
        for text, start, end, body in rows(
            store,
            "SELECT m.text, m.char_start, m.char_end, a.body FROM mentions m JOIN articles a ON a.key = m.article_key",
        ):
            assert body[start:end] == text
        # Quote speaker joins to an entity of the same article.
        assert rows(
            store,
            "SELECT e.name FROM quotes q JOIN entities e ON e.article_key = q.article_key AND e.entity_id = q.speaker_id",
        ) == [("Arif Wicaksana",)]
        (outlet, day, n_sent) = rows(store, "SELECT outlet, date, n_sentences FROM articles")[0]
        assert outlet == "example.id" and str(day) == "2023-03-06" and n_sent == 8
        # The event's evidence is the lead sentence, sentence 1, so it is a root event.
        ev = rows(store, "SELECT evidence, sentence FROM event_mentions")[0]
        assert ev[0].startswith("Menteri Luar Negeri Arif") and ev[1] == 1
        assert rows(store, "SELECT is_root, base_code, root, quad_class FROM events") == [(True, "042", "04", 1)]


def test_same_content_twice_changes_nothing(db):
    with Store(db) as store:
        store.add_articles([synth.make_article("a1"), synth.make_article("a2")])
        before = snapshot(store)
        again = store.add_articles([synth.make_article("a1"), synth.make_article("a2")])
        assert again.new == 0 and again.replaced == 0 and again.unchanged == 2
        assert snapshot(store) == before


def test_changed_article_replaces_its_old_rows(db):
    with Store(db) as store:
        store.add_articles([synth.make_article("a1")])
        changed = synth.make_article("a1", filler=synth.FILLER[:2], with_default_event=False)
        result = store.add_articles([changed])
        assert result.replaced == 1 and result.new == 0
        assert rows(store, "SELECT count(*) FROM articles") == [(1,)]
        assert rows(store, "SELECT n_sentences FROM articles") == [(4,)]
        # Old event is gone with its only mention.
        assert rows(store, "SELECT count(*) FROM event_mentions") == [(0,)]
        assert rows(store, "SELECT count(*) FROM events") == [(0,)]
        # No leftovers of the old version in any per-article table.
        for table in ("entities", "mentions", "quotes"):
            n = rows(store, f"SELECT count(*) FROM (SELECT DISTINCT * FROM {table})")[0][0]
            assert n == rows(store, f"SELECT count(*) FROM {table}")[0][0]


def test_same_url_under_a_new_id_replaces_the_old_article(db):
    with Store(db) as store:
        store.add_articles([synth.make_article("old-id", url="https://x.example.id/berita/1")])
        store.add_articles([synth.make_article("new-id", url="https://x.example.id/berita/1", filler=[])])
        # The URL is the document key: the same article, changed.
        assert rows(store, "SELECT key, id FROM articles") == [("https://x.example.id/berita/1", "new-id")]
        assert rows(store, "SELECT DISTINCT article_key FROM entities") == [("https://x.example.id/berita/1",)]


def test_same_url_twice_in_one_batch_keeps_the_last_as_across_batches(tmp_path):
    first = synth.make_article("first", url="https://x.example.id/berita/9")
    second = synth.make_article("second", url="https://x.example.id/berita/9", filler=[])
    one, two = Store(str(tmp_path / "one.duckdb")), Store(str(tmp_path / "two.duckdb"))
    one.add_articles([first, second])
    two.add_articles([first])
    two.add_articles([second])
    assert rows(one, "SELECT id FROM articles") == [("second",)]
    assert snapshot(one) == snapshot(two)
    one.close()
    two.close()


def test_one_event_told_by_several_articles_is_one_event_with_counts(db):
    with Store(db) as store:
        articles = [
            synth.make_article("a1", url="https://kabarsatu.example.id/1", published="2023-03-06T09:00:00+07:00"),
            synth.make_article("a2", url="https://beritadua.example.co.id/2", published="2023-03-06T08:00:00+07:00"),
            synth.make_article("a3", url="https://news.kabarsatu.example.id/3", published="2023-03-06T11:00:00+07:00"),
        ]
        # The third article tells it twice (lead and a later sentence: two spans).
        articles[2].events[0].mentions.append(articles[2].events[0].evidence)
        store.add_articles(articles)
        (event,) = rows(
            store, "SELECT num_articles, num_sources, num_mentions, first_article_id, source_url FROM events"
        )
        # Two outlets: kabarsatu.example.id (a1, a3) and beritadua.example.co.id (a2); a2 came first.
        assert event == (3, 2, 4, "a2", "https://beritadua.example.co.id/2")
        assert rows(store, "SELECT count(DISTINCT event_id), count(*) FROM event_mentions") == [(1, 3)]


def test_different_mode_day_or_dyad_are_different_events(db):
    with Store(db) as store:
        lead = synth.LEAD
        idn = synth.actor("e1", "Arif Wicaksana", "IDNGOV", "IDN")
        mys = synth.actor("e2", "Ahmad Rahimi", "MYSGOV", "MYS")
        store.add_articles(
            [
                synth.make_article("a1"),
                synth.make_article("a2", events=[lambda b: synth.make_event(b, lead, source=idn, target=mys, mode="negated", factual=False)], with_default_event=False),  # noqa: E501
                synth.make_article("a3", events=[lambda b: synth.make_event(b, lead, source=idn, target=mys, date="2023-03-07")], with_default_event=False),  # noqa: E501
                synth.make_article("a4", events=[lambda b: synth.make_event(b, lead, source=mys, target=idn)], with_default_event=False),  # noqa: E501
                synth.make_article("a5", events=[lambda b: synth.make_event(b, lead, source=idn, target=mys, code="043")], with_default_event=False),  # noqa: E501
            ]
        )
        # a5 (043, same root 04) joins a1's event; the others are their own.
        assert rows(store, "SELECT count(*) FROM events") == [(4,)]
        assert rows(store, "SELECT num_articles FROM events ORDER BY num_articles DESC LIMIT 1") == [(2,)]
        # The joint event shows a code its mentions use, chosen the same way every time.
        assert rows(store, "SELECT code FROM events WHERE num_articles = 2") == [("042",)]


def test_events_without_date_or_actors_are_not_merged_across_articles(db):
    with Store(db) as store:
        lead = synth.LEAD
        store.add_articles(
            [
                synth.make_article(f"a{i}", events=[lambda b: synth.make_event(b, lead, date=None, place=None)],
                                   with_default_event=False, published="")  # fmt: skip
                for i in range(3)
            ]
        )
        assert rows(store, "SELECT count(*) FROM events") == [(3,)]


def test_events_do_not_depend_on_batches_or_order(tmp_path):
    articles = [synth.make_article(f"a{i}", url=f"https://outlet{i % 2}.example/{i}",
                                   published=f"2023-03-06T0{i}:00:00+07:00") for i in range(6)]  # fmt: skip
    a = Store(str(tmp_path / "a.duckdb"))
    a.add_articles(articles)
    b = Store(str(tmp_path / "b.duckdb"))
    for art in reversed(articles):
        b.add_articles([art])
    assert snapshot(a) == snapshot(b)
    assert rows(a, "SELECT num_articles, num_sources, first_article_id FROM events") == [(6, 2, "a0")]
    a.close()
    b.close()


def test_a_failed_batch_leaves_nothing_behind(db, monkeypatch):
    with Store(db) as store:
        store.add_articles([synth.make_article("a1")])
        before = snapshot(store)

        def boom(*args, **kwargs):
            raise RuntimeError("disk full")

        # The last step of a write (merging events) fails, after every row was inserted.
        monkeypatch.setattr("kabar.store.db.refresh_events", boom)
        with pytest.raises(RuntimeError):
            store.add_articles([synth.make_article("a2"), synth.make_article("a1", filler=[])])
        assert snapshot(store) == before
        monkeypatch.undo()
        # The store still works, and the near-duplicate index was rebuilt from the database.
        result = store.add_articles([synth.make_article("a2")])
        assert result.new == 1 and result.duplicates == 1


def test_failures_are_recorded_replaced_and_cleared(db):
    with Store(db) as store:
        store.record_failures([("in.jsonl:3", "not valid JSON"), ("in.jsonl:3", "still not valid")])
        assert rows(store, "SELECT source, error FROM failures") == [("in.jsonl:3", "still not valid")]
        store.record_failures([("in.jsonl:3", "empty input")])
        assert rows(store, "SELECT error FROM failures") == [("empty input",)]
        # When the input is stored, its failure goes.
        from kabar.store import StoreItem

        store.write_batch([StoreItem(synth.make_article("a1"), None, "in.jsonl:3")])
        assert rows(store, "SELECT count(*) FROM failures") == [(0,)]


def test_read_only_store_refuses_writes_and_missing_database_is_explained(db, tmp_path):
    Store(db).close()
    with Store(db, read_only=True) as store:
        with pytest.raises(StoreError):
            store.add_articles([synth.make_article("a1")])
    with pytest.raises(StoreError, match="no kabar database"):
        Store(str(tmp_path / "nothing.duckdb"), read_only=True)
    (tmp_path / "junk.duckdb").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        Store(str(tmp_path / "junk.duckdb"))


def test_default_database_path_follows_kabar_db(monkeypatch, tmp_path):
    from kabar.store import default_db_path

    monkeypatch.delenv("KABAR_DB", raising=False)
    assert default_db_path() == "kabar.duckdb"
    monkeypatch.setenv("KABAR_DB", str(tmp_path / "x.duckdb"))
    assert default_db_path() == str(tmp_path / "x.duckdb")


def test_delete_articles_removes_everything_about_them(db):
    with Store(db) as store:
        store.add_articles([synth.make_article("a1"), synth.make_article("a2", url="https://other.example.id/2")])
        assert store.delete_articles(["https://kabarsatu.example.id/a1"]) == 1
        for table in ("articles", "entities", "mentions", "quotes", "event_mentions"):
            col = "key" if table == "articles" else "article_key"
            assert rows(store, f"SELECT DISTINCT {col} FROM {table}") == [("https://other.example.id/2",)], table
        assert rows(store, "SELECT num_articles, first_article_id FROM events") == [(1, "a2")]
        assert rows(store, "SELECT count(*) FROM duplicates") == [(0,)]


def test_helpers():
    assert outlet_of("https://regional.kompas.com/read/1") == "kompas.com"
    assert outlet_of("https://www.detik.com/x") == "detik.com"
    assert outlet_of("https://news.example.co.id/a") == "example.co.id"
    assert outlet_of(None) is None
    art = synth.make_article("a1")
    ev = art.events[0]
    assert event_key(ev, None, "a1").startswith("#a1|")  # no date: this article's own event


# -- spans outside the body ------------------------------------------------------------------------


def test_mentions_and_event_spans_in_captions_and_the_title_point_into_them(db):
    art = synth.make_article(
        "a1",
        events=[],
        with_default_event=False,
    )
    caption, title = art.captions[0], art.title
    # An entity seen only in the caption, and one mentioned in the title as well as the body.
    ci = caption.index("menteri")
    art.entities.append(Entity(
        id="e5", name="menteri", type="PER", mentions=[Mention(text="menteri", start=ci, end=ci + 7, where="captions[0]")]
    ))  # fmt: skip
    ti = title.index("Malaysia")
    art.entities[3].mentions.append(Mention(text="Malaysia", start=ti, end=ti + 8, where="title"))
    art.events = [
        synth.make_event(
            art.body, synth.LEAD, source=synth.actor("e1", "Arif Wicaksana", "IDNGOV", "IDN"),
            target=synth.actor("e2", "Ahmad Rahimi", "MYSGOV", "MYS"),
            also_in=[("title", title), ("captions[0]", caption)],
        )
    ]  # fmt: skip
    with Store(db) as store:
        store.add_articles([art])
        found = rows(
            store,
            """SELECT m.entity_id, m.part, m.text, m.sentence,
                      CASE WHEN m.part = 'body' THEN a.body[m.char_start + 1 : m.char_end]
                           WHEN m.part = 'title' THEN a.title[m.char_start + 1 : m.char_end]
                           ELSE a.captions[CAST(regexp_extract(m.part, '\\d+') AS INTEGER) + 1]
                                [m.char_start + 1 : m.char_end] END AS at
               FROM mentions m JOIN articles a ON a.key = m.article_key
               WHERE m.part <> 'body' ORDER BY m.entity_id""",
        )
        assert found == [("e4", "title", "Malaysia", None, "Malaysia"), ("e5", "captions[0]", "menteri", None, "menteri")]
        assert rows(store, "SELECT n_mentions FROM entities WHERE entity_id = 'e5'") == [(1,)]
        (spans, n_spans, part, sentence) = rows(store, "SELECT spans, n_spans, part, sentence FROM event_mentions")[0]
        assert (n_spans, part, sentence) == (3, "body", 1)
        assert [(s["part"], s["sentence"], s["char_start"]) for s in spans] == [
            ("body", 1, 0), ("title", None, 0), ("captions[0]", None, 0),
        ]  # fmt: skip
        # Three spans, one article: NumMentions 3; only the body span makes it a lead event.
        assert rows(store, "SELECT num_mentions, is_root FROM events") == [(3, True)]


def test_an_event_told_only_in_a_caption_has_no_body_sentence(db):
    art = synth.make_article("a1", with_default_event=False)
    caption = art.captions[0]
    ev = synth.make_event(art.body, synth.LEAD, source=synth.actor("e1", "Arif Wicaksana", "IDNGOV", "IDN"))
    ev.evidence = type(ev.evidence)(text=caption, start=0, end=len(caption), where="captions[0]")
    ev.mentions = [ev.evidence]
    art.events = [ev]
    with Store(db) as store:
        store.add_articles([art])
        assert rows(store, "SELECT part, sentence, evidence FROM event_mentions") == [("captions[0]", None, caption)]
        assert rows(store, "SELECT is_root, evidence FROM events") == [(False, caption)]


# -- symmetric events -------------------------------------------------------------------------------


def test_a_symmetric_event_is_one_event_whichever_side_is_named_first(db):
    idn = synth.actor("e1", "Arif Wicaksana", "IDNGOV", "IDN")
    mys = synth.actor("e2", "Ahmad Rahimi", "MYSGOV", "MYS")
    lead = synth.LEAD

    def meet(source, target, symmetric=True):
        return lambda b: synth.make_event(b, lead, code="040", source=source, target=target, symmetric=symmetric)

    with Store(db) as store:
        store.add_articles(
            [
                synth.make_article("a1", events=[meet(idn, mys)], with_default_event=False),
                synth.make_article("a2", events=[meet(mys, idn)], with_default_event=False),
                # A one-way event of the same root between the same sides stays its own.
                synth.make_article("a3", events=[meet(mys, idn, symmetric=False)], with_default_event=False),
            ]
        )
        assert rows(store, "SELECT num_articles, is_symmetric FROM events ORDER BY num_articles DESC") == [
            (2, True), (1, False),
        ]  # fmt: skip
        (key,) = rows(store, "SELECT event_key FROM events WHERE is_symmetric")[0]
        assert key.endswith("|symmetric") and "|IDNGOV|MYSGOV|" in key
        # The event shows the sides as its earliest article names them.
        assert rows(store, "SELECT source_code, target_code FROM events WHERE is_symmetric") == [("IDNGOV", "MYSGOV")]
