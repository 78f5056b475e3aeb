"""A registry failure reaches an Urdu screen in Urdu: the client codes each problem, the console translates it."""

from __future__ import annotations

import pytest

from console.names import error_text
from services.registry import RegistryError, RegistryUnavailable
from tests.registry.conftest import FakeHub
from tests.registry.test_client_failures import CNIC, client
from tests.urdu_walk import untranslated


def _problem(fake_hub: FakeHub, how: str) -> Exception:
    getattr(fake_hub, how[0])(*how[1:])
    with pytest.raises((RegistryUnavailable, RegistryError)) as err:
        client(fake_hub.url, retries=0).household_status_by_cnic(CNIC)
    return err.value


@pytest.mark.parametrize("how", [("stall",), ("json", 401, {"title": "no"}), ("raw", 200, b"<html>", "text/html"),
                                 ("json", 200, {"unexpected": 1}), ("raw", 503, b"{}", "application/json"),
                                 ("json", 422, {"title": "bad"})])
def test_each_registry_problem_reads_in_urdu(urdu, fake_hub: FakeHub, how: tuple) -> None:
    problem = _problem(fake_hub, how)
    shown = error_text(problem)
    assert shown != problem.message and "مرکزی رجسٹری" in shown  # type: ignore[attr-defined]
    assert untranslated([("registry", shown)]) == []


def test_in_english_the_console_shows_the_clients_own_message(fake_hub: FakeHub, qapp) -> None:
    problem = _problem(fake_hub, ("stall",))
    assert error_text(problem) == problem.message  # type: ignore[attr-defined]
    assert problem.reason == "timeout" and problem.params["after"] == "lookup"  # type: ignore[attr-defined]


def test_a_region_question_the_hub_rejects_is_explained_in_urdu(urdu, fake_hub: FakeHub, tmp_path) -> None:
    """The Region page's refusal carries the registry's coded problem, so it reads in Urdu too."""
    from datetime import date

    from console.pages.region import refusal_text
    from services.region import RegionQuery, RegionRefused, RegionService

    fake_hub.json(422, {"title": "bad range"})
    service = RegionService(client(fake_hub.url, retries=0), tmp_path)
    with pytest.raises(RegionRefused) as refused:
        service.overview(RegionQuery(date(2026, 3, 1), date(2026, 3, 4)))
    shown = refusal_text(refused.value)
    assert "مرکزی رجسٹری" in shown and untranslated([("region", shown)]) == []
