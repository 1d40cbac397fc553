"""Case tables for figures in news text (the news issue), one table per category.

Each row is ``(id, text, expected)``: ``expected`` lists every figure the text must give, in
order, made with :func:`fig`; only the fields given to ``fig`` are compared (the surface
always). ``[]`` means "no figure here". Rows are grouped by where they came from: ISSUE (the
issue's own examples), NEWS (shapes of real news sentences written for the category),
CAUGHT (bugs found while fixing). Known gaps are strict ``xfail`` rows in ``GAPS``.
"""

from __future__ import annotations

from typing import Any

import pytest

from claims.extract import extract

_UNSET: Any = object()


def fig(kind: str, surface: str, value: float | None = _UNSET, unit: str | None = _UNSET, *,
        value_max: float | None = _UNSET, qualifier: str = _UNSET, as_of: int | None = _UNSET,
        note: str | None = _UNSET, modality: str = _UNSET,
        same_as: int | None = _UNSET, metric: str | None = _UNSET) -> dict[str, Any]:
    """An expected figure: kind and surface, plus whichever fields the row pins down."""
    fields = {"kind": kind, "surface": surface, "value": value, "unit": unit,
              "value_max": value_max, "qualifier": qualifier, "as_of": as_of, "note": note,
              "modality": modality, "same_as": same_as, "metric": metric}
    return {k: v for k, v in fields.items() if v is not _UNSET}


# ---- 1. exact values: scales applied in decimal, not float, arithmetic ----------------------
EXACT_VALUES = [
    ("issue-8.7-trillion-yen", "Japan will spend 8.7 trillion yen next year.",
     [fig("money", "8.7 trillion yen", 8.7e12, "JPY")]),
    ("news-4.3-billion", "The budget rose to $4.3 billion.",
     [fig("money", "$4.3 billion", 4.3e9, "USD")]),
    ("news-0.07-billion", "a $0.07 billion grant", [fig("money", "$0.07 billion", 7e7, "USD")]),
    ("news-1.15-million", "some 1.15 million people voted",
     [fig("count", "some 1.15 million people", 1.15e6, "person")]),
    ("news-letter-T", "a $2.174T economy", [fig("money", "$2.174T", 2.174e12, "USD")]),
    ("news-words-point", "eight point seven trillion yen",
     [fig("money", "eight point seven trillion yen", 8.7e12, "JPY")]),
    ("news-cents", "it cost 20 dollars and 43 cents",
     [fig("money", "20 dollars and 43 cents", 20.43, "USD")]),
    ("news-5.4-trillion", "a record 5.4 trillion yen defense budget",
     [fig("money", "5.4 trillion yen", 5.4e12, "JPY")]),
]

# ---- 2. parenthesised conversions are positive; a negative needs evidence -----------------
PARENTHESES = [
    ("issue-yen-dollar-conversion", "It pays 1.2 trillion yen ($10.5 billion) a year.",
     [fig("money", "1.2 trillion yen", 1.2e12, "JPY", note=None),
      fig("money", "$10.5 billion", 10.5e9, "USD", note=None)]),
    ("issue-yen-symbol-us-dollar", "It paid ¥900 million (US$8.1 million).",
     [fig("money", "¥900 million", 9e8, "JPY"), fig("money", "US$8.1 million", 8.1e6, "USD")]),
    ("news-parenthesised-alone", "The budget (¥5.4 trillion) grew.",
     [fig("money", "¥5.4 trillion", 5.4e12, "JPY")]),
    ("news-loss-of", "The firm posted a net loss of ($99.99).",
     [fig("money", "($99.99)", -99.99, "USD", note="negative: parentheses after 'net loss of'")]),
    ("news-table-line", "Net income | ($5.2 million) | $3.1 million",
     [fig("money", "($5.2 million)", -5.2e6, "USD",
          note="negative: parentheses in a financial table"),
      fig("money", "$3.1 million", 3.1e6, "USD", note=None)]),
    ("news-minus-sign", "Reserves fell to -$5 billion.",
     [fig("money", "-$5 billion", -5e9, "USD", note="negative: minus sign")]),
    ("news-unicode-minus", "a balance of \u2212$3 billion",
     [fig("money", "\u2212$3 billion", -3e9, "USD", note="negative: minus sign")]),
    ("news-minus-word", "minus $2 billion", [fig("money", "minus $2 billion", -2e9, "USD",
                                                  note="negative: 'minus'")]),
    ("news-minus-percent", "growth of -5% in 2009",
     [fig("percent", "-5%", -5.0, "percent", note="negative: minus sign"),
      fig("date", "2009")]),
    ("caught-range-hyphen-not-minus", "from $5-$7 billion",
     [fig("money", "from $5-$7 billion", value_max=7e9, note=None)]),
]

# ---- 3. ranges keep their scale and both ends; "from A in Y1 to B in Y2" is two figures -----
RANGES = [
    ("issue-dollar-to-dollar-billion", "It will cost $10 to $15 billion.",
     [fig("money", "$10 to $15 billion", 10e9, "USD", value_max=15e9, qualifier="range")]),
    ("issue-hyphen-billion", "It will cost $5-7 billion.",
     [fig("money", "$5-7 billion", 5e9, "USD", value_max=7e9, qualifier="range")]),
    ("issue-to-billion", "It will cost $5 to $7 billion.",
     [fig("money", "$5 to $7 billion", 5e9, "USD", value_max=7e9, qualifier="range")]),
    ("issue-words-thousand", "four to five thousand troops came.",
     [fig("count", "four to five thousand troops", 4000.0, "troop", value_max=5000.0,
          qualifier="range")]),
    ("issue-between-dollars", "between 62 and 68 dollars a barrel",
     [fig("money", "between 62 and 68 dollars", 62.0, "USD", value_max=68.0,
          qualifier="range")]),
    ("issue-mpg-two-years", "From 20 mpg in 2008 to 29 mpg in 2011.",
     [fig("count", "20", 20.0, as_of=2008), fig("date", "2008", 2008.0, value_max=None),
      fig("count", "29", 29.0, as_of=2011), fig("date", "2011", 2011.0)]),
    ("news-letter-bn", "a $5-7bn package", [fig("money", "$5-7bn", 5e9, "USD", value_max=7e9)]),
    ("news-million-people", "between 4 and 5 million people came",
     [fig("count", "between 4 and 5 million people", 4e6, "person", value_max=5e6)]),
    ("news-million-yen", "prices of 5 to 7 million yen",
     [fig("money", "5 to 7 million yen", 5e6, "JPY", value_max=7e6)]),
    ("news-first-end-larger-unscaled", "between 500 and 2 million people",
     [fig("count", "between 500 and 2 million people", 500.0, value_max=2e6)]),
    ("news-hundred", "two to three hundred marines",
     [fig("count", "two to three hundred marines", 200.0, "marine", value_max=300.0)]),
    ("caught-year-ranges-stay", "from 1990 to 1995, and in 2008-13",
     [fig("date", "from 1990 to 1995", 1990.0, value_max=1995.0),
      fig("date", "2008-13", 2008.0, value_max=2013.0)]),
    ("caught-percent-range", "it rose from 3% to 5%.",
     [fig("percent", "from 3% to 5%", 3.0, value_max=5.0)]),
]

# ---- 4. scale suffixes: m, mn, M, bn, b, k, mil, mln -------------------------------------
SCALES = [
    ("issue-m-tons-is-a-measure", "It shipped 1.2m tons of rice.", []),  # like "1.2 million tons"
    ("issue-ringgit-mil", "a contract worth RM3.06mil", [fig("money", "RM3.06mil", 3.06e6, "MYR")]),
    ("issue-capital-M", "It raised $4.3M.", [fig("money", "$4.3M", 4.3e6, "USD")]),
    ("news-m-people", "3m people voted", [fig("count", "3m people", 3e6, "person")]),
    ("news-m-residents", "its 4m residents", [fig("count", "4m residents", 4e6, "resident")]),
    ("news-mln-spaced", "a 3 mln euros fine", [fig("money", "3 mln euros", 3e6, "EUR")]),
    ("news-bln-spaced", "4 bln yen in aid", [fig("money", "4 bln yen", 4e9, "JPY")]),
    ("news-mn-spaced", "5 mn rupees", [fig("money", "5 mn rupees", 5e6, "INR")]),
    ("news-bn-glued", "a 2.5bn pounds deal", [fig("money", "2.5bn pounds", 2.5e9, "GBP")]),
    ("news-b", "a $1b deal", [fig("money", "$1b", 1e9, "USD")]),
    ("news-k", "10k people marched", [fig("count", "10k people", 1e4, "person")]),
    ("news-mil-spaced-currency", "Revenue was RM 3 mil.", [fig("money", "RM 3 mil", 3e6, "MYR")]),
    ("news-mil-people", "2 mil people", [fig("count", "2 mil people", 2e6, "person")]),
    ("caught-m-alone-is-a-length", "It ran 5m and stopped.", []),
]

# ---- 5. percent: per cent, pc, pct, percentage points, ".001"; no swallowing ---------------
PERCENT = [
    ("issue-per-cent-then-dollars", "Sales rose 9.4 per cent to $84 a share.",
     [fig("percent", "9.4 per cent", 9.4, "percent", value_max=None),
      fig("money", "$84", 84.0, "USD")]),
    ("issue-pc", "It grew 3 pc last year.", [fig("percent", "3 pc", 3.0, "percent")]),
    ("issue-pct", "It grew 4 pct.", [fig("percent", "4 pct", 4.0, "percent")]),
    ("issue-percentage-points", "Rates rose 2 percentage points.",
     [fig("percent", "2 percentage points", 2.0, "percentage point")]),
    ("issue-leading-point", "It was .001 per cent of the total.",
     [fig("percent", ".001 per cent", 0.001, "percent")]),
    ("news-up-to-level", "unemployment, up 1.2 per cent to 5.4 per cent",
     [fig("percent", "1.2 per cent", 1.2), fig("percent", "5.4 per cent", 5.4)]),
    ("news-one-percentage-point", "a 1.5 percentage point rise",
     [fig("percent", "1.5 percentage point", 1.5, "percentage point")]),
    ("caught-from-to-stays-a-range", "it rose from 3% to 5%.",
     [fig("percent", "from 3% to 5%", 3.0, value_max=5.0)]),
    ("caught-version-number-left", "fell 0.5 per cent", [fig("percent", "0.5 per cent", 0.5)]),
]

# ---- 6. currencies: prefixes, suffixes, names, and one carried across "or" ----------------
CURRENCIES = [
    ('issue-US-dollar', 'It cost US$5 each.', [fig("money", 'US$5', 5.0, 'USD')]),
    ('issue-dollar-US', 'It cost fined $US5 million.', [fig("money", '$US5 million', 5000000.0, 'USD')]),
    ('issue-A-dollar', 'It cost a A$7 fee.', [fig("money", 'A$7', 7.0, 'AUD')]),
    ('issue-dollar-A', 'It cost a $A7 billion plan.', [fig("money", '$A7 billion', 7000000000.0, 'AUD')]),
    ('issue-C-dollar', 'It cost C$3 million.', [fig("money", 'C$3 million', 3000000.0, 'CAD')]),
    ('issue-HK-dollar', 'It cost HK$10 billion.', [fig("money", 'HK$10 billion', 10000000000.0, 'HKD')]),
    ('issue-NZ-dollar', 'It cost NZ$4 million.', [fig("money", 'NZ$4 million', 4000000.0, 'NZD')]),
    ('issue-S-dollar', 'It cost S$2 billion.', [fig("money", 'S$2 billion', 2000000000.0, 'SGD')]),
    ('issue-R-dollar', 'It cost R$9 billion.', [fig("money", 'R$9 billion', 9000000000.0, 'BRL')]),
    ('issue-RM', 'It cost RM5 million.', [fig("money", 'RM5 million', 5000000.0, 'MYR')]),
    ('issue-Rs', 'It cost Rs 500 crore.', [fig("money", 'Rs 500 crore', 5000000000.0, 'INR')]),
    ('issue-rupee-sign', 'It cost ₹500.', [fig("money", '₹500', 500.0, 'INR')]),
    ('issue-won-sign', 'It cost ₩1,000.', [fig("money", '₩1,000', 1000.0, 'KRW')]),
    ('issue-shekel-sign', 'It cost ₪50 million.', [fig("money", '₪50 million', 50000000.0, 'ILS')]),
    ('issue-zloty', 'It cost 50 zł.', [fig("money", '50 zł', 50.0, 'PLN')]),
    ('issue-kr', 'It cost 100 kr.', [fig("money", '100 kr', 100.0, '')]),
    ('issue-CHF-before', 'It cost CHF 20 million.', [fig("money", 'CHF 20 million', 20000000.0, 'CHF')]),
    ('issue-shekels', 'It cost 50 shekels.', [fig("money", '50 shekels', 50.0, 'ILS')]),
    ('issue-kroner', 'It cost 30 kroner.', [fig("money", '30 kroner', 30.0, '')]),
    ('issue-kronor', 'It cost 40 kronor.', [fig("money", '40 kronor', 40.0, 'SEK')]),
    ('issue-crowns', 'It cost 20 crowns.', [fig("money", '20 crowns', 20.0, '')]),
    ('issue-rand', 'It cost 10 rand.', [fig("money", '10 rand', 10.0, 'ZAR')]),
    ('issue-ringgit', 'It cost 5 ringgit.', [fig("money", '5 ringgit', 5.0, 'MYR')]),
    ('issue-rupees', 'It cost 100 rupees.', [fig("money", '100 rupees', 100.0, 'INR')]),
    ('issue-won', 'It cost 1,000 won.', [fig("money", '1,000 won', 1000.0, 'KRW')]),
    ('issue-yuan', 'It cost 20 yuan.', [fig("money", '20 yuan', 20.0, 'CNY')]),
    ('issue-renminbi', 'It cost 30 billion renminbi.', [fig("money", '30 billion renminbi', 30000000000.0, 'CNY')]),
    ('issue-pesos', 'It cost 50 pesos.', [fig("money", '50 pesos', 50.0, '')]),
    ('issue-lira', 'It cost 10 lira.', [fig("money", '10 lira', 10.0, 'TRY')]),
    ('issue-baht', 'It cost 30 baht.', [fig("money", '30 baht', 30.0, 'THB')]),
    ('issue-sen', 'It cost 50 sen.', [fig("money", '50 sen', 0.5, '')]),
    ("issue-carried-over-or", "A beer costs eight or nine euros.",
     [fig("money", "eight or nine euros", 8.0, "EUR", value_max=9.0, qualifier="range")]),
    ("issue-carried-to-a-bare-number", "Tickets cost 5 euros, or 7 with a drink.",
     [fig("money", "5 euros", 5.0, "EUR"),
      fig("money", "7", 7.0, "EUR", note="currency carried from '5 euros'")]),
    ("caught-counted-noun-keeps-its-unit", "It cost $20, and 30 people came.",
     [fig("money", "$20", 20.0, "USD"), fig("count", "30 people", 30.0, "person")]),
    ("caught-scaled-amount-carries-nothing", "It cost $5 billion, or 7 of them.",
     [fig("money", "$5 billion"), fig("count", "7", 7.0, None)]),
    ("news-or-percent", "5 or 6 percent", [fig("percent", "5 or 6 percent", 5.0, value_max=6.0)]),
    ("caught-or-years-not-a-range", "in 1992 or 1993",
     [fig("date", "1992", 1992.0), fig("date", "1993", 1993.0)]),
    ("caught-won-t", "Of them, 24 won't vote.", [fig("count", "24", 24.0)]),
    ("caught-ringgit-and-sen", "20 ringgit and 43 sen",
     [fig("money", "20 ringgit and 43 sen", 20.43, "MYR")]),
    ("caught-code-dollar-prefix", "nzd$15 each", [fig("money", "nzd$15", 15.0, "NZD")]),
    ("caught-two-amounts-not-cents", "50 dollars 50 dollars",
     [fig("money", "50 dollars", 50.0), fig("money", "50 dollars", 50.0)]),
]

# ---- 7. multipliers and fractions ------------------------------------------------------
MULTIPLIERS = [
    ("issue-sixfold", "Spending rose sixfold.", [fig("ratio", "sixfold", 6.0, "fold")]),
    ("issue-two-thirds", "two-thirds of the budget",
     [fig("ratio", "two-thirds", 2 / 3, None)]),
    ("issue-fraction-slash", "a 1\u204432 share of it", [fig("ratio", "1\u204432", 1 / 32)]),
    ("issue-half", "half of the troops left.", [fig("ratio", "half", 0.5)]),
    ("news-10-fold", "a 10-fold rise", [fig("ratio", "10-fold", 10.0, "fold")]),
    ("news-decimal-fold", "a 2.5-fold increase", [fig("ratio", "2.5-fold", 2.5, "fold")]),
    ("news-qualified-fold", "nearly twofold", [fig("ratio", "nearly twofold", 2.0, "fold",
                                                   qualifier="almost")]),
    ("news-by-half", "The force fell by half.", [fig("ratio", "half", 0.5)]),
    ("news-cut-in-half", "It was cut in half.", [fig("ratio", "half", 0.5)]),
    ("caught-half-hearted", "a half-hearted try", []),
    ("caught-third-strand", "A third strand of policy", []),
]

# ---- 8. not figures: names, identifiers, addresses, phones, clock times, scores ------------
NOT_FIGURES = [
    ("issue-section", "Under Section 427 of the law", []),
    ("issue-big-12", "the Big 12 conference", []),
    ("issue-s-and-p", "the S&P 500 rose", []),
    ("issue-covid", "COVID-19 spread", []),
    ("issue-5g", "5G networks grew", []),
    ("issue-boeing", "a Boeing 747 landed", []),
    ("issue-street-number", "He lives at 1600 Pennsylvania Avenue.", []),
    ("news-downing-street", "at 10 Downing Street today", []),
    ("issue-postcode", "London SW1A 2AA", []),
    ("issue-phone-japan", "Call 03-1234-5678 now", []),
    ("issue-phone-international", "Call +81 3 1234 5678 now", []),
    ("issue-clock-time", "The meeting starts at 3:30 p.m.", []),
    ("news-clock-pm", "It ends at 5 p.m. today", []),
    ("issue-score-won", "Japan won 2-1 against Korea", []),
    ("news-score-win", "a 3-0 win over Iran", []),
    ("issue-first-quarter", "Profit rose in the first quarter.", []),
    ("issue-second-half", "in the second half of the year", []),
    ("issue-per-second", "It moves 300 meters per second.", []),
    ("news-group-of-20", "The Group of 20 met.", []),
    ("news-flight", "Flight 370 vanished.", []),
    ("caught-qualifier-is-no-name", "About 500 troops came.",
     [fig("count", "About 500 troops", 500.0, "troop")]),
    ("caught-possessive-is-no-name", "Japan's 47,000 troops",
     [fig("count", "47,000 troops", 47000.0, "troop")]),
    ("caught-range-is-no-score", "5-10 people came",
     [fig("count", "5", 5.0), fig("count", "10 people", 10.0, "person")]),
]

# ---- 9. the date a figure refers to: fiscal years, decades, its own clause -----------------
# (relative dates need the document's date: DATED below)
DATES = [
    ("issue-fiscal", "Japan plans 8.7 trillion yen for fiscal 2025.",
     [fig("money", "8.7 trillion yen", 8.7e12, as_of=2025), fig("date", "fiscal 2025", 2025.0)]),
    ("issue-FY", "a budget of $50 billion in FY2025",
     [fig("money", "$50 billion", as_of=2025), fig("date", "FY2025", 2025.0)]),
    ("issue-fiscal-year", "It spent 5 trillion yen in fiscal year 2021.",
     [fig("money", "5 trillion yen", as_of=2021), fig("date", "fiscal year 2021", 2021.0)]),
    # a year before a word in -s is still a year after a preposition of time or before a verb
    ("news-year-before-verb", "The budget for fiscal 2021 includes 33.5 billion yen.",
     [fig("date", "fiscal 2021", 2021.0), fig("money", "33.5 billion yen", as_of=2021)]),
    ("news-year-before-verb-totals", "The budget for 2021 totals 33.5 billion yen.",
     [fig("date", "2021", 2021.0), fig("money", "33.5 billion yen", as_of=2021)]),
    ("news-in-year-before-noun", "In 2021 exports rose 5 percent.",
     [fig("date", "2021", 2021.0), fig("percent", "5 percent", as_of=2021)]),
    ("news-since-year-before-noun", "Since 1996 troops have left.", [fig("date", "1996")]),
    ("news-year-like-count-after-by", "It grew by 1500 troops.",
     [fig("count", "1500 troops", 1500.0, "troop")]),
    ("news-old-year-like-count-after-in", "It resulted in 1500 deaths.",
     [fig("count", "1500 deaths", 1500.0, "death")]),
    ("issue-early-decade", "in the early 1990s there",
     [fig("date", "early 1990s", 1990.0, value_max=1994.0, as_of=1990)]),
    ("news-mid-decade", "by the mid-1990s", [fig("date", "mid-1990s", 1993.0, value_max=1996.0)]),
    ("news-late-decade", "the late 1980s", [fig("date", "late 1980s", 1985.0, value_max=1989.0)]),
    ("news-whole-decade", "the 1970s", [fig("date", "1970s", 1970.0, value_max=1979.0)]),
    ("issue-own-clause", "From 20 mpg in 2008 to 29 mpg in 2011.",
     [fig("count", "20", as_of=2008), fig("date", "2008"), fig("count", "29", as_of=2011),
      fig("date", "2011")]),
    ("issue-troops-other-clause", "Japan hosts about 54,000 troops, while in 1995 it hosted 47,000.",
     [fig("count", "about 54,000 troops", as_of=None), fig("date", "1995"),
      fig("count", "47,000", as_of=1995)]),
    ("news-semicolon-clause", "The U.S. kept 47,000 troops there; the accord was signed in 1996.",
     [fig("count", "47,000 troops", as_of=None), fig("date", "1996")]),
    ("news-opening-year-governs", "In 2016, Japan paid 1.9 trillion yen, and 54,000 troops stayed.",
     [fig("date", "2016"), fig("money", "1.9 trillion yen", as_of=2016),
      fig("count", "54,000 troops", as_of=2016)]),
    ("news-year-after-figure", "Japan paid 1.9 trillion yen in 2016, and 200 billion yen in 2017.",
     [fig("money", "1.9 trillion yen", as_of=2016), fig("date", "2016"),
      fig("money", "200 billion yen", as_of=2017), fig("date", "2017")]),
]

# ---- 10. targets and forecasts carry a modality ---------------------------------------------
MODALITY = [
    ("issue-aims-by-fiscal", "Japan aims to raise defense spending to 2% of GDP by fiscal 2027.",
     [fig("percent", "2%", as_of=2027, modality="target"),
      fig("date", "fiscal 2027", modality="fact")]),
    ("issue-expected", "The budget is expected to reach 8.7 trillion yen.",
     [fig("money", "8.7 trillion yen", modality="forecast")]),
    ("news-fact-after-and", "It aims for 2% by 2027, and it spent 1% in 2022.",
     [fig("percent", "2%", modality="target"), fig("date", "2027"),
      fig("percent", "1%", as_of=2022, modality="fact"), fig("date", "2022")]),
    ("news-fact-after-semicolon", "Spending is projected at $5 billion; it was $4 billion.",
     [fig("money", "$5 billion", modality="forecast"),
      fig("money", "$4 billion", modality="fact")]),
    ("news-plain-fact", "Japan spent 5.4 trillion yen.",
     [fig("money", "5.4 trillion yen", modality="fact")]),
    ("news-plans-to", "The government plans to cut 3,000 jobs.",
     [fig("count", "3,000 jobs", modality="target")]),
]

# ---- 11. the same amount in two currencies: two readings, linked (same_as = first's start) ---
CONVERSIONS = [
    ("issue-or-about", "Japan will pay 8.7 trillion yen, or about $54.8 billion.",
     [fig("money", "8.7 trillion yen", 8.7e12, "JPY", same_as=None),
      fig("money", "about $54.8 billion", 54.8e9, "USD", same_as=15)]),
    ("issue-parenthesised", "It pays 1.2 trillion yen ($10.5 billion) a year.",
     [fig("money", "1.2 trillion yen", same_as=None),
      fig("money", "$10.5 billion", 10.5e9, "USD", same_as=8)]),
    ("news-symbols", "\u00a5900 million (US$8.1 million)",
     [fig("money", "\u00a5900 million", same_as=None),
      fig("money", "US$8.1 million", same_as=0)]),
    ("caught-same-currency-is-no-conversion", "It paid $5 billion or $6 billion.",
     [fig("money", "$5 billion", same_as=None), fig("money", "$6 billion", same_as=None)]),
    ("caught-and-is-no-conversion", "5 billion yen and $3 million",
     [fig("money", "5 billion yen", same_as=None), fig("money", "$3 million", same_as=None)]),
    # exchange-rate phrases: a rate between two currencies, not an amount of the first
    ("news-rate-to-the", "It is $54.8 billion at 159 yen to the dollar.",
     [fig("money", "$54.8 billion", 54.8e9, "USD"),
      fig("ratio", "159 yen to the dollar", 159.0, "JPY per USD", note="exchange rate")]),
    ("news-rate-per", "The euro bought 1.08 dollars per euro in May.",
     [fig("ratio", "1.08 dollars per euro", 1.08, "USD per EUR")]),
    ("caught-to-a-person-is-no-rate", "It paid 5 dollars to the boy.",
     [fig("money", "5 dollars", 5.0, "USD")]),
    ("caught-against-after-a-percent", "The yen fell 2% against the dollar.",
     [fig("percent", "2%", 2.0, "percent")]),
]

# ---- 13. metric: synonyms of the vocabulary, else an open metric from the noun phrase -------
METRICS = [
    ("issue-cost-sharing", "Japan pays 1.05 trillion yen in cost-sharing.",
     [fig("money", "1.05 trillion yen", metric="host-nation-support")]),
    ("issue-host-nation-support", "host-nation support of 211 billion yen",
     [fig("money", "211 billion yen", metric="host-nation-support")]),
    ("issue-troops-stationed", "About 54,000 troops stationed in Japan",
     [fig("count", "About 54,000 troops", metric="us-forces-in-japan")]),
    ("issue-defense-spending", "Defense spending rose to 6.8 trillion yen.",
     [fig("money", "6.8 trillion yen", metric="defense-budget")]),
    ("news-open-after", "Tokyo will spend $5 billion for missile defense.",
     [fig("money", "$5 billion", metric="missile-defense")]),
    ("news-open-before", "Japan said the relocation cost was $5 billion.",
     [fig("money", "$5 billion", metric="relocation-cost")]),
    ("news-open-count", "The plan cuts 3,000 jobs.", [fig("count", "3,000 jobs", metric="job")]),
    ("caught-small-count-no-metric", "The two leaders met.",
     [fig("count", "two leaders", metric=None)]),
    ("caught-year-is-no-metric", "It paid $5 billion in 2020.",
     [fig("money", "$5 billion", metric=None), fig("date", "2020")]),
]

TABLES: dict[str, list[tuple[str, str, list[dict[str, Any]]]]] = {
    "exact_values": EXACT_VALUES,
    "parentheses": PARENTHESES,
    "ranges": RANGES,
    "scales": SCALES,
    "percent": PERCENT,
    "currencies": CURRENCIES,
    "multipliers": MULTIPLIERS,
    "not_figures": NOT_FIGURES,
    "dates": DATES,
    "modality": MODALITY,
    "conversions": CONVERSIONS,
    "metrics": METRICS,
}
CASES = [pytest.param(text, expected, id=f"{table}-{case_id}")
         for table, rows in TABLES.items() for case_id, text, expected in rows]


def _got(text: str) -> list[dict[str, Any]]:
    return [e.to_dict() for e in extract(text)]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_news_case(text: str, expected: list[dict[str, Any]]) -> None:
    got = _got(text)
    assert [g["surface"] for g in got] == [e["surface"] for e in expected], text
    for g, e in zip(got, expected, strict=True):
        assert {k: g[k] for k in e} == e, text


# relative dates resolved against the document's own date: (id, text, date, expected)
DATED = [
    ("issue-last-november", "Some 45,000 troops were there last November.", "1996-05",
     [fig("count", "Some 45,000 troops", as_of=1995)]),
    ("issue-last-year", "Japan paid 1.2 trillion yen last year.", "2017-08",
     [fig("money", "1.2 trillion yen", as_of=2016)]),
    ("issue-early-august", "Exports rose 5% in early August.", "2023-09-12",
     [fig("percent", "5%", as_of=2023)]),
    ("issue-early-august-across-new-year", "Exports rose 5% in early August.", "2024-01-10",
     [fig("percent", "5%", as_of=2023)]),
    ("issue-past-year", "Prices rose 3% over the past year.", "2020-06",
     [fig("percent", "3%", as_of=2020)]),
    ("issue-next-month", "A 2% rise is due next month.", "2020-12",
     [fig("percent", "2%", as_of=2021)]),
    ("news-next-year", "It will spend $5 billion next year.", "2019",
     [fig("money", "$5 billion", as_of=2020)]),
    ("news-no-document-date", "Japan paid 1.2 trillion yen last year.", None,
     [fig("money", "1.2 trillion yen", as_of=None)]),
    ("news-explicit-year-wins", "Japan paid 1.2 trillion yen in 2015, last year's level.",
     "2017-08", [fig("money", "1.2 trillion yen", as_of=2015), fig("date", "2015")]),
]


@pytest.mark.parametrize(("text", "date", "expected"),
                         [pytest.param(t, d, e, id=i) for i, t, d, e in DATED])
def test_dated_case(text: str, date: str | None, expected: list[dict[str, Any]]) -> None:
    got = [e.to_dict() for e in extract(text, date=date)]
    assert [g["surface"] for g in got] == [e["surface"] for e in expected], text
    for g, e in zip(got, expected, strict=True):
        assert {k: g[k] for k in e} == e, text


# ---- 12. page furniture of news sites: the ingest path (cleaning, then extraction) ----------
NEWS_PAGE = """Japan to pay record host-nation support

By Jane Doe | Published: Aug. 31, 2023 5:00 p.m. | Updated: Sept. 1, 2023

TOKYO, Aug. 31 (Kyodo) -- Japan will pay 1.05 trillion yen ($7.2 billion) in host-nation \
support, officials said on Aug. 30.

U.S. Marines train in Okinawa in 2019. (Photo: Kyodo)

Sign up for our newsletter to get 5 top stories every morning.

About 54,000 U.S. troops are stationed in Japan.

Jane Doe is a staff writer based in Tokyo who has covered defense since 2015.

John Roe contributed to this report.

Share this article
"""
NEWS_FURNITURE = [  # (id, surface that must be a figure of NEWS_PAGE, or not be one)
    ("issue-byline-date-published", "Aug. 31, 2023", False),
    ("issue-byline-date-updated", "Sept. 1, 2023", False),
    ("issue-dateline", "Aug. 31", False),
    ("issue-photo-caption", "2019", False),
    ("issue-newsletter", "5 top stories", False),
    ("issue-author-bio", "2015", False),
    ("news-body-amount", "1.05 trillion yen", True),
    ("news-body-conversion", "$7.2 billion", True),
    ("news-body-date", "Aug. 30", True),
    ("news-body-count", "About 54,000", True),
]


@pytest.mark.parametrize(("surface", "is_figure"),
                         [pytest.param(s, f, id=i) for i, s, f in NEWS_FURNITURE])
def test_news_page_furniture(surface: str, is_figure: bool) -> None:
    from claims.ingest.store import extract_figures

    figures = extract_figures(NEWS_PAGE)
    assert all(NEWS_PAGE[f.start:f.end] == f.surface for f in figures)  # original offsets
    assert (surface in [f.surface for f in figures]) == is_figure
