"""The language a pasted review is written in, and whether the parser reads its phrasing.
See docs/IMPORTING.md, "Languages".

Decided on the prose, not on names: only words that start with a small letter count (and every
word of a script without capitals), so "Rzeczpospolita", "Frankfurter Allgemeine Zeitung" or
"Коммерсантъ" in an English review weigh nothing. The script of those words comes first; among
Latin and Cyrillic texts, the commonest function words of each language decide. A text too
short or too mixed to tell is taken for the language the parser reads.
"""

# The word lists are in their own scripts, on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections import Counter

from django.conf.locale import LANG_INFO
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The languages whose press-review phrasing the parser reads (datelines, verbs of saying,
# outlet words, month names): one grammar each. Add a code here with its grammar.
UNDERSTOOD = ("en",)
# Taken when the text is too short or mixed to tell: the parser reads it, at worst poorly.
FALLBACK = UNDERSTOOD[0]

# Below these, a text is too short to tell: letters in prose words, function words found.
MIN_LETTERS = 150
MIN_FUNCTION_WORDS = 6
# A letter of these scripts is a syllable or a word, worth about three of an alphabet's.
SYLLABIC = {"CJK": 3, "HANGUL": 3}
# How far the best language's count must lead the next one's to be sure.
CLEAR_LEAD = 1.5
# The main script must hold this share of the prose's letters.
SCRIPT_SHARE = 0.6

# Each language's commonest short words, kept to those that tell it from its neighbours.
LATIN_WORDS = {
    "en": "the of and to is that for with was were are has have had said which this from by "
    "its will would not but at an be been who after",
    "de": "der die und das nicht ist mit sich auf dem den des ein eine einer zu von für auch "
    "wird wurde sagte nach bei über dass im sind",
    "fr": "le les des et est une dans pour que qui pas sur du au aux avec par sont ont été "
    "cette selon mais il elle",
    "es": "el los las del y que en una por con para es se su sus al como más pero fue según "
    "ha han este esta",
    "it": "il della delle dei degli che è per una con non sono del nel nella alla anche ha "
    "come ma secondo questo gli",
    "pt": "os da do das dos que em um uma para com não no na por mais foi segundo ao à são seu sua",
    "pl": "i w z na się nie że do jest to od przez jak oraz dla po ale był była które który "
    "jego według tym",
    "nl": "de het een en van dat op te niet zijn met voor die er ook werd aan wordt bij naar "
    "volgens",
    "cs": "a je v se na že s z do jako ale pro podle který která které jsou byl bylo také",
    "sv": "och att det som en är på för med av till inte har om den var enligt också",
    "ro": "și în la cu că pe nu din este un care mai pentru fost sunt potrivit acest",
    "hu": "a az és hogy nem is egy van meg volt szerint csak már mint",
    "da": "og af ikke er til fra blev ifølge men der det som har med på",
    "fi": "ja on että ei se oli mukaan myös kun mutta ovat joka jo tai",
    "hr": "je da se od su što kao ali za koji koja koje prema bio bila također iz",
    "lt": "ir kad yra su iš į bet buvo pasak taip pat nors jau dėl apie",
    "lv": "un ir ka ar no uz par bet arī tas kā pēc saskaņā jau vai",
    "tr": "ve bir bu da de için ile olarak çok daha gibi olan göre ama",
}
CYRILLIC_WORDS = {
    "ru": "что это как он она они же бы его её был было были который которые также уже или "
    "только по словам при из к",
    "uk": "і й та що як це від але був була було були його її також який яка які вже або лише",
    "be": "і ў што як гэта ад але быў была было таксама які якія",
    "bg": "се да че е ще са това като който която които беше според след",
    "sr": "је да се од са што као али су био била према које који",
    "mk": "се да што од со како но беше според кој која кои",
}
# Letters that only some Cyrillic alphabets have: each occurrence counts as a word found.
CYRILLIC_LETTERS = {"ru": "ыэ", "uk": "єїґ", "be": "ў", "sr": "ћђ", "mk": "ѓќѕ"}
# Scripts that name one language (by the first word of a letter's Unicode name).
SCRIPT_LANGUAGES = {
    "GREEK": "el",
    "HEBREW": "he",
    "HANGUL": "ko",
    "DEVANAGARI": "hi",
    "BENGALI": "bn",
    "TAMIL": "ta",
    "THAI": "th",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
}
# Letters of the Arabic script that Persian and Urdu add.
PERSIAN_LETTERS, URDU_LETTERS = "پچژگ", "ٹڈڑںے"
# Names for the codes Django's LANG_INFO spells otherwise.
OTHER_NAMES = {"zh": gettext_lazy("Chinese")}

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
MARKUP = re.compile(r"<[^>]*>|https?://\S+")


@functools.cache
def script_of(letter: str) -> str:
    """The script of a letter, by its Unicode name: "LATIN", "CYRILLIC", "CJK" (with kana)."""
    name = unicodedata.name(letter, "").split(" ", 1)[0]
    return "CJK" if name in ("HIRAGANA", "KATAKANA") else name


def prose_words(text: str) -> list[str]:
    """The words of running text: small-letter words, and every word of a caseless script;
    markup, web addresses and names (capitalised) left out."""
    text = MARKUP.sub(" ", html.unescape(MARKUP.sub(" ", text)) if "&" in text else text)
    return [word for word in WORD.findall(text) if not (word[0].isupper() or word[0].istitle())]


def recognise(text: str) -> str | None:
    """The language code `text` reads as, or None when it is too short or mixed to tell."""
    words = prose_words(text)
    letters: Counter[str] = Counter()
    for word in words:
        letters[script_of(word[0])] += len(word)
    total = sum(letters.values())
    if sum(count * SYLLABIC.get(script, 1) for script, count in letters.items()) < MIN_LETTERS:
        return None
    script, count = letters.most_common(1)[0]
    if count < SCRIPT_SHARE * total:
        return None
    in_script = [word.lower() for word in words if script_of(word[0]) == script]
    if script == "LATIN":
        return by_function_words(in_script, LATIN_WORDS, {})
    if script == "CYRILLIC":
        # A Cyrillic text is not English: when its words do not tell, Russian is the likeliest.
        return by_function_words(in_script, CYRILLIC_WORDS, CYRILLIC_LETTERS) or "ru"
    if script == "ARABIC":
        joined = "".join(in_script)
        if sum(joined.count(letter) for letter in URDU_LETTERS) >= 3:
            return "ur"
        if sum(joined.count(letter) for letter in PERSIAN_LETTERS) >= 3:
            return "fa"
        return "ar"
    if script == "CJK":
        kana = sum(
            1
            for letter in "".join(in_script)
            if unicodedata.name(letter, "").startswith(("HIRAGANA", "KATAKANA"))
        )
        return "ja" if kana >= 0.1 * count else "zh"
    return SCRIPT_LANGUAGES.get(script)


def by_function_words(
    words: list[str], table: dict[str, str], letters: dict[str, str]
) -> str | None:
    """The language whose function words (and own letters) `words` use most; None when too
    few are found, or when the parser's own language is one of two close runners (two close
    foreign neighbours, Spanish and Portuguese say, give the first: foreign either way)."""
    counts = Counter(words)
    joined = "".join(words)
    scores = {
        code: sum(counts[word] for word in set(listed.split()))
        + sum(joined.count(letter) for letter in letters.get(code, ""))
        for code, listed in table.items()
    }
    ranked = sorted(scores, key=scores.get, reverse=True)
    best, second = scores[ranked[0]], scores[ranked[1]]
    if best < MIN_FUNCTION_WORDS:
        return None
    if best < CLEAR_LEAD * second and FALLBACK in ranked[:2]:
        return None
    return ranked[0]


def language_name(code: str) -> str:
    """The language's name in the interface's language ("Russian"; "Русский" on a Russian page)."""
    if code in OTHER_NAMES:
        return str(OTHER_NAMES[code])
    info = LANG_INFO.get(code)
    return _(info["name"]) if info else code


def names(codes) -> str:
    """The languages' names joined ("English and Russian"), in the interface's language."""
    return str(get_text_list([language_name(code) for code in codes], _("and")))
