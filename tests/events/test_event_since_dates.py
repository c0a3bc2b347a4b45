"""'sejak <month>' with no year: the start of a state lasting until publication, the latest such
month (this one included). An act standing since months ago is no news; the state of a noun in a
relative clause after the event's word does not date the event; a record ('tertinggi sejak Mei')
dates no state. Invented sentences."""

from __future__ import annotations

import datetime as dt

from eventdocs import PUBLISHED, run  # noqa: F401 - the shared fixtures

from kabar.events.dates import find_dates


def test_a_bare_month_after_sejak_is_the_latest_such_month():
    found = [(x.date, x.since) for x in find_dates("Ia ditahan sejak Desember.", "2024-03-20")]
    assert found == [(dt.date(2023, 12, 1), True)]
    found = [x.date for x in find_dates("Ia ditahan sejak Maret.", "2024-03-20")]
    assert found == [dt.date(2024, 3, 1)]


def test_a_record_since_a_month_dates_nothing():
    assert find_dates("Harga kopi naik ke level tertinggi sejak Januari.", "2024-03-20") == []


def test_an_act_standing_since_months_ago_is_background(run):
    body = "Polda Jawa Timur menahan Agus Salim sejak Desember atas tuduhan korupsi."
    assert not [e for e in run(body) if e[0].startswith("17")]


def test_an_act_since_this_month_stays_reported(run):
    body = "Polda Jawa Timur menahan Agus Salim sejak Maret atas tuduhan korupsi."
    assert [e for e in run(body) if e[0].startswith("17")]


def test_a_state_in_a_relative_clause_does_not_date_the_act(run):
    body = "Malaysia menuduh China melanggar perjanjian yang berlaku sejak Desember, kata Ahmad Rahman."
    assert ("112", "MYS", "CHN") in run(body)
