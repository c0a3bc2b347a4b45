"""Sports stories tell no political events in their sentences on play (a national team hosting
another, a player losing a match), and an act recalled is a memory, not news (hand checks of issue
11: 'Indonesia menjamu Malaysia ... sebelum pertandingan' coded as a state visit hosted, every
'menyerah' in 1,500 corpus articles a lost match)."""

from __future__ import annotations

from eventdocs import factual_events, segmenter, stage  # noqa: F401 - the shared fixtures

PUBLISHED = "2024-03-20T09:00:00+07:00"
SPORTS_LEAD = "Timnas Indonesia kalah 1-2 dalam laga kualifikasi Piala Dunia di stadion itu."


def test_a_team_hosting_a_match_is_no_visit(stage, segmenter):
    body = f"{SPORTS_LEAD} Pekan lalu Indonesia menjamu Malaysia beberapa jam sebelum pertandingan."
    assert factual_events(stage, segmenter, body, PUBLISHED) == []


def test_losing_a_match_is_no_surrender(stage, segmenter):
    body = "Budi Santoso menyerah dengan skor 1-2 dari Ahmad Rahman."
    assert factual_events(stage, segmenter, body, PUBLISHED) == []


def test_giving_up_a_task_is_no_surrender(stage, segmenter):
    body = "Budi Santoso menyerah untuk menaklukkan motor barunya."
    assert factual_events(stage, segmenter, body, PUBLISHED) == []


def test_praise_on_the_field_in_a_sports_story_is_no_event(stage, segmenter):
    body = f"{SPORTS_LEAD} Pelatih Malaysia memuji Indonesia usai pertandingan."
    assert factual_events(stage, segmenter, body, PUBLISHED) == []


def test_a_state_side_keeps_its_event_in_a_sports_story(stage, segmenter):
    # the president seeing the team off is the state's act
    body = f"{SPORTS_LEAD} Presiden Bambang Wijaya memuji timnas Malaysia usai pertandingan."
    assert ("051", "IDNGOV", "MYS") in factual_events(stage, segmenter, body, PUBLISHED)


def test_a_sentence_without_sport_words_keeps_its_event_in_a_sports_story(stage, segmenter):
    body = f"{SPORTS_LEAD} Sementara itu, Malaysia mengkritik Indonesia soal kabut asap."
    assert ("111", "MYS", "IDN") in factual_events(stage, segmenter, body, PUBLISHED)


def test_one_sport_word_makes_no_sports_story(stage, segmenter):
    body = "Malaysia memuji Indonesia atas penyelenggaraan turnamen perdamaian itu."
    assert ("051", "MYS", "IDN") in factual_events(stage, segmenter, body, PUBLISHED)


def test_an_act_recalled_is_no_news(stage, segmenter):
    told = "Ahmad Rahman menceritakan bahwa Malaysia bekerja sama dengan Indonesia dalam proyek itu."
    assert factual_events(stage, segmenter, told, PUBLISHED) == []
    now = "Malaysia bekerja sama dengan Indonesia dalam proyek itu."
    assert factual_events(stage, segmenter, now, PUBLISHED) != []


def test_a_player_at_home_ground_in_a_sports_story_is_no_event(stage, segmenter):
    body = f"{SPORTS_LEAD} Bermain di kandang sendiri, Agus Salim optimistis kemenangan bisa diraih."
    assert factual_events(stage, segmenter, body, PUBLISHED) == []
