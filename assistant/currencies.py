"""The world's currencies as the news writes them: ISO codes ("KZT 2 million") and English nouns ("5 million
lei", "14 million dram", "3.5 million tenge"), from the Unicode CLDR data Babel ships (offline).

A hand list of currency words missed every currency nobody had thought of yet, and a sum in lei or tenge
was then no answer to "how much"."""

from __future__ import annotations

from functools import lru_cache

from babel.core import get_global
from babel.numbers import get_currency_name, get_territory_currencies

# Codes that are not money people pay in (gold, special drawing rights, test codes), except the CFA and
# CFP francs and the East Caribbean dollar, which are.
_TENDER_X = frozenset({"XAF", "XOF", "XCD", "XPF"})
# Spellings the press uses beside CLDR's own.
_PRESS_SPELLINGS = frozenset({"roubles", "rouble", "reais", "zlotych", "lire", "crowns", "kroons"})
# Zimbabwe's "ZiG" is "Zimbabwean gold" in CLDR: "5 million gold" is seldom a sum.
_NOT_MONEY = frozenset({"gold"})


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes of the currencies some country uses today ("USD", "MDL", "KZT")."""
    codes: set[str] = set()
    for territory in get_global("territory_currencies"):
        codes.update(get_territory_currencies(territory, tender=True, non_tender=False))
    return frozenset(c for c in codes if not c.startswith("X") or c in _TENDER_X)


@lru_cache(maxsize=1)
def currency_nouns() -> frozenset[str]:
    """The nouns of those currencies, singular and plural, lower case: "Moldovan leu" and "Moldovan lei"
    give "leu" and "lei"; the country stands before them in a sum of its own ("2 million Moldovan lei")."""
    nouns = {
        get_currency_name(code, count=count, locale="en").split()[-1].lower()
        for code in currency_codes()
        for count in (1, 2)
    }
    return frozenset((nouns | _PRESS_SPELLINGS) - _NOT_MONEY)


# The letters that stand for a currency in its own countries' writing, from CLDR's symbols ("zł" for the
# zloty, "K" for the kwacha and the kyat, "Ft" for the forint): reading them from Babel takes a second
# at every start, so they are listed here, and tests/test_questions.py checks them against it. Before a
# sum ("zł 3.6 million", "K400,000") all of them; after one ("3.6 million zł") only those no other unit
# shares ("200K voters", "3 KM").
SYMBOLS_BEFORE = tuple("zł Kč Ft kr Ksh KSh TSh USh Rs Rp RM MK Kz Br Bs K R".split())
SYMBOLS_AFTER = tuple("zł Kč Ft kr Kz FCFA".split())
