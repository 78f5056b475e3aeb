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


def test_save_creates_the_temp_file_0600_from_the_start(tmp_path, monkeypatch):
    """A reader racing the save never finds the secret in a wider file (finding: config race)."""
    import os

    from services.config import Config, save_config

    seen: list[int] = []
    real_replace = os.replace

    def spy(src, dst):  # the temp file as it is just before it becomes the config
        seen.append(os.stat(src).st_mode & 0o777)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    old = os.umask(0)  # the most permissive umask: only the explicit mode can keep others out
    try:
        cfg = Config()
        cfg.hub.api_key = "k"
        save_config(cfg, tmp_path / "c.toml")
    finally:
        os.umask(old)
    assert seen == [0o600]


def test_world_readable_config_with_secrets_warns(tmp_path, caplog):
    f = tmp_path / "c.toml"
    f.write_text('[hub]\napi_key = "s3cret-key"\n', encoding="utf-8")
    f.chmod(0o644)
    with caplog.at_level("WARNING", logger="services.config"):
        load_config(f, env={})
    assert "readable by other accounts" in caplog.text and "s3cret" not in caplog.text
    caplog.clear()
    f.chmod(0o600)
    with caplog.at_level("WARNING", logger="services.config"):
        load_config(f, env={})
    assert "readable" not in caplog.text


def test_unknown_drc_variables_are_ignored_with_a_warning(tmp_path, caplog):
    """The hub's own DRC_HUB_KEY / DRC_HUB_DB in the environment no longer stop the console."""
    env = {"DRC_CONFIG": str(tmp_path / "none.toml"), "DRC_HUB_KEY": "central", "DRC_HUB_DB": "sqlite://",
           "DRC_NONSENSE": "1", "DRC_HUB_URL": "http://127.0.0.1:9"}
    with caplog.at_level("WARNING", logger="services.config"):
        cfg = load_config(env=env)
    assert cfg.hub.url == "http://127.0.0.1:9" and cfg.hub.api_key == ""
    assert "DRC_HUB_KEY" in caplog.text and "DRC_NONSENSE" in caplog.text and "central" not in caplog.text


def test_drc_console_runs_with_the_hub_variables_set(tmp_path):
    """Through the real entry point: exit 0, not 2."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "DRC_HUB_KEY": "central", "DRC_HUB_DB": "sqlite://",
           "DRC_CONFIG": str(tmp_path / "none.toml")}
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    r = subprocess.run([sys.executable, "-m", "console.main", "db", "upgrade", "--db", db], check=False, env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def test_terminal_binds_loopback_unless_set():
    from services.config import Config

    assert Config().terminal.bind == "127.0.0.1"
    assert load_config(EXAMPLE, env={}).terminal.bind == "0.0.0.0"
