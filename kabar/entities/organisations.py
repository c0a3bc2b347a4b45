"""Organisations named by a head word from roles.tsv: "Angkatan Bersenjata Iran",
"Institut CIS Rusia", "Kementerian Luar Negeri", "Yayasan Lestari Hutan"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import compress

from kabar.entities.codes import split_code
from kabar.entities.knowledge import Knowledge, RoleWord, abbreviates, is_acronym
from kabar.entities.text import Candidate, EntityText, HeadHit, TitleHit, short_form_at

YEAR = re.compile(r"(1[89]|20)\d\d")
MAX_NAME_WORDS = 8


@dataclass
class OrgName:
    """An organisation's name as it grows word by word after its head."""

    end: int  # token after the last good word
    country: str | None
    anchors: list[int] = field(default_factory=list)  # ends of acronyms and places inside it
    parent: Candidate | None = None  # the first known organisation inside it ("DPR" in "Komisi Hukum DPR")


class OrganisationRules:
    def __init__(self, kb: Knowledge):
        self.kb = kb
        # association words that start a proper name, with no role of their own ("Himpunan Aktivis ...")
        self.associations = {
            kb.key(w): RoleWord(w, None, True, True, None) for w in kb.cues.association_heads if kb.key(w)
        }
        self.association_max = max((len(k) for k in self.associations), default=0)
        self.association_first = {k[0] for k in self.associations}

    def candidates(self, t: EntityText, gaz_end: Mapping[int, Candidate]) -> list[Candidate]:
        out = []
        for i, (end, rw) in t.heads.items():
            if (
                t.initial[i]
                and t.key(i, end) in self.kb.lowercase_role_words
                and (rw.descriptor or not t.capitalised_word(end))
                and not (rw.descriptor and _domain_then_place(t, end, gaz_end))
            ):
                continue  # "Pemerintah ..." at a sentence start is the common noun
            if any(s < i < hit.end for s, hit in t.gaz.items()):
                continue  # "Setara Institute Hendardi": a head word inside a known name starts none
            org = self.candidate(t, i, HeadHit(end, rw), gaz_end)
            if org is not None:
                out.append(org)
        for i in [i for i in compress(range(t.n), t.cap) if t.folded[i] in self.association_first]:
            if i not in t.heads and not t.initial[i]:
                hit = t.lookup(self.associations, self.association_max, i)
                org = self.candidate(t, i, HeadHit(*hit), gaz_end) if hit is not None else None
                if org is not None:
                    out.append(org)
        out.extend(self.company_names(t, gaz_end))
        return out

    def company_names(self, t: EntityText, gaz_end: Mapping[int, Candidate]) -> list[Candidate]:
        """ "Musim Mas Group", "Multicom Investment, Pte, Ltd": the capitalised words before a company
        form are a company's name with no other cue (forms after a comma are left out of it)."""
        words, out = self.kb.words, []
        forms = [x for x in compress(range(t.n), t.cap) if x >= 1 and t.folded[x] in words.company_forms]
        last_end = 0
        for x in forms:
            end = x + 1
            if t.capitalised_word(end) and t.folded[end] not in words.company_forms:
                continue  # "Focus Group Discussion": the run goes on, the form word is not one here
            while x > 0 and t.words[x - 1] == "," and x > 1 and t.folded[x - 2] in words.company_forms:
                x -= 2  # "Pte, Ltd": a chain of forms
            if x > 0 and t.words[x - 1] == ",":
                end, x = x - 1, x - 1  # "Investment, Pte": the name ends before the comma
            k = x
            while (
                k > last_end
                and t.capitalised_word(k - 1)
                and not self._office_title_at(t, k - 1)
                and (k - 1) not in gaz_end
            ):
                k -= 1
            while k < x and (
                t.folded[k] in words.function_words or (t.initial[k] and self.kb.is_common(t.folded[k]))
            ):
                k += 1  # "Ada Wilmar Group": a sentence's first word is not the name's ("Musim Mas" is)
            if t.key(k, x) and any(not is_acronym(t.words[y]) or len(t.words[y]) > 1 for y in range(k, x)):
                out.append(Candidate(k, end, "ORG", "rule", name=t.span(k, end), proper=True))
                last_end = end
        return out

    def candidate(
        self, t: EntityText, i: int, head: HeadHit, gaz_end: Mapping[int, Candidate]
    ) -> Candidate | None:
        end, rw = head
        name = self._grow(t, i, end, rw, gaz_end)
        cut = name.end if self._short_form_inside(t, i, name.end) else -1
        if cut >= 0:  # "Direktorat Jenderal (Ditjen) Pajak": the name goes on past its short form
            rest = self._after_short_form(t, cut + 3, rw, gaz_end)
            if rest is None:
                cut = -1
            else:
                name = rest
        j = self._without_person_after_anchor(t, name, end)
        # the office may end before the organisation's name or before its own short form in brackets
        # ("Sekretaris Jenderal (Sekjen) Partai Demokrat X")
        before = i - 3 if i >= 3 and t.words[i - 1] == ")" and t.words[i - 3] == "(" else i
        titled = any(v.end in (i, before) for v in t.cap_titles.values()) or any(
            v.end in (i, before) and v.title.kind == "office" for v in t.titles.values()
        )  # ("juru bicara Kementerian Luar Negeri Teuku Faizasyah": a lower-case office too)
        if titled and j - end >= 3:
            j = self._without_person_after_title(t, end, j)
        if j == end and not (
            rw.proper and is_acronym(t.span(i, end)) and end - i == 1 and len(t.words[i]) > 2
        ):
            return None  # a lone head word is no name ("RS" alone is any hospital)
        known = gaz_end.get(i)
        if known is not None and known.actor is not None and known.j >= end:
            return None  # the knowledge base names it: "Universitas Indonesia", not a head + a country
        role, country = rw.role, name.country
        parent = name.parent
        if (
            parent is not None
            and parent.actor is not None
            and (parent.i, parent.j) == (end, j)
            and t.key(i, end) in self.kb.words.bodies_of_any_institution
        ):
            return None  # "rapat kerja Komisi DPR": an unnamed body of it, the institution is the mention
        if parent is not None and parent.actor is not None and (parent.i, parent.j) == (end, j):
            parent_role = split_code(parent.actor.code)[1] if parent.actor.code else None
            lowercase_head = not all(t.cap[x] for x in range(i, end))
            if rw.role is not None and rw.role == parent_role and lowercase_head:
                # the head only says what it is: "kantor berita Fars" is the known agency Fars
                # ("Komisi III DPR" is a body of the DPR, not the DPR)
                return Candidate(i, j, parent.label, "kb", name=t.span(i, j), actor=parent.actor, name_i=i)
        if parent is not None and parent.actor is not None and parent.actor.country:
            # a body of a known institution: "Komisi Hukum DPR" is the DPR's (LEG), "Dewan Pengawas KPK"
            country = country or parent.actor.country
            if t.key(i, end) in self.kb.words.bodies_of_any_institution and parent.actor.code:
                role = split_code(parent.actor.code)[1] or role
        text = f"{t.span(i, cut)} {t.span(cut + 3, j)}" if cut >= 0 and j > cut + 3 else t.span(i, j)
        return Candidate(i, j, "ORG", "rule", name=text, role=role, country=country, proper=rw.proper)

    def _after_short_form(
        self, t: EntityText, k: int, rw: RoleWord, gaz_end: Mapping[int, Candidate]
    ) -> OrgName | None:
        """The rest of a name after its short form in brackets: common words ("Imigrasi", "Pajak"),
        acronyms, known bodies and places ("Pemerintah Kabupaten (Pemkab) Dharmasraya"); not a
        person's name ("Kementerian Keuangan (Kemenkeu) Nufransa Wira Sakti"), nor a country alone
        (the short form named the whole body: "Kamar Dagang dan Industri (Kadin) Indonesia")."""
        kb = self.kb
        name = OrgName(k, rw.country)
        j, words = k, 0
        place = (t.folded[k - 4],) in kb.words.admin_before  # "Kabupaten (Pemkab) X": X is a place
        while j < t.n and words < MAX_NAME_WORDS:
            g = gaz_end.get(j)
            if g is not None:
                if g.label == "PER" or (g.iso3 and j == k):
                    break
                if g.iso3 or (g.place is not None and g.label == "GPE"):
                    name.country, name.end = g.country or name.country, g.j
                    break
                name.parent = name.parent or g
                j = name.end = g.j
            elif t.capitalised_word(j) and (
                place or is_acronym(t.words[j]) or kb.is_dictionary_word(t.folded[j])
            ):
                j = name.end = j + 1
            elif t.folded[j] in kb.words.connectors and t.capitalised_word(j + 1) and j > k:
                j += 1
            else:
                break
            words += 1
        return name if name.end > k else None

    def _short_form_inside(self, t: EntityText, i: int, k: int) -> bool:
        """ "Direktorat Jenderal (Ditjen) Pajak": the name's words so far, then their short form in
        brackets (a clipped one: an acronym in capitals names the whole body), then a capital."""
        short = short_form_at(t, k)
        if short is None or is_acronym(t.words[k + 1]):
            return False
        words = [t.folded[x] for x in range(i, k) if t.is_word[x]]
        return abbreviates(short, words, self.kb.words.connectors)

    def _grow(
        self, t: EntityText, i: int, end: int, rw: RoleWord, gaz_end: Mapping[int, Candidate]
    ) -> OrgName:
        """The capitalised words, connectors, acronyms, places and a country after the head."""
        kb = self.kb
        titles: Mapping[int, TitleHit] = t.cap_titles
        name = OrgName(end, rw.country)
        if is_acronym(t.span(i, end)):
            name.anchors.append(end)  # "MPR Zulkifli Hasan": the person is not part of the MPR
        j, count = end, 0
        while j < t.n and count < MAX_NAME_WORDS:
            if j in titles and j not in gaz_end and rw.role != "BUS" and not (rw.proper and j == end):
                # (a company name may hold a title word: "PT Gunung Raja Paksi"; so may a proper
                # name right after its head: "Himpunan Aktivis Indonesia", "Ikatan Dokter Indonesia")
                break
            if YEAR.fullmatch(t.words[j]):
                break  # "MPR 2014", "Liga Europa 2019"
            if rw.descriptor and self._common_after_descriptor(t, j, gaz_end):
                break  # "Polisi Nomor ...": a common noun after a descriptor ends it
            g = gaz_end.get(j)
            if g is not None:
                if g.label == "PER" and not (j == end and rw.role == "EDU" and rw.proper):
                    break  # ("Universitas Airlangga", "Universitas Diponegoro": schools bear people's names)
                if g.iso3 or (g.place is not None and g.label == "GPE"):
                    if t.key(i, end) in kb.words.missions_abroad:
                        name.country = name.country or g.country  # "KBRI Kuala Lumpur": posted there
                    else:
                        name.country = g.country or name.country
                    name.end = g.j
                    name.anchors.append(g.j)  # "PT X Y Papua": a name ending in a place is no person's
                    break
                j = name.end = g.j
                name.anchors.append(j)
                name.parent = name.parent or g
                count += 1
                continue
            w = t.words[j]
            inner = t.folded[j] in kb.words.function_words and self._name_goes_on(t, j + 1, gaz_end)
            if (
                t.is_word[j]
                and (t.cap[j] or w[:1].isdigit())
                and (t.folded[j] not in kb.words.function_words or inner)
            ):
                j += 1
                name.end = j
                if is_acronym(w):
                    name.anchors.append(j)
            elif (t.folded[j] in kb.words.connectors or w == "-") and t.capitalised_word(j + 1):
                if j + 1 in t.heads and w != "-":
                    break  # another body's name starts: "Kementerian Luar Negeri dan KBRI Australia"
                j += 1
            else:
                break
            count += 1
        return name

    @staticmethod
    def _office_title_at(t: EntityText, k: int) -> bool:
        """Token k is part of an office or a rank ("Direktur Utama Lippo Group"); an honorific may
        be a company's word ("Musim Mas Group")."""
        if k not in t.title_tokens:
            return False
        return any(i <= k < hit.end and hit.title.kind != "honorific" for i, hit in t.titles.items())

    @staticmethod
    def _name_goes_on(t: EntityText, j: int, gaz_end: Mapping[int, Candidate]) -> bool:
        """ "Dewan Tertinggi Pertahanan Nasional Rumania": a capitalised function word inside a
        name, with the name going on after it (a country or place, or a capitalised word)."""
        g = gaz_end.get(j)
        return (g is not None and g.label != "PER") or (t.capitalised_word(j) and j not in t.titles)

    def _common_after_descriptor(self, t: EntityText, j: int, gaz_end: Mapping[int, Candidate]) -> bool:
        return (
            t.is_word[j]
            and not t.words[j].isupper()
            and j not in gaz_end
            and self.kb.is_common(t.folded[j])
            and not _domain_then_place(t, j, gaz_end)
        )

    def _without_person_after_anchor(self, t: EntityText, name: OrgName, end: int) -> int:
        """ "Direktur Utama Bank DKI Herry Djufraini", "Komisi Hukum DPR Arsul Sani": a person's
        name after the organisation's acronym or place is not part of it."""
        j = name.end
        if name.anchors and name.anchors[-1] < j:
            rest = [x for x in range(name.anchors[-1], j) if t.is_word[x]]
            kb = self.kb
            # after the acronym of the body's institution only the given name must be no common
            # word: a surname may be one ("Komisi Hukum DPR Arsul Sani"); after the head itself
            # ("PT Piaggio Indonesia", "RSUD Rasidin Padang") every word must
            a = name.anchors[-1] - 1
            plain = rest[:1] if a >= end and is_acronym(t.words[a]) and len(t.words[a]) > 2 else rest
            if (
                len(rest) >= 2
                and all(t.cap[x] and t.lookup(kb.roles, kb.role_max, x) is None for x in rest)
                and not all(t.words[x].isupper() for x in rest)  # a headline in capitals
                and not any(kb.is_common(t.folded[x]) for x in plain)
            ):
                return name.anchors[-1]
        return j

    def _without_person_after_title(self, t: EntityText, end: int, j: int) -> int:
        """ "Anggota Fraksi Demokrat Erma Suryanik", "Presiden Komisi Eropa Jean-Claude Juncker":
        the last two name words (a hyphenated pair is one) are the person after the organisation."""
        x, units = j, 0
        while x > end + 1 and units < 2:
            if t.words[x - 1] == "-" or t.words[x - 2] == "-":
                x -= 1
                continue
            if not (t.is_word[x - 1] and t.cap[x - 1] and not self.kb.is_common(t.folded[x - 1])):
                break
            x -= 1
            units += 1
        return x if units == 2 and x > end else j


# capitalised words a descriptor's name may hold before the place that ends it
_DOMAIN_WORDS = 3


def _domain_then_place(t: EntityText, j: int, gaz_end: Mapping[int, Candidate]) -> bool:
    """ "Dinas Kesehatan Kabupaten Tasikmalaya", "Dinas Perhubungan Kota Bandung": after a
    descriptor, capitalised common words that a place ends (the office of a region), unlike
    "Polisi Nomor 3" or a sentence's next words."""
    if not (t.is_word[j] and t.cap[j]) or j in gaz_end:
        return False
    k = j
    while k < t.n and k - j <= _DOMAIN_WORDS:
        g = gaz_end.get(k)
        if g is not None:
            return g.label == "GPE" and k > j
        if not (t.is_word[k] and t.cap[k]):
            return False
        k += 1
    return False
