"""Rule tables of the figure extractor: plain data, no logic.

Every regex the extractor uses is built from these tables once, at import, by
``claims.extract._patterns``. Edit a table to teach the extractor a word; the
case tables in ``tests/extract/`` say what each entry is for.

Fields, table by table:

``CARDINALS``      number word -> value. Units (0-9), teens (10-19) and tens (20-90)
                   combine as in "forty-five"; see ``WORD_CLASS`` for the grammar.
``MULTIPLIERS``    "hundred" and the scale words -> factor; "dozen" counts as a scale.
                   Plural forms ("hundreds", "millions") are vague amounts ("hundreds of
                   corporate links" -> 100, qualifier "at least").
``ORDINALS``       ordinal word -> value ("third" -> 3); as a denominator it makes a fraction
                   ("one-fifth" -> 0.2), after a tens word a compound rank ("twenty-first").
``FRACTION_WORDS`` words that are only fractions: "half" -> 2, "quarter" -> 4 (denominators).
``VULGAR_FRACTIONS`` one-character fractions ("\u00bd" -> 0.5, "3\u00bd" -> 3.5).
``SCALE_SUFFIXES`` letters glued to digits: "10k", "$3bn", "$2.174T" (the letters of
                   ``CURRENCY_ONLY_SCALE_LETTERS`` only after a currency).
``CURRENCY_ONLY_SCALE_LETTERS`` scale letters read only after a currency or before a plural
                   noun or a unit: "$5m" and "1.2m tons" are millions, "5m" and "5mm" lengths.
``SPACED_SCALE_SUFFIXES`` abbreviations read one space after the digits ("3 mln euros").
``ARTICLE_NUMBER_WORDS`` number words whose "a" is part of the figure ("a dozen ships",
                   "a third of voters" -> 1/3, "a hundred").
``CURRENCY_PREFIXES``  symbol or code written before the amount -> ISO 4217 code; longer
                   entries first ("US$" before "$"). ``case`` False means any case matches.
``CURRENCY_WORDS`` currency name written after the amount (optionally after a scale word)
                   -> (ISO code or "" when the name is not one currency, factor to major unit).
                   Adjectives before the name ("canadian dollars") are listed whole, first.
``PERCENT_WORDS``  what turns a number into a percentage (value in points).
``PERCENT_UNITS``  percent words whose unit is not "percent" ("percentage points").
``CHANGE_LEADS``   words before a figure that make "X to Y" a change to a second figure
                   ("up 9.4 per cent to $84"), not a range.
``TIME_UNITS``     time word -> canonical unit; the canonical unit names are those of the
                   peer scorer (second minute hour day week month quarter year); "decade" is
                   10 years, "century" 100 years (see ``TIME_FACTORS``).
``SPACED_TIME_ABBREVIATIONS`` short time units read (in prose) only when nothing but
                   space separates them from the digits: "5 h", "5h", not "5-h" or "10k s".
``TIME_IN``        the size of each canonical unit in the next smaller ones, for compound
                   durations ("2 years and 3 months" -> 27 month).
``QUALIFIER_WORDS`` words right before a figure -> qualifier (a ``claims.domain.Qualifier`` value).
                   "about/roughly/some/around/approximately" -> approximately; "almost/nearly"
                   -> almost (slightly less than); "over/more than" -> more than.
``MONTHS``         month names and abbreviations (with or without a period) -> month number.
``DATE_LEADS``     words before a bare year that make it a date ("in 1992", "since 1990").
``YEAR_RANGE_SHORT_JOINERS`` what joins a year to a two-digit year in a range ("2008-13");
                   "to" does not: "from 20 mpg in 2008 to 29 mpg" is no range.
``DECADE_MODIFIERS`` "early/mid/late" before a decade ("the early 1990s"); ``DECADE_PARTS``
                   the years each covers ("early 1990s" -> 1990-1994).
``RELATIVE_YEARS``, ``RELATIVE_MONTHS``, ``MONTH_NAMES`` relative dates ("last year", "next
                   month", "last November", "early August") dated by the document's date.
``MODALITY_CUES``  words before a figure in its clause -> modality ("aims to" -> target,
                   "is expected to" -> forecast); other figures are facts.
``OPEN_METRIC_STOPS`` words that end or never make an open metric's noun phrase.
``FISCAL_LEADS``   words that make a year a fiscal year ("fiscal 2025", "FY2025").
``SUPERLATIVES``   adjectives that, after an ordinal or "world's", state a rank.
``STOP_WORDS``     words that end a counted-noun phrase (a count's unit is the noun before).
``COMPOUND_MODIFIERS`` lower-case modifiers kept in a count's unit ("corporate link").
``IRREGULAR_PLURALS`` plural -> singular where stripping "s" is wrong.
``COUNT_CONTEXT``  nouns before a bare count that say what it counts ("force level of more
                   than 45,000" -> troop).
``FURNITURE_LABELS`` capitalised labels whose number is a reference, never a figure
                   ("Article 5", "Number 75", "ext. 523").
``STREET_WORDS``   the last word of a street name: "1600 Pennsylvania Avenue" is an address.
``SCORE_LEADS``, ``SCORE_TAILS`` words around a sports score: "won 2-1", "a 3-0 win".
``IDIOMS``         number words that are idioms or titles, not figures ("three-ring circus").
``ACTORS``         names that can be a claim's subject -> canonical subject.
``FOLD_WORDS``     multipliers written as one word ("sixfold" -> 6); "10-fold" is read from
                   digits. Both are ratios with unit "fold".
``PERIOD_LEADS``   words before "half"/"quarter" that make it a period ("second half").
``FRACTION_LEADS`` words before a bare fraction word that make it a figure ("fell by half").
``INDEFINITE_NUMERALS`` (permissive mode only) words that stand for a number: "a couple" 2,
                   "a few" 3, "nil" 0 (Duckling's conventions).
``ORDINAL_PERIODS`` nouns after an ordinal that make it a period's name ("the 21st century").
``UNIT_ARTICLES``  (permissive mode only) words that make a following time unit or currency
                   name one of it: "an hour", "another week", "all day", "a dollar".
``ONE_PRONOUN_LEADS`` words before "one" that make it a pronoun ("that one is good").
``NEGATIVE_LEADS`` words right before a parenthesised amount that make it an accounting
                   negative ("a loss of ($5 million)"); without them, or a minus sign, or a
                   table line, "1.2 trillion yen ($10.5 billion)" is a positive conversion.

Source: written by hand for English news and policy prose (the bundled seeds), extended
from the value conventions of the peer suites in ``../shared/benchmarks/peers``.
"""

from __future__ import annotations

CARDINALS: dict[str, int] = {
    "zero": 0, "naught": 0, "nought": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

MULTIPLIERS: dict[str, float] = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lkh": 1e5, "lkhs": 1e5, "crore": 1e7,
    "crores": 1e7, "krore": 1e7, "krores": 1e7, "koti": 1e7, "dozen": 12,
    "bn": 1e9, "mn": 1e6, "tn": 1e12, "mln": 1e6, "bln": 1e9,
}

# Plural scales are vague amounts: "hundreds of", "thousands of".
VAGUE_PLURALS: dict[str, float] = {
    "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
}

ORDINALS: dict[str, float] = {  # floats: "millionth" is 1e6
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1e3,
    "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}

FRACTION_WORDS: dict[str, int] = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}

# one-character fractions, alone ("½") or after a whole number ("3½" -> 3.5)
VULGAR_FRACTIONS: dict[str, float] = {
    "\u00bd": 1 / 2, "\u2153": 1 / 3, "\u2154": 2 / 3, "\u00bc": 1 / 4, "\u00be": 3 / 4,
    "\u2155": 1 / 5, "\u2156": 2 / 5, "\u2157": 3 / 5, "\u2158": 4 / 5, "\u2159": 1 / 6,
    "\u215a": 5 / 6, "\u2150": 1 / 7, "\u215b": 1 / 8, "\u215c": 3 / 8, "\u215d": 5 / 8,
    "\u215e": 7 / 8, "\u2151": 1 / 9, "\u2152": 1 / 10,
}

SCALE_SUFFIXES: dict[str, float] = {
    "k": 1e3, "K": 1e3, "bn": 1e9, "b": 1e9, "B": 1e9, "tn": 1e12, "t": 1e12, "T": 1e12,
    "m": 1e6, "M": 1e6, "mn": 1e6, "mm": 1e6, "mln": 1e6, "bln": 1e9, "mil": 1e6,
}
# read without a currency only before a plural noun or a unit ("1.2m tons", "3m people")
CURRENCY_ONLY_SCALE_LETTERS: frozenset[str] = frozenset({"m", "mm", "mil"})  # lower case
# scale abbreviations that may stand one space after the digits ("3 mln euros", "RM3 mil")
SPACED_SCALE_SUFFIXES: frozenset[str] = frozenset(
    {"bn", "mn", "tn", "mln", "bln", "mil", "k"})

ARTICLE_NUMBER_WORDS: frozenset[str] = frozenset(
    {*MULTIPLIERS, *ORDINALS, "half", "quarter", "hundred"})

# (written form, ISO code, case-sensitive?) -- order matters: longer forms first.
CURRENCY_PREFIXES: list[tuple[str, str, bool]] = [
    ("US$", "USD", False), ("U.S.$", "USD", False), ("usd$", "USD", False),
    ("C$", "CAD", False), ("CA$", "CAD", False), ("A$", "AUD", False), ("AU$", "AUD", False),
    ("HK$", "HKD", False), ("NZ$", "NZD", False), ("S$", "SGD", False), ("R$", "BRL", False),
    ("NZD$", "NZD", False), ("AUD$", "AUD", False), ("CAD$", "CAD", False),
    ("HKD$", "HKD", False), ("SGD$", "SGD", False), ("NT$", "TWD", False),
    ("$US", "USD", True), ("$NZ", "NZD", True), ("$A", "AUD", True),
    ("$", "USD", True), ("₪", "ILS", True), ("NIS", "ILS", True), ("€", "EUR", True),
    ("£", "GBP", True),
    ("¥", "JPY", True), ("₹", "INR", True), ("₩", "KRW", True), ("₽", "RUB", True),
    ("₿", "BTC", True), ("元", "CNY", True), ("Rs.", "INR", False), ("Rs", "INR", False),
    ("RM", "MYR", True), ("USD", "USD", False), ("EUR", "EUR", False), ("GBP", "GBP", False),
    ("JPY", "JPY", False), ("CNY", "CNY", False), ("RMB", "CNY", False), ("INR", "INR", False),
    ("CAD", "CAD", False), ("AUD", "AUD", False), ("CHF", "CHF", False), ("HKD", "HKD", False),
    ("KRW", "KRW", False), ("SGD", "SGD", False), ("NZD", "NZD", False), ("BTC", "BTC", False),
    ("SEK", "SEK", True), ("NOK", "NOK", True), ("DKK", "DKK", True), ("MXN", "MXN", True),
    ("BRL", "BRL", True), ("RUB", "RUB", True), ("ZAR", "ZAR", True), ("KWD", "KWD", True),
    ("SAR", "SAR", True), ("AED", "AED", True), ("TWD", "TWD", True), ("THB", "THB", True),
    ("MYR", "MYR", True), ("IDR", "IDR", True), ("PHP", "PHP", True), ("VND", "VND", True),
    ("PLN", "PLN", True), ("TRY", "TRY", True), ("ILS", "ILS", True), ("EGP", "EGP", True),
    ("NGN", "NGN", True), ("PKR", "PKR", True), ("BDT", "BDT", True), ("LKR", "LKR", True),
    ("ARS", "ARS", True), ("CLP", "CLP", True), ("COP", "COP", True), ("PEN", "PEN", True),
    ("CZK", "CZK", True), ("HUF", "HUF", True), ("MUSD", "USD", True), ("MEUR", "EUR", True),
    ("LBP", "LBP", True), ("QAR", "QAR", True), ("BGN", "BGN", True), ("KES", "KES", True),
    ("UAH", "UAH", True), ("RON", "RON", True), ("OMR", "OMR", True), ("JOD", "JOD", True),
    ("MNT", "MNT", True), ("CRC", "CRC", True), ("GEL", "GEL", True), ("LAK", "LAK", True),
    ("KZT", "KZT", True), ("MXN$", "MXN", False), ("Mex$", "MXN", False),
    ("₡", "CRC", True), ("₾", "GEL", True), ("₭", "LAK", True), ("₺", "TRY", True),
    ("₱", "PHP", True), ("₫", "VND", True), ("₦", "NGN", True), ("₴", "UAH", True),
    ("₸", "KZT", True),
]

# written after the amount: name -> (ISO code or "", factor to the major unit)
CURRENCY_WORDS: dict[str, tuple[str, float]] = {
    "us dollars": ("USD", 1), "us dollar": ("USD", 1), "u.s. dollars": ("USD", 1),
    "u.s. dollar": ("USD", 1), "american dollars": ("USD", 1), "american dollar": ("USD", 1),
    "canadian dollars": ("CAD", 1), "canadian dollar": ("CAD", 1),
    "australian dollars": ("AUD", 1), "australian dollar": ("AUD", 1),
    "hong kong dollars": ("HKD", 1), "hong kong dollar": ("HKD", 1),
    "singapore dollars": ("SGD", 1), "singapore dollar": ("SGD", 1),
    "new zealand dollars": ("NZD", 1), "new zealand dollar": ("NZD", 1),
    "taiwan dollars": ("TWD", 1), "new taiwan dollars": ("TWD", 1),
    "dollars": ("USD", 1), "dollar": ("USD", 1), "bucks": ("", 1), "buck": ("", 1),
    "cents": ("", 0.01), "cent": ("", 0.01), "pennies": ("", 0.01), "penny": ("", 0.01),
    "pence": ("GBP", 0.01), "p": ("GBP", 0.01),
    "euros": ("EUR", 1), "euro": ("EUR", 1), "eur": ("EUR", 1), "€": ("EUR", 1),
    "british pounds": ("GBP", 1), "pounds sterling": ("GBP", 1), "pound sterling": ("GBP", 1),
    "pounds": ("GBP", 1), "pound": ("GBP", 1), "quid": ("GBP", 1), "gbp": ("GBP", 1),
    "£": ("GBP", 1),
    "japanese yen": ("JPY", 1), "yen": ("JPY", 1), "jpy": ("JPY", 1), "¥": ("JPY", 1),
    "chinese yuan": ("CNY", 1), "yuan": ("CNY", 1), "renminbi": ("CNY", 1), "rmb": ("CNY", 1),
    "cny": ("CNY", 1), "元": ("CNY", 1),
    "indian rupees": ("INR", 1), "rupees": ("INR", 1), "rupee": ("INR", 1), "inr": ("INR", 1),
    "korean won": ("KRW", 1), "south korean won": ("KRW", 1),
    "russian rubles": ("RUB", 1), "rubles": ("RUB", 1), "ruble": ("RUB", 1),
    "roubles": ("RUB", 1), "rouble": ("RUB", 1),
    "swiss francs": ("CHF", 1), "swiss franc": ("CHF", 1), "francs": ("", 1), "franc": ("", 1),
    "mexican pesos": ("MXN", 1), "pesos": ("", 1), "peso": ("", 1),
    "malaysian ringgit": ("MYR", 1), "malaysia ringgits": ("MYR", 1), "ringgits": ("MYR", 1),
    "ringgit": ("MYR", 1),
    "kuwaiti dinars": ("KWD", 1), "kuwaiti dinar": ("KWD", 1), "dinars": ("", 1),
    "dinar": ("", 1), "saudi riyals": ("SAR", 1), "saudi riyal": ("SAR", 1),
    "riyals": ("", 1), "riyal": ("", 1), "rand": ("ZAR", 1), "baht": ("THB", 1),
    "bitcoins": ("BTC", 1), "bitcoin": ("BTC", 1), "btc": ("BTC", 1),
    "usd": ("USD", 1), "cad": ("CAD", 1), "aud": ("AUD", 1), "chf": ("CHF", 1),
    "hkd": ("HKD", 1), "$": ("USD", 1), "¢": ("", 0.01),
    "qatari riyals": ("QAR", 1), "qatari riyal": ("QAR", 1), "lebanese pounds": ("LBP", 1),
    "lebanese pound": ("LBP", 1), "egyptian pounds": ("EGP", 1), "egyptian pound": ("EGP", 1),
    "rm": ("MYR", 1), "rs": ("INR", 1), "rs.": ("INR", 1),
    "israeli shekels": ("ILS", 1), "new shekels": ("ILS", 1), "shekels": ("ILS", 1),
    "shekel": ("ILS", 1), "nis": ("ILS", 1), "₪": ("ILS", 1),
    "zloty": ("PLN", 1), "zlotys": ("PLN", 1), "zł": ("PLN", 1), "pln": ("PLN", 1),
    "swedish kronor": ("SEK", 1), "kronor": ("SEK", 1), "krona": ("SEK", 1),
    "danish kroner": ("DKK", 1), "norwegian kroner": ("NOK", 1), "kroner": ("", 1),
    "krone": ("", 1), "kr": ("", 1), "czech crowns": ("CZK", 1), "koruna": ("CZK", 1),
    "crowns": ("", 1), "turkish lira": ("TRY", 1), "lira": ("TRY", 1), "liras": ("TRY", 1),
    "sen": ("", 0.01), "argentine pesos": ("ARS", 1), "philippine pesos": ("PHP", 1),
    "south african rand": ("ZAR", 1), "indonesian rupiah": ("IDR", 1), "rupiah": ("IDR", 1),
    "thai baht": ("THB", 1), "won": ("KRW", 1),
    "us$": ("USD", 1), "₡": ("CRC", 1), "₾": ("GEL", 1), "₭": ("LAK", 1), "₺": ("TRY", 1),
    "₱": ("PHP", 1), "₫": ("VND", 1), "₦": ("NGN", 1), "₴": ("UAH", 1), "₸": ("KZT", 1),
    "ரூ": ("LKR", 1), "sri lankan rupees": ("LKR", 1), "pakistani rupees": ("PKR", 1),
    "finnish markka": ("FIM", 1), "markka": ("FIM", 1), "markkaa": ("FIM", 1),
    "pesetas": ("ESP", 1), "peseta": ("ESP", 1), "dutch guilders": ("NLG", 1),
    "guilders": ("NLG", 1), "guilder": ("NLG", 1), "deutsche marks": ("DEM", 1),
    "satoshis": ("BTC", 1e-8), "satoshi": ("BTC", 1e-8), "tugriks": ("MNT", 1),
    "tugrik": ("MNT", 1), "malaysian ringgits": ("MYR", 1), "malaysia ringgit": ("MYR", 1),
    "geneh": ("EGP", 1), "saudiriyal": ("SAR", 1),
    "egyptianpound": ("EGP", 1), "hryvnia": ("UAH", 1), "hryvnias": ("UAH", 1),
    "georgian lari": ("GEL", 1), "lari": ("GEL", 1), "tenge": ("KZT", 1),
    "musd": ("USD", 1e6), "meur": ("EUR", 1e6), "mgbp": ("GBP", 1e6), "maud": ("AUD", 1e6),
}

# "sixfold", "tenfold", "hundredfold": a multiplier (kind ratio, unit "fold")
FOLD_WORDS: dict[str, float] = {
    **{f"{word}fold": float(value) for word, value in CARDINALS.items() if 2 <= value <= 90},
    "hundredfold": 100.0, "thousandfold": 1e3, "millionfold": 1e6,
}
# words before "half"/"quarter" that make it a period, not a fraction: "the second half"
PERIOD_LEADS: tuple[str, ...] = (
    "first", "second", "third", "fourth", "final", "last", "latter", "former", "next",
    "previous", "same", "each", "every", "1st", "2nd", "3rd", "4th",
)
# words before a fraction word that make it a figure without "of": "fell by half"
FRACTION_LEADS: tuple[str, ...] = ("by", "cut in", "cut it in")

INDEFINITE_NUMERALS: dict[str, float] = {
    "a couple of": 2, "a couple": 2, "couple of": 2, "a pair of": 2, "a pair": 2,
    "a few": 3, "few": 3, "single": 1, "nil": 0, "a baker's dozen": 13, "baker's dozen": 13,
    "a gross": 144,
}
# nouns after an ordinal that make it the name of a period, not a rank: "the 21st century"
ORDINAL_PERIODS: tuple[str, ...] = ("century", "centuries", "millennium")
UNIT_ARTICLES: tuple[str, ...] = ("a", "an", "another", "all", "full", "whole")

NEGATIVE_LEADS: tuple[str, ...] = (
    "loss of", "losses of", "loss", "losses", "net loss", "net loss of", "deficit of",
    "deficit", "shortfall of", "shortfall", "write-down of", "writedown of",
    "operating loss", "operating loss of", "negative",
)
# words before "one" that make it a pronoun, not a number: "the one you mentioned"
ONE_PRONOUN_LEADS: frozenset[str] = frozenset(
    {"the", "this", "that", "which", "each", "any", "every", "no", "another", "little"})

PERCENT_WORDS: tuple[str, ...] = (
    "percentage points", "percentage point", "per cent", "per-cent", "percent", "pct",
    "percentage", "%", "pc",
)
# percent words whose unit is not "percent": a change in points is not a share
PERCENT_UNITS: dict[str, str] = {
    "percentage points": "percentage point", "percentage point": "percentage point",
}

# words right before a figure that make it a change, not the start of a range: in "up
# 9.4 per cent to 84 percent" the "to" starts a second figure (a level). A bare verb is
# not enough: "rose 10% to 12%" is read as a range, like "from 10% to 12%".
CHANGE_LEADS: tuple[str, ...] = (
    "up", "down", "by", "increase of", "decrease of", "rise of", "fall of", "drop of",
    "gain of", "growth of", "jump of",
)

TIME_UNITS: dict[str, str] = {
    "years": "year", "year": "year", "yrs": "year", "yr": "year",
    "months": "month", "month": "month", "mos": "month",
    "weeks": "week", "week": "week", "wks": "week", "wk": "week",
    "days": "day", "day": "day",
    "hours": "hour", "hour": "hour", "hrs": "hour", "hr": "hour", "h": "hour",
    "minutes": "minute", "minute": "minute", "mins": "minute", "min": "minute",
    "seconds": "second", "second": "second", "secs": "second", "sec": "second",
    "decades": "decade", "decade": "decade", "centuries": "century", "century": "century",
    "fortnights": "fortnight", "fortnight": "fortnight",
}

# non-scorer units -> (canonical unit, factor)
SPACED_TIME_ABBREVIATIONS: frozenset[str] = frozenset({"h", "min", "sec"})

TIME_FACTORS: dict[str, tuple[str, float]] = {
    "decade": ("year", 10), "century": ("year", 100), "fortnight": ("week", 2),
}

# size of a unit in a smaller unit, for compound durations
TIME_IN: dict[tuple[str, str], float] = {
    ("year", "month"): 12, ("year", "week"): 52, ("year", "day"): 365,
    ("month", "week"): 4, ("month", "day"): 30, ("week", "day"): 7,
    ("day", "hour"): 24, ("hour", "minute"): 60, ("minute", "second"): 60,
}
TIME_ORDER: tuple[str, ...] = ("year", "month", "week", "day", "hour", "minute", "second")

QUALIFIER_WORDS: dict[str, str] = {
    "about": "approximately", "around": "approximately", "roughly": "approximately",
    "approximately": "approximately", "approx.": "approximately", "some": "approximately",
    "an estimated": "approximately", "estimated": "approximately", "circa": "approximately",
    "almost": "almost", "nearly": "almost", "close to": "almost", "just under": "almost",
    "more than": "more than", "over": "more than", "above": "more than",
    "upwards of": "more than", "in excess of": "more than", "just over": "more than",
    "greater than": "more than",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than",
    "at least": "at least", "no less than": "at least", "no fewer than": "at least",
    "at most": "at most", "up to": "at most", "as many as": "at most",
    "as much as": "at most", "no more than": "at most",
}

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}

DATE_LEADS: tuple[str, ...] = (
    "in", "since", "from", "through", "until", "till", "by", "before", "after", "during",
    "of", "the", "early", "late", "mid", "end of", "beginning of", "spring", "summer",
    "autumn", "fall", "winter", "year", "between", "and", "to", "circa", "c.",
)

YEAR_RANGE_SHORT_JOINERS: frozenset[str] = frozenset({"-", "\u2013", "\u2014", "/"})

DECADE_MODIFIERS: tuple[str, ...] = ("early", "mid", "late")
# the years of a decade each modifier covers, as offsets from its first year
DECADE_PARTS: dict[str, tuple[int, int]] = {"early": (0, 4), "mid": (3, 6), "late": (5, 9)}

# relative dates, resolved against the document's date (``extract(text, date=...)``):
# phrase -> years from the document's year ("last year" -> -1); a month name with "last",
# "next", "early"... is resolved in ``claims.extract._context.relative_dates``
RELATIVE_YEARS: dict[str, int] = {
    "last year": -1, "previous year": -1, "a year ago": -1, "a year earlier": -1,
    "the year before": -1, "the past year": 0, "this year": 0, "the current year": 0,
    "next year": 1, "the coming year": 1, "the following year": 1, "last fiscal year": -1,
    "this fiscal year": 0, "next fiscal year": 1, "yesterday": 0, "today": 0, "tomorrow": 0,
    "two years ago": -2, "three years ago": -3,
}
RELATIVE_MONTHS: dict[str, int] = {"last month": -1, "this month": 0, "next month": 1}
MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

# words before a figure in its clause that make it a target or a forecast, not a fact
# (a claims.domain.Modality value); the nearest cue before the figure wins
MODALITY_CUES: dict[str, str] = {
    **dict.fromkeys((
        "aims to", "aim to", "aiming to", "aimed at", "aims for", "aim for", "aiming for",
        "target of", "targets", "targeting",
        "target", "goal of", "goal is to", "plans to", "planning to", "pledged to",
        "pledges to", "seeks to", "seeking to", "intends to", "vowed to", "committed to",
        "wants to", "hopes to", "set a goal", "ceiling of",
    ), "target"),
    **dict.fromkeys((
        "is expected to", "are expected to", "was expected to", "were expected to",
        "expected to", "forecast to", "forecast", "forecasts", "forecasting", "projected",
        "projects", "projection", "projections", "predicted", "predicts", "estimated to",
        "likely to", "could reach", "may reach", "on track to", "outlook", "is set to",
        "are set to",
    ), "forecast"),
}

# words that end the noun phrase an open metric is made of (besides STOP_WORDS), and words
# never taken as its head ("$5 billion in 2020", "5 trillion yen next year")
OPEN_METRIC_STOPS: frozenset[str] = frozenset("""
    year years month months week weeks day days fiscal next last this total said says
    according annually alone each per over under about
""".split())

# what makes a year a fiscal year: "fiscal 2025", "fiscal year 2021", "FY2025", "FY 2025"
FISCAL_LEADS: tuple[str, ...] = ("fiscal year", "fiscal", "financial year", "FY")

SUPERLATIVES: tuple[str, ...] = (
    "largest", "biggest", "greatest", "highest", "richest", "wealthiest", "strongest",
    "smallest", "lowest", "poorest", "most populous", "leading", "top", "fastest-growing",
    "fastest growing", "most important", "oldest",
)

STOP_WORDS: frozenset[str] = frozenset("""
a an the and or but nor of to in on at by for from with within without into onto over under
about above below between among through during after before since until against toward towards
per than as so if then that which who whom whose this these those there here it its they them
their we us our you your he him his she her i me my is are was were be been being am have has
had do does did will would shall should can could may might must not no yes also only just
very more most less least such all any each every both either neither other another same own
too quite rather ago later previously earlier old new s
""".split())

COMPOUND_MODIFIERS: frozenset[str] = frozenset("""
corporate trading nuclear military naval air ground marine combat foreign domestic trade
""".split())

IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person", "men": "man", "women": "woman", "children": "child",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "series": "series",
    "species": "species", "news": "news", "personnel": "personnel", "staff": "staff",
    "aircraft": "aircraft", "sheep": "sheep", "fish": "fish", "data": "data",
    "criteria": "criterion", "crises": "crisis", "analyses": "analysis", "bases": "base",
    "bus": "bus", "us": "us", "gas": "gas", "status": "status", "corps": "corps",
}

COUNT_CONTEXT: dict[str, str] = {
    "force level": "troop", "force levels": "troop", "troop level": "troop",
    "troop levels": "troop", "troops": "troop", "forces": "troop", "personnel": "troop",
    "soldiers": "soldier", "marines": "marine",
}

FURNITURE_LABELS: tuple[str, ...] = (
    "Articles", "Article", "Art.", "Sections", "Section", "Sec.", "Chapter", "Chapters",
    "Paragraph", "Clause", "Number", "Issue", "Volume", "Vol.", "Vol", "Page", "Pages",
    "pp.", "p.", "Fig.", "Figure", "Table", "Appendix", "Annex", "ext.", "Ext.", "ext",
    "Suite", "Room", "Box", "Route", "Report No.", "Report Number", "Resolution", "ISBN",
    "ISSN", "DOI", "Doc.", "Nos.", "No.",
)

# words of a street name's end: "1600 Pennsylvania Avenue", "10 Downing Street"
STREET_WORDS: tuple[str, ...] = (
    "Street", "St.", "Avenue", "Ave.", "Ave", "Road", "Rd.", "Boulevard", "Blvd.", "Lane",
    "Drive", "Dr.", "Place", "Square", "Way", "Court", "Terrace", "Highway", "Parkway",
)
# words before a sports score ("won 2-1") and after one ("a 3-0 win")
SCORE_LEADS: tuple[str, ...] = (
    "won", "lost", "beat", "drew", "tied", "defeated", "led", "trailed", "leads", "trails",
    "leading", "trailing", "winning", "losing",
)
SCORE_TAILS: tuple[str, ...] = (
    "win", "victory", "defeat", "loss", "draw", "lead", "score", "scoreline", "rout", "tie",
)

IDIOMS: tuple[str, ...] = (
    "three-ring", "half-a-loaf", "tale of two cities", "catch-22", "one-way", "two-way",
    "one-sided", "second-guess", "first-hand", "second-hand", "two-faced", "nine-to-five",
    "twenty-four seven", "24/7", "one another", "first-rate", "second-rate",
    "first-class", "one-on-one",
)

ACTORS: dict[str, str] = {
    # matched case-sensitively, longest first ("US" the country, not "us" the pronoun)
    "the United States": "United States", "United States": "United States",
    "U.S.": "United States", "US": "United States", "America": "United States",
    "Washington": "United States", "Americans": "United States",
    "Japan": "Japan", "Tokyo": "Japan", "Japanese": "Japan",
    "China": "China", "Beijing": "China", "Chinese": "China",
    "North Korea": "North Korea", "Pyongyang": "North Korea",
    "South Korea": "South Korea", "Seoul": "South Korea", "ROK": "South Korea",
    "Korea": "Korea", "Russia": "Russia", "Moscow": "Russia", "Taiwan": "Taiwan",
    "Okinawa": "Okinawa", "India": "India", "Australia": "Australia",
    "Germany": "Germany", "France": "France", "Britain": "United Kingdom",
    "United Kingdom": "United Kingdom", "European Union": "European Union",
    "SACO": "SACO", "NATO": "NATO",
}

# words before an actor that make it the other party, not the subject ("with the United States")
NON_SUBJECT_LEADS: tuple[str, ...] = (
    "with", "to", "from", "against", "than", "toward", "towards", "between", "over", "into",
)

# physical measurement words: a number before one is a measurement (kind "other"), which
# the extractor leaves out of prose results and reports as "other" to the peer scorer
MEASURE_UNITS: tuple[str, ...] = (
    "degrees", "degree", "miles", "mile", "kilometres", "kilometers", "kilometre",
    "kilometer", "km", "km2", "metres", "meters", "metre", "meter", "feet", "foot", "inches",
    "inch", "tons", "ton", "tonnes", "tonne", "kg", "kilograms", "kilogram", "grams", "gram",
    "mg", "ml", "litres", "liters", "litre", "liter", "acres", "acre", "hectares", "hectare",
    "barrels", "barrel", "mph", "kph", "cm", "mm", "nm", "nanometers", "nanometres", "gb",
    "mb", "kb", "tb", "ghz", "mhz", "watts", "kw", "mw", "gw", "volts", "sq mi", "sq",
    "square miles", "square kilometers", "square kilometres", "°c", "°f", "°",
)


# A plain four-digit number before a word in -s is a count ("1500 troops") unless the
# words around it make it a year:
# - a preposition of time before it, for modern years: "in 2021 exports rose", "since 1996
#   troops have"; "by", "for", "to" and "of" also begin counts ("grew by 1500 troops"), so
#   they are not here;
YEAR_PREPOSITIONS: frozenset[str] = frozenset(
    "in since during until till through throughout before after".split())
YEAR_PREPOSITION_MIN = 1900  # "resulted in 1500 deaths" stays a count
# - a verb after it, which is no counted noun: "the budget for 2021 includes", "1996 marks".
VERBS_AFTER_A_YEAR: frozenset[str] = frozenset("""
includes remains totals marks shows sees brings begins ends starts looks promises means
represents continues follows seems stands comes goes makes gives takes holds leaves calls
sets adds covers contains requires allows provides""".split())
