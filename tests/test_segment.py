from kabar.segment import split_sentences


def texts(body, pack):
    abbreviations = frozenset(pack.info.abbreviations)
    return [body[s.start : s.end] for s in split_sentences(body, abbreviations)]


def test_abbreviations_and_initials_do_not_end_sentences(pack):
    body = (
        "Mayjen. Bagheri tiba di Moskow. Ia bertemu Dr. Ali, Prof. Budi dll. di sana. "
        "Susilo B. Yudhoyono hadir. Rumahnya di Jl. Merdeka No. 5 Jakarta."
    )
    assert texts(body, pack) == [
        "Mayjen. Bagheri tiba di Moskow.",
        "Ia bertemu Dr. Ali, Prof. Budi dll. di sana.",
        "Susilo B. Yudhoyono hadir.",
        "Rumahnya di Jl. Merdeka No. 5 Jakarta.",
    ]


def test_quotes_questions_and_paragraphs(pack):
    body = "“Kami siap!” kata dia. Apakah itu benar? Ya.\n\nParagraf baru tanpa titik\nBaris lain."
    assert texts(body, pack) == [
        "“Kami siap!” kata dia.",
        "Apakah itu benar?",
        "Ya.",
        "Paragraf baru tanpa titik",
        "Baris lain.",
    ]


def test_decimal_numbers_and_lowercase_continuations(pack):
    body = "Inflasi 2.5 persen tercatat. Harga naik ... lalu turun lagi."
    assert texts(body, pack) == ["Inflasi 2.5 persen tercatat.", "Harga naik ... lalu turun lagi."]


def test_offsets_index_into_body_and_tokens_cover_it(foundation):
    article_text = "Presiden tiba di Jakarta. Menlu Retno Marsudi menyambutnya.\n\nDr. Ali hadir."
    pipeline = foundation
    doc = pipeline.make_document(article_text)
    pipeline.run(doc)
    body = doc.article.body
    assert [body[s.start : s.end] for s in doc.article.sentences] == [
        "Presiden tiba di Jakarta.",
        "Menlu Retno Marsudi menyambutnya.",
        "Dr. Ali hadir.",
    ]
    view = doc.view
    assert view.text == body
    # the tokens cover every non-space character of the body, in order, once
    assert "".join(t.text for t in view.tokens) == "".join(body.split())
    assert all(body[t.start : t.end] == t.text for t in view.tokens)
    assert all(a.end <= b.start for a, b in zip(view.tokens, view.tokens[1:]))
    assert [t.text for t in view.sentence_tokens(2)] == ["Dr", ".", "Ali", "hadir", "."]
    assert {t.sentence for t in view.tokens} == {0, 1, 2}
    assert view.token_at(body.index("Retno")) == next(i for i, t in enumerate(view.tokens) if t.text == "Retno")


def test_paragraphs_glued_with_a_comma_are_split(pack):
    body = 'Dua pelaku ditangkap di Riau.,Penangkapan dilakukan Senin malam.,"Kami terus memburu," kata polisi.'
    assert texts(body, pack) == [
        "Dua pelaku ditangkap di Riau.,",
        "Penangkapan dilakukan Senin malam.,",
        '"Kami terus memburu," kata polisi.',
    ]


def test_paragraphs_glued_with_several_commas_or_a_space_are_split(pack):
    body = "Dua pelaku ditangkap di Riau.,,Penangkapan dilakukan Senin.,\u00a0Polisi terus memburu."
    assert texts(body, pack) == [
        "Dua pelaku ditangkap di Riau.,,",
        "Penangkapan dilakukan Senin.,",
        "Polisi terus memburu.",
    ]
