"""Configuration: defaults, TOML file, environment overrides, clear errors, hidden secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.config import ConfigError, load_config

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "config.example.toml"


def test_defaults_without_a_file(tmp_path):
    cfg = load_config(env={"DRC_CONFIG": str(tmp_path / "missing.toml")})
    assert cfg.printer.backend == "preview" and cfg.queue.recalls_before_no_show == 2 and cfg.source is None


def test_example_file_loads_and_env_overrides_it():
    cfg = load_config(EXAMPLE, env={"DRC_HUB_URL": "http://127.0.0.1:9", "DRC_TERMINAL_ENABLED": "yes",
                                    "DRC_QUEUE_MAX_PRIORITY_STREAK": "5"})
    assert cfg.source == EXAMPLE
    assert cfg.printer.backend == "network" and cfg.printer.width_dots == 576
    assert cfg.hub.url == "http://127.0.0.1:9"
    assert cfg.terminal.enabled is True and cfg.queue.max_priority_streak == 5
    assert cfg.policy["cut_off"] == 32


def test_secrets_are_not_in_repr(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text('[hub]\napi_key = "s3cret-key"\n[printer]\nqr_secret = "qr-s3cret"\n', encoding="utf-8")
    cfg = load_config(f, env={})
    assert cfg.hub.api_key == "s3cret-key"
    assert "s3cret" not in repr(cfg)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[queue]\nmax_priority_streak = 'many'\n", "queue.max_priority_streak"),
        ("[queue]\nspeed = 3\n", "queue.speed: unknown setting"),
        ("[nonsense]\na = 1\n", "unknown section [nonsense]"),
        ("schema_version = 9\n", "schema_version 9"),
        ("[queue\n", "c.toml"),
    ],
)
def test_bad_files_get_a_message_naming_the_problem(tmp_path, text, message):
    f = tmp_path / "c.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(f, env={})


def test_explicit_missing_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "nope.toml", env={})


def test_bad_env_value_is_an_error():
    with pytest.raises(ConfigError, match="terminal.port"):
        load_config(EXAMPLE, env={"DRC_TERMINAL_PORT": "eighty"})


def test_save_and_load_round_trip_keeps_everything(tmp_path):
    from services.config import save_config

    cfg = load_config(EXAMPLE, env={})
    cfg.printer.backend = "network"
    cfg.printer.host = "10.0.0.9"
    cfg.hub.api_key = "site-key"
    target = save_config(cfg, tmp_path / "saved.toml")
    again = load_config(target, env={})
    assert again.printer.host == "10.0.0.9" and again.hub.api_key == "site-key"
    assert again.policy == cfg.policy and again.queue == cfg.queue
    assert (target.stat().st_mode & 0o777) == 0o600  # it holds secrets


def test_save_into_an_unwritable_place_is_a_clear_error(tmp_path):
    from services.config import Config, save_config

    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="could not save the configuration"):
        save_config(Config(), blocker / "sub" / "config.toml")
