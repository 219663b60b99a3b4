"""The world's currencies as the news writes them: ISO codes ("KZT 2 million") and English nouns ("5 million
lei", "14 million dram", "3.5 million tenge"), from the Unicode CLDR data Babel ships (offline).

A hand list of currency words missed every currency nobody had thought of yet, and a sum in lei or tenge
was then no answer to "how much"."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from babel.core import get_global
from babel.numbers import get_currency_name, get_territory_currencies

# Codes that are not money people pay in (gold, special drawing rights, test codes), except the CFA and
# CFP francs and the East Caribbean dollar, which are.
_TENDER_X = frozenset({"XAF", "XOF", "XCD", "XPF"})
# Spellings the press uses beside CLDR's own.
_PRESS_SPELLINGS = frozenset(
    {
        "roubles",
        "rouble",
        "reais",
        "zlotych",
        "lire",
        "crowns",
        "kroons",
        "tögrög",
        "guaraníes",
        "denars",
        "rands",
        "renminbi",
    }
)
# Ransoms are demanded in cryptocurrency ("a ransom of 2.5 bitcoin", "40 BTC"), which no country issues.
_CRYPTO_NOUNS = frozenset({"bitcoin", "bitcoins", "ether", "monero", "tether"})
_CRYPTO_CODES = frozenset({"BTC", "XBT", "ETH", "XMR", "USDT"})
# Currencies in use since then count: news archives report sums in leva and kuna, which Bulgaria and
# Croatia have since given up for the euro.
_IN_USE_SINCE = date(2000, 1, 1)
# Zimbabwe's "ZiG" is "Zimbabwean gold" in CLDR: "5 million gold" is seldom a sum.
_NOT_MONEY = frozenset({"gold"})


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes of the currencies some country uses or has used since 2000 ("USD", "MDL", "BGN"), and
    the codes of the cryptocurrencies ransoms are asked in ("BTC")."""
    codes = {code for territory in get_global("territory_currencies") for code in _in_use(territory)}
    return frozenset(c for c in codes if not c.startswith("X") or c in _TENDER_X) | _CRYPTO_CODES


def _in_use(territory: str) -> list[str]:
    """The codes of the legal tender a territory has used since 2000. No end date but the data's own, so
    the answer does not change with the clock."""
    return get_territory_currencies(
        territory, start_date=_IN_USE_SINCE, end_date=date.max, tender=True, non_tender=False
    )


@lru_cache(maxsize=1)
def currency_nouns() -> frozenset[str]:
    """The nouns of those currencies, singular and plural, lower case: "Moldovan leu" and "Moldovan lei"
    give "leu" and "lei"; the country stands before them in a sum of its own ("2 million Moldovan lei")."""
    nouns = {_noun(code, count) for code in currency_codes() for count in (1, 2)}
    nouns |= {_spanish_plural(n) for n in _nouns_of_spanish_speaking_countries()} | _PRESS_SPELLINGS | _CRYPTO_NOUNS
    # "guaranies", "tugrog": the press often drops the accents.
    nouns |= {_without_accents(n) for n in nouns}
    return frozenset(nouns - _NOT_MONEY - {""})


def _nouns_of_spanish_speaking_countries() -> set[str]:
    """The nouns of the currencies only Spanish-speaking countries use (the colón, not the dollar)."""
    users: dict[str, set[bool]] = {}
    for territory, spoken in get_global("territory_languages").items():
        speaks = spoken.get("es", {}).get("official_status") in ("official", "de_facto_official")
        for code in _in_use(territory):
            users.setdefault(code, set()).add(speaks)
    return {_noun(code) for code, speak in users.items() if speak == {True}}


def _noun(code: str, count: int = 1) -> str:
    """The currency's noun, lower case: the last word of its English name, once the years of a currency
    since replaced are set aside ("Venezuelan Bolívar (1871–2008)": "bolívar")."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", get_currency_name(code, count=count, locale="en"))
    return name.split()[-1].lower()


def _spanish_plural(noun: str) -> str:
    """The plural the English press takes from Spanish for a noun CLDR gives an English one: "420 million
    colones" (CLDR: "colóns"), "380 million guaraníes", "bolívares", "quetzales"; "" for a noun ending in
    an unaccented vowel, whose plural CLDR already gives ("pesos", "lempiras")."""
    if noun[-1] in "aeiou":
        return ""
    if noun[-1] in "áéíóú":
        return noun + "es"
    # A consonant: an accent on the last syllable goes ("colón": "colones"), one before it stays ("bolívares").
    last_vowel = max(i for i, c in enumerate(noun) if _without_accents(c) in "aeiou")
    return noun[:last_vowel] + _without_accents(noun[last_vowel]) + noun[last_vowel + 1 :] + "es"


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# The letters that stand for a currency in its own countries' writing, from CLDR's symbols ("zł" for the
# zloty, "K" for the kwacha and the kyat, "Ft" for the forint): reading them from Babel takes a second
# at every start, so they are listed here, and tests/test_questions.py checks them against it. Before a
# sum ("zł 3.6 million", "K400,000") all of them; after one ("3.6 million zł") only those no other unit
# shares ("200K voters", "3 KM").
SYMBOLS_BEFORE = tuple("zł Kč Ft kr Ksh KSh TSh USh Rs Rp RM MK Kz Br Bs K R".split())
SYMBOLS_AFTER = tuple("zł Kč Ft kr Kz FCFA".split())
