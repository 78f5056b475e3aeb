"""The one precedence rule for the centre's policy (``services.precedence``), case by case."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from services.precedence import CENTRE, DEFAULT, SITE, resolve

KEYS = ("cut", "years", "on", "limit")
DEFAULTS: dict[str, Any] = {"cut": 32.0, "years": 2, "on": False, "limit": 500.0}
ALWAYS = ("cut", "on")  # the keys the centre owns even before its policy arrives


@dataclass(frozen=True)
class Item:
    """A value of the centre's policy, as ``PolicyItem`` carries it."""

    key: str
    value: Any
    central: bool = False


@pytest.mark.parametrize(("local", "centre", "key", "want", "ignored"), [
    # Nothing said anywhere: the shipped default.
    ({}, [], "limit", (500.0, DEFAULT), ()),
    # The site's own tuning wins over the centre's value on a key the centre does not own.
    ({"limit": 800.0}, [Item("limit", 300.0)], "limit", (800.0, SITE), ()),
    # Without a local setting the centre's value stands, as the default's type.
    ({}, [Item("years", 3.0)], "years", (3, CENTRE), ()),
    # A key the centre always owns: before any policy the shipped default; the differing local value is reported.
    ({"cut": 50.0}, [], "cut", (32.0, DEFAULT), ("cut",)),
    # ... a local setting that repeats the value in force changes nothing and is not reported.
    ({"cut": 32.0}, [], "cut", (32.0, DEFAULT), ()),
    ({"cut": 32.0}, [Item("cut", 30.0, central=True)], "cut", (30.0, CENTRE), ("cut",)),
    # A key the centre marks central: its value, and the site's differing tuning is ignored and reported.
    ({"limit": 800.0}, [Item("limit", 300.0, central=True)], "limit", (300.0, CENTRE), ("limit",)),
    ({"limit": 300.0}, [Item("limit", 300.0, central=True)], "limit", (300.0, CENTRE), ()),
    # A flag for a flag.
    ({"on": False}, [Item("on", True)], "on", (True, CENTRE), ("on",)),
    # Values that cannot be the key's type are as if not sent: a flag for a number, a number for a flag,
    # a fraction for a whole number, not a number at all.
    ({}, [Item("limit", True)], "limit", (500.0, DEFAULT), ()),
    ({"limit": 800.0}, [Item("limit", True)], "limit", (800.0, SITE), ()),
    ({}, [Item("on", 1.0)], "on", (False, DEFAULT), ()),
    ({}, [Item("years", 2.5)], "years", (2, DEFAULT), ()),
    ({}, [Item("limit", float("nan"))], "limit", (500.0, DEFAULT), ()),
    ({}, [Item("limit", "300")], "limit", (500.0, DEFAULT), ()),
    # ... but a key the centre marked central stays its own: the shipped default, and the site's tuning is reported.
    ({"limit": 800.0}, [Item("limit", False, central=True)], "limit", (500.0, DEFAULT), ("limit",)),
])
def test_each_key_resolves_by_the_one_rule(local: dict[str, Any], centre: list[Item], key: str,
                                           want: tuple[Any, str], ignored: tuple[str, ...]) -> None:
    held = resolve(KEYS, DEFAULTS, local, centre, ALWAYS)
    assert (held.values[key], held.sources[key]) == want
    assert type(held.values[key]) is type(want[0])
    assert held.ignored == ignored


def test_every_key_is_answered_keys_the_caller_does_not_name_are_left_out_and_ignored_follows_the_keys() -> None:
    centre = [Item("years", 4.0, central=True), Item("unknown", 1.0, central=True)]
    held = resolve(KEYS, DEFAULTS, {"years": 5, "cut": 40.0, "limit": 900.0}, centre, ALWAYS)
    assert held.values == {"cut": 32.0, "years": 4, "on": False, "limit": 900.0}
    assert held.sources == {"cut": DEFAULT, "years": CENTRE, "on": DEFAULT, "limit": SITE}
    assert held.ignored == ("cut", "years")
    assert set(resolve(("limit",), DEFAULTS, {}, centre).values) == {"limit"}
