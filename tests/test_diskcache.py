import marshal

from kabar import diskcache, geo
from kabar.diskcache import cache_dir, load_or_build


def test_a_table_is_built_once_then_loaded(tmp_path, monkeypatch):
    monkeypatch.setenv("KABAR_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"moskow": [(12_000_000, "Moscow", 55.75, 37.62, "RU")]}

    first = load_or_build("cities-test-v1", build)
    second = load_or_build("cities-test-v1", build)
    assert first == second == {"moskow": [(12_000_000, "Moscow", 55.75, 37.62, "RU")]}
    assert len(calls) == 1
    assert [p.name for p in tmp_path.iterdir()] == [diskcache._path("cities-test-v1").name]


def test_another_key_is_another_table(tmp_path, monkeypatch):
    monkeypatch.setenv("KABAR_CACHE_DIR", str(tmp_path))
    assert load_or_build("t-v1", lambda: [1]) == [1]
    assert load_or_build("t-v2", lambda: [2]) == [2]


def test_a_damaged_file_is_rebuilt_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("KABAR_CACHE_DIR", str(tmp_path))
    path = diskcache._path("t-v1")
    path.write_bytes(b"\x00not marshal")
    assert load_or_build("t-v1", lambda: {"a": 1}) == {"a": 1}
    assert marshal.loads(path.read_bytes()) == {"a": 1}


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("KABAR_CACHE_DIR", "off")
    assert cache_dir() is None
    monkeypatch.chdir(tmp_path)
    assert load_or_build("t-v1", lambda: [3]) == [3]
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_still_gives_the_table(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("KABAR_CACHE_DIR", str(blocked / "kabar"))
    assert load_or_build("t-v1", lambda: [4]) == [4]
    assert blocked.read_text() == "x"


def test_the_default_folder_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv("KABAR_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "kabar"


def test_cities_from_the_cache_are_the_cities_built(tmp_path, monkeypatch):
    monkeypatch.setenv("KABAR_CACHE_DIR", str(tmp_path))
    built = geo._build_city_index()
    geo._city_index.cache_clear()
    try:
        assert geo._city_index() == built  # built and saved
        geo._city_index.cache_clear()
        assert geo._city_index() == built  # loaded
        assert geo.big_cities(1_000_000) == geo.big_cities(1_000_000)
        assert any(c.name == "Jakarta" and c.country == "IDN" for c in geo.big_cities(1_000_000))
    finally:
        geo._city_index.cache_clear()
