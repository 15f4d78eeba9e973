"""PETRARCH/TABARI dictionary readers, the cache, and coding with a small dictionary folder."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from dyadline.compat.actors import read_actors, read_agents
from dyadline.compat.lists import read_discards, read_issues
from dyadline.compat.loader import cache_key, read_folder
from dyadline.compat.overlay import DictionaryOverlay
from dyadline.compat.tables import build_tables, cache_path, load_cached
from dyadline.compat.syntax import parse_code, parse_date
from dyadline.compat.translate import translate
from dyadline.compat.verbs import read_verbs

ACTORS = """\
<!-- a test actor dictionary -->
# comment line
GOLLUM  # pas 27 Apr 03
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]

ARNOR [ARN]
GONDOR [GON] # with a comment
+MINAS_TIRITH
U.N._
UNITED_NATIONS [IGOUNO]
ZIMBABWE
\t[RHO <790606]
\t[ZBW]
BROKEN [KORGOVBUS 2004017-20061201]
+ORPHAN
"""

AGENTS = """\
!PERSON! = MAN, MEN
CONGRESS!PERSON! [~LEG]
GOVERNMENT [~GOV]
POLICE {} [~COP]
MSF {} [NGO~]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
NO_CODE_HERE
"""

VERBS = """\
&TIETYPES
+MILITARY
+ECONOMIC

&CURRENCY
# a comment does not end a synset
+DOLLARS
+SWISS FRANCS

--- RESTORE  [064]  ---
RESTORE
- * &TIETYPES TIES [036]
- NOT * RELATIONS [112]
- * &CURRENCY [071]

--- MEET  [031:031]  ---
MEET {MET}
- * + IN DETENTION [---]

--- BREAK [1717] ---
BREAK { BROKE BROKEN }
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}

- * WITHOUT A CODE
--- BROKEN HEADER
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_dates_and_codes():
    assert parse_date("19950601") == 19950601
    assert parse_date("950601") == 19950601
    assert parse_date("070723") == 20070723
    assert parse_date("2004017") is None
    code, _ = parse_code("HOBGOV 19950601 - 19990815")
    assert code and code.code == "HOBGOV" and code.holds(19950601) and code.holds(19990815)
    assert not code.holds(19990816)
    code, _ = parse_code("HOB < 950601")
    assert code and code.holds(19950531) and not code.holds(19950601)
    assert parse_code("950601-990815")[0] is None
    assert parse_code("GBRGOV >201005011")[0] is None


def test_actor_reader_blocks_dates_and_warnings(tmp_path):
    warnings: list = []
    entries = read_actors(write(tmp_path, "test.actors.txt", ACTORS), warnings)
    by_name = {e.names[0]: e for e in entries}
    gollum = by_name[("gollum",)]
    assert ("smeagol",) in gollum.names
    assert gollum.code_on(19940101) == "HOB"
    assert gollum.code_on(19970101) == "HOBGOV"
    assert gollum.code_on(20010101) == "HOBREB"
    assert by_name[("gondor",)].names == (("gondor",), ("minas", "tirith"))
    # a name without a code of its own joins the next block
    un = by_name[("u", ".", "n", ".")]
    assert ("united", "nations") in un.names and un.code_on(None) == "IGOUNO"
    zimbabwe = by_name[("zimbabwe",)]
    assert zimbabwe.code_on(19781223) == "RHO" and zimbabwe.code_on(20010101) == "ZBW"
    assert zimbabwe.code_on(None) == "ZBW"
    messages = [str(w) for w in warnings]
    assert any("test.actors.txt:17: bad date range" in m for m in messages), messages
    assert any("has no code" in m for m in messages), messages


def test_agent_reader_macros_plurals_prefixes(tmp_path):
    warnings: list = []
    agents = {a.names[0]: a for a in read_agents(write(tmp_path, "test.agents.txt", AGENTS), warnings)}
    assert agents[("congressman",)].names == (("congressman",), ("congressmen",))
    assert agents[("government",)].names == (("government",), ("governments",))
    assert agents[("police",)].names == (("police",),)
    assert agents[("msf",)].prefix and agents[("msf",)].code == "NGO"
    assert ("attorneys", "general") in agents[("attorney", "general")].names
    assert [w.line for w in warnings] == [7]


def test_verb_reader_synsets_blocks_patterns(tmp_path):
    warnings: list = []
    verbs = read_verbs(write(tmp_path, "test.verbs.txt", VERBS), warnings)
    assert [len(m) for m in verbs.synsets["&CURRENCY"]] == [1, 2]
    names = [b.name for b in verbs.blocks]
    assert names[:3] == ["RESTORE", "MEET", "BREAK"]
    restore = verbs.blocks[0]
    assert [p.code for p in restore.patterns] == ["036", "112", "071"]
    assert [p.text for p in restore.patterns[1].before] == ["not"]
    brk = verbs.blocks[2]
    assert brk.verbs[1].words == ("break", "down") and brk.verbs[1].forms[0] == ("broke", "down")
    lines = sorted(w.line for w in warnings)
    assert 25 in lines  # the pattern without a code
    entries = translate(verbs, warnings)
    texts = {e.text: e for e in entries}
    ties = next(e for e in entries if "TIETYPES" in e.text)
    assert ties.pattern == (("restore",), ("*",), ("military", "economic"), ("*",), ("ties",))
    assert ties.cameo == "036"
    money = [e for e in entries if "&CURRENCY" in e.text]
    assert {e.pattern[-1] for e in money} >= {("dollars",), ("francs",)}
    negated = next(e for e in entries if "NOT * RELATIONS" in e.text)
    assert negated.before == (("not",), ("*",))
    meet = texts["MEET [031:031]"]
    assert meet.symmetric and "met" in meet.pattern[0]
    discard = next(e for e in entries if "DETENTION" in e.text)
    assert discard.discard and discard.pattern[1] == ("+",)
    # 1717 is not a CAMEO code: coded with its CAMEO prefix, reported once
    assert texts["BREAK [1717]"].cameo == "171"
    assert any("1717 is not a CAMEO code" in w.message for w in warnings)


def test_discards_and_issues(tmp_path):
    warnings: list = []
    discards = read_discards(write(tmp_path, "x.discards.txt", "# c\nHEART ATTACK\n+WORLD_GOLF_CHAMPIONSHIPS # c\n"),
                             warnings)
    assert [(d.words, d.story) for d in discards] == [(("heart", "attack"), False),
                                                     (("world", "golf", "championships"), True)]
    issues = read_issues(write(tmp_path, "x.issues.txt", '<ISSUE CATEGORY="EDU" TYPE="ALL">\nn:teacher [TEACHERS]\n'
                                                         'pre+k [EARLY]\n~a head start\nno code\n</ISSUE>\n'), warnings)
    assert ("teachers",) in issues[0].forms and issues[0].category == "EDU"
    assert ("pre", "-", "k") in issues[1].forms and ("pre", "k") in issues[1].forms
    assert issues[2].negative
    assert [w.line for w in warnings] == [5]


def make_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "dicts"
    folder.mkdir(parents=True)
    write(folder, "Test.actors.txt", ACTORS)
    write(folder, "Test.agents.txt", AGENTS)
    write(folder, "Test.verbs.txt", VERBS)
    write(folder, "Test.discards.txt", "HEART ATTACK\n+WORLD_GOLF_CHAMPIONSHIPS\n")
    return folder


def test_cache_is_used_and_invalidated_when_a_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = make_folder(tmp_path)
    first, cached = load_cached(folder)
    assert not cached and first.entries
    again, cached = load_cached(folder)
    assert cached and len(again.actor_rows) == len(first.actor_rows)
    # the cached tables code as the freshly built ones do
    assert [(e.pattern, e.cameo, e.target, e.text, e.length) for e in again.entries] == \
        [(e.pattern, e.cameo, e.target, e.text, e.length) for e in first.entries]
    assert again.actors.phrases == first.actors.phrases and again.agent_codes == first.agent_codes
    assert again.actor(again.actors.phrases[("smeagol",)]).code_on(19970501) == "HOBGOV"
    assert [str(w) for w in again.warnings] == [str(w) for w in first.warnings]
    key = cache_key(folder)
    old_cache = cache_path(folder)
    actors = folder / "Test.actors.txt"
    actors.write_text(ACTORS + "ROHAN [ROH]\n", encoding="utf-8")
    stat = actors.stat()
    os.utime(actors, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert cache_key(folder) != key
    changed, cached = load_cached(folder)
    assert not cached and len(changed.actor_rows) == len(first.actor_rows) + 1
    assert cache_path(folder).is_file() and not old_cache.exists()  # the stale cache is removed


def overlay_for(tmp_path: Path, **modes) -> DictionaryOverlay:
    found = read_folder(make_folder(tmp_path))
    return DictionaryOverlay(build_tables(found), **modes)


def test_mentions_compose_agents_dates_and_discards(tmp_path):
    from dyadline.text import segment

    overlay = overlay_for(tmp_path)
    text = ("Gondor's government met Smeagol. MSF Arnor police met the U.N. in Minas Tirith. "
            "A congressman of Gondor spoke. The us government met nobody. A heart attack hit Arnor.")
    doc = segment(text)
    mentions = overlay.mentions(doc, "1997-05-01", [])
    got = [(m.text, m.actor.cameo, m.actor.code) for m in mentions]
    assert ("Gondor's government", "GONGOV", "GON") in got
    assert ("Smeagol", "HOBGOV", "HOB") in got
    assert ("MSF Arnor police", "NGOARNCOP", "NGO") in got
    assert ("U.N.", "IGOUNO", "IGO") in got
    assert ("congressman of Gondor", "GONLEG", "GON") in got
    assert not any(m.text.lower().startswith("us") for m in mentions if m.actor.code)  # "us" is no name
    assert not any("Arnor" == m.text for m in mentions[-2:])  # the discarded sentence has none
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert overlay.mentions(segment("They won the World Golf Championships. Arnor met Gondor."), None, []) == []


def test_overlay_combines_with_builtin_mentions_and_lexicon(tmp_path):
    from dyadline.events import load_lexicon
    from dyadline.model import Actor, Mention
    from dyadline.text import segment

    text = "Russia met Arnor."
    builtin = [Mention("Russia", 0, 6, Actor("RUS", "", "RUS", "Russia", 0.9), "country"),
               Mention("Arnor", 11, 16, Actor("XXX", "", "XXX", "Wrong", 0.9), "country")]
    overlay = overlay_for(tmp_path)
    got = [(m.text, m.actor.cameo) for m in overlay.mentions(segment(text), None, builtin)]
    assert got == [("Russia", "RUS"), ("Arnor", "ARN")]
    replace = overlay_for(tmp_path / "r", actors="replace", verbs="replace")
    prefer = overlay_for(tmp_path / "p", verbs="prefer")
    assert any(e.text.startswith("RESTORE") for e in prefer.lexicon(load_lexicon()).by_head["restore"])
    assert [m.text for m in replace.mentions(segment(text), None, builtin)] == ["Arnor"]
    base = load_lexicon()
    combined = overlay.lexicon(base)
    heads = set(combined.by_head)
    assert "restore" in heads and "meet" in heads
    assert all(e.text.startswith("MEET") or "met" not in e.pattern[0] for e in combined.by_head["meet"])
    assert len(combined.entries) > len(replace.lexicon(base).entries)
    assert overlay.resolve_actor("Minas Tirith", "1995-01-01", None, Actor(None)).cameo == "GON"
    fallback = Actor("RUS", "", "RUS", "Russia", 0.9)
    assert overlay.resolve_actor("Moscow", None, None, fallback) is fallback
    assert replace.resolve_actor("Moscow", None, None, fallback).code is None


def test_coder_codes_with_a_dictionary_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pytest.importorskip("dyadline.actors")
    from dyadline import Coder

    folder = make_folder(tmp_path)
    write(folder, "dyadline.yaml", "verbs: prefer\n")  # the folder's RESTORE wins over dyadline's
    coder = Coder(dictionaries=folder)
    article = coder.analyse("Gondor restored economic ties with Arnor on Monday.", date="1995-01-01")
    codes = {(e.source.actor.cameo, e.target.actor.cameo if e.target else None, e.code.cameo)
             for e in article.events}
    assert ("GON", "ARN", "036") in codes, article.events
    assert any("[036]" in e.evidence for e in article.events)
    assert coder.resolve_actor("Smeagol", date="2001-01-01").cameo == "HOBREB"


def test_phoenix_cache_pays_and_malformed_lines_are_reported(shared_data, tmp_path, monkeypatch):
    folder = shared_data / "dictionaries" / "phoenix"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    started = time.process_time()
    found, cached = load_cached(folder)
    cold = time.process_time() - started
    assert not cached
    assert len(found.actor_rows) > 20000 and len(found.agent_codes) > 2000
    assert len(found.entries) > 10000 and found.discards.phrases
    assert any(w.file == "Phoenix.Countries.actors.txt" and w.line == 2039 for w in found.warnings)
    started = time.process_time()
    again, cached = load_cached(folder)
    assert len(again.entries) == len(found.entries)
    warm = time.process_time() - started
    assert cached
    # the cache pays: a fraction of reading the files (the figures are in the README)
    assert warm < cold / 2, (cold, warm)
    everything = read_folder(folder)  # the uncached reading keeps what coding does not need
    assert len(everything.verbs.blocks) > 300 and everything.issues


def test_bad_settings_are_a_clear_error(tmp_path):
    from dyadline.compat.loader import DictionaryError

    folder = make_folder(tmp_path)
    write(folder, "dyadline.yaml", "verbs: sometimes\n")
    with pytest.raises(DictionaryError, match="verbs must be one of"):
        read_folder(folder)
    with pytest.raises(DictionaryError, match="no such dictionary folder"):
        read_folder(tmp_path / "absent")
