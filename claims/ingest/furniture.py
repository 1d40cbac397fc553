"""Rules for web furniture: the blocks of a captured page that are not the document.

Each rule is a ``FurnitureRule(name, pattern, action)``: ``pattern`` is searched in a
block (a paragraph, whitespace folded); ``action`` is ``drop`` (drop this block) or
``cut`` (drop this block and everything after it, for cover sheets and comment forms
that run to the end of a capture). Order does not matter: the first rule that
matches a block decides. The examples in comments come from the bundled seeds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from claims.extract._tables import MONTHS


@dataclass(frozen=True)
class FurnitureRule:
    name: str
    pattern: re.Pattern[str]
    action: Literal["drop", "cut"] = "drop"
    # lower-case words one of which every match contains (read from ``pattern``), each with
    # whether a match starts with it, or None: a block whose lower-case text holds none of
    # them is skipped without running the rule
    hints: tuple[tuple[str, bool], ...] | None = None
    max_length: int | None = None  # the longest block the rule can match, if bounded


def _rule(name: str, pattern: str, action: Literal["drop", "cut"] = "drop") -> FurnitureRule:
    words = required_words(pattern)
    hints = tuple(sorted((w.lstrip("^"), w.startswith("^")) for w in words)) if words else None
    return FurnitureRule(name, re.compile(pattern, re.IGNORECASE), action, hints,
                         longest_match(pattern))


_MIN_HINT = 3  # shorter literals ("by", "x") would let nearly every block through


def required_words(pattern: str) -> frozenset[str] | None:
    """Lower-case literal strings one of which every match of ``pattern`` contains, read
    from its parse tree (a run of literal characters outside optional parts, or one from
    each branch of an alternation); None when there is no such set. A string every match
    starts with is marked with a leading ``^``.

    >>> sorted(required_words("^Try [0-9]+ days|free articles? left"))
    ['^try ', 'free article']
    >>> required_words("[0-9]{8} [0-9]{3}") is None
    True
    """
    from re import _parser  # type: ignore[attr-defined]

    return _required(list(_parser.parse(pattern)), False)


def _required(items: list[tuple[object, object]], anchored: bool) -> frozenset[str] | None:
    """``anchored``: the items start where the match starts (right after a ``^``)."""
    from re import _constants as c  # type: ignore[attr-defined]

    best, best_at_start = "", False
    run, run_at_start = "", False
    found: frozenset[str] | None = None
    at_start = anchored  # nothing consumed yet since the start of the match
    for op, av in [*items, (None, None)]:
        if op is c.LITERAL and isinstance(av, int) and av < 128:
            if not run:
                run_at_start = at_start
            run += chr(av).lower()
            at_start = False
            continue
        if len(run) >= _MIN_HINT and (run_at_start, len(run)) > (best_at_start, len(best)):
            best, best_at_start = run, run_at_start  # a start a match must have wins
        run = ""
        if op is c.AT and av is c.AT_BEGINNING:
            at_start = at_start or not found and not best
            continue
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT) or op is None:
            continue
        here = at_start
        at_start = False
        if found is not None:
            continue
        if op is c.SUBPATTERN:
            found = _required(list(av[3]), here)  # type: ignore[index]
        elif op is c.BRANCH:
            branches = [_required(list(b), here) for b in av[1]]  # type: ignore[index]
            if all(branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index]
            low, sub = av[0], list(av[2])  # type: ignore[index]
            if len(sub) == 1 and sub[0][0] is c.LITERAL and sub[0][1] < 128:  # "-{3,}"
                if (here, min(low, 8)) > (best_at_start, len(best)):
                    best, best_at_start = chr(sub[0][1]).lower() * min(low, 8), here
            else:
                found = _required(sub, here)
    if len(best) >= _MIN_HINT:
        return frozenset({("^" if best_at_start else "") + best})
    return found


def longest_match(pattern: str) -> int | None:
    """The length of the longest text ``pattern`` can match when it is anchored at both
    ends: "^(?=.{0,240}$)..." -> 240, "^Number [0-9]+$" -> None (unbounded); else None.

    >>> longest_match("^(?=.{0,240}$)By .*"), longest_match("^Leave a Reply$")
    (240, 13)
    """
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    tree = _parser.parse(pattern)
    items = list(tree)
    if not items or items[0] != (c.AT, c.AT_BEGINNING):
        return None
    if len(items) > 1 and items[1][0] is c.ASSERT and items[1][1][0] == 1:
        ahead = list(items[1][1][1])
        if len(ahead) == 2 and ahead[1] == (c.AT, c.AT_END) and \
                ahead[0][0] is c.MAX_REPEAT and list(ahead[0][1][2]) == [(c.ANY, None)]:
            return int(ahead[0][1][1])
    if items[-1] == (c.AT, c.AT_END):
        width = tree.getwidth()[1]
        return int(width) if width < c.MAXREPEAT else None
    return None


# A date's first word, for "Posted on May 5": a weekday, or a month as the extractor reads
# months (its table: full names and abbreviations)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_OR_MONTH = "(?:" + "|".join([*_WEEKDAYS, *sorted(MONTHS, key=len, reverse=True)]) + ")"
# Month names in full (each month's longest name in the table), capitalised: "By May
# 2027, ..." is no byline
_MONTH_NAMES = "|".join(
    max((name for name, number in MONTHS.items() if number == month), key=len).capitalize()
    for month in range(1, 13))

FURNITURE_RULES: tuple[FurnitureRule, ...] = (
    # Icon sprite names run together: "ArrowArtboardCreated with Sketch.Title ChevronCross..."
    _rule("icon strings", r"Created with Sketch|(?:Icon\w*\s*){3,}"),
    # Paywall prompts: "You have {{numberArticlesLeft}} free article...", "Try 3 months for $9"
    _rule("template placeholder", r"\{\{\s*\w[\w-]*\s*\}\}"),
    _rule("paywall", r"\bfree articles? left\b|last free article|Get Unlimited access"
          r"|Stay ahead with our exclusives|Get trusted insights from experts"
          r"|^Try \d+ (?:days?|weeks?|months?) for\b|^Offer ends\b|trial period has expired"
          r"|You need a subscription|Read all stories with unlimited access"
          r"|full access to .{0,60} has expired|^See all offers|on print phone, device"),
    # Sponsored-content labels: "Sponsored Content", "About Sponsored Content This content was ..."
    _rule("sponsor label", r"^(?:About )?Sponsored Content\b"),
    # Comment forms run to the end of blog captures: "Leave a Reply", "Connecting to %s"
    _rule("comment form", r"^Leave a Reply$", "cut"),
    _rule("comment form line", r"^Fill in your details below|You are commenting using"
          r"|^(?:Facebook|Google|Twitter|WordPress\.com) (?:photo|picture)$|^Connecting to %s$"),
    # Archive cover sheet at the end of the DTIC capture: "## INTERNET DOCUMENT INFORMATION FORM"
    _rule("archive cover sheet", r"INTERNET DOCUMENT INFORMATION FORM", "cut"),
    # Report codes printed mid-sentence by the archive: "20011001 048"
    _rule("report code", r"^\d{8}\s+\d{3}$"),
    # Site navigation and series boilerplate
    _rule("navigation", r"Return to Top|^Los Angeles Times Articles$|^-{3,}$|^NOTE$"
          r"|^Editor(?: in Chief)? - |^The Strategic Forum provides summaries"),
    # Masthead issue line: "Number 75, May 1996"
    _rule("issue number", r"^Number \d+, \w+ \d{4}$"),
    # ---- news sites (the news issue): none of these blocks is the article's text ----
    # Bylines with their dates: "By Jane Doe | Published: Aug. 31, 2023 5:00 p.m. Updated: ...",
    # "Posted on May 5, 2020". The word is capitalised, as a byline writes it, and "on" is
    # followed by a date: "Solberg posted on Twitter", "Toyota posted 5% growth" are news.
    _rule("byline date", r"^(?=.{0,240}$)(?:.{0,120}\b)?(?-i:Published|Updated|Posted"
          r"|Last updated|First published|PUBLISHED|UPDATED|POSTED)\b\s*(?::|on\s+(?:\d|"
          + _DAY_OR_MONTH + r"\b)|\d|(?-i:[A-Z][a-z]{2}))"),
    # A byline alone: "By Jane Doe", "By Jane Doe and John Roe, Staff Writers" (names capitalised)
    _rule("byline", r"^(?=.{0,120}$)(?-i:By\s+(?!(?:" + "|".join(_WEEKDAYS) + "|"
          + _MONTH_NAMES + r"|Then|Now|Contrast|Comparison)\b)"
          r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3}"
          r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3})*"
          r"(?:\s*[,|\u2014-]\s*[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|of|the|and|for))"
          r"{0,6})?)$"),
    # Photo captions and credits: "(Photo: Kyodo)", "AP Photo/Eugene Hoshiko", "Photo by Jane
    # Doe", "Jane Doe/Getty Images". Credit words are capitalised as a credit writes them,
    # and "Getty Images" is a credit only after a slash or a bracket or at the end: "Getty
    # Images was sold for $3.4 billion" and "the photo by the AP showed 300" are news.
    _rule("photo caption", r"^(?=.{0,400}$).*(?:\((?:AP |File |Kyodo |Reuters )?Photo\b"
          r"|(?-i:\bPhoto(?:graph)?)\s*(?:by|:|credit)|(?-i:\bCredit)\s*:"
          r"|[/(|]\s*Getty Images|Getty Images\W*$|\bAP Photo\b"
          r"|REUTERS/|(?-i:\bFile photo\b)|(?-i:Image(?:s)?)\s*(?:by|:)\s)"),
    # Newsletter sign-up boxes: "Sign up for our newsletter", "Enter your email address"
    _rule("newsletter", r"^(?=.{0,300}$).*(?:Sign up for|Subscribe to (?:our|the) .{0,30}newsletter"
          r"|newsletter sign[- ]?up|Enter your e-?mail|delivered to your inbox"
          r"|Get our .{0,40} newsletter)"),
    # Author bios: "Jane Doe is a staff writer for The Japan Times."
    _rule("author bio", r"^(?=.{0,300}$)(?-i:[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3})\s+"
          r"(?:is|was|covers)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}"
          r"(?:writer|reporter|correspondent|journalist|editor|columnist|contributor"
          r"|bureau chief)\b"),
    # Credits of other reporters: "Jane Doe contributed to this report.", "Editing by ..."
    _rule("report credit", r"contributed(?: reporting)? to this (?:report|article|story)"
          r"|^Additional reporting by\b|^Reporting by\b|\bEditing by\b|^Compiled by\b"),
    # Share and print strings: "Share this article", "Print Email Facebook Twitter"
    _rule("share strings", r"^(?:(?:Share|Print|E-?mail|Tweet|Copy link|Save|Facebook|Twitter|X"
          r"|LinkedIn|WhatsApp|Reddit|Comments?|Gift (?:this )?article)(?:\s+(?:this|on)\s*"
          r"(?:article|story|page|\w+)?)?[\s|:]*){1,10}$"),
)


def furniture_rule_for(block: str) -> FurnitureRule | None:
    """The rule that marks ``block`` as furniture, or None if it is content.

    >>> furniture_rule_for("Try 3 months for $9").name
    'paywall'
    >>> furniture_rule_for("Japan is already one of our most important markets.") is None
    True
    """
    folded = " ".join(block.split())
    lowered = folded.lower()
    length = len(folded)
    for rule in FURNITURE_RULES:
        if rule.max_length is not None and length > rule.max_length:
            continue  # longer than anything the rule matches
        if rule.hints is not None:
            for hint, at_start in rule.hints:
                if lowered.startswith(hint) if at_start else hint in lowered:
                    break
            else:
                continue  # none of the words every match holds: the regex cannot match
        if rule.pattern.search(folded):
            return rule
    return None
